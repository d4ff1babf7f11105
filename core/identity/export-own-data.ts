import { eq, inArray, or } from 'drizzle-orm';
import { agencyRoleAssignments, invitations, memberships, participantAccounts } from '../../db/schema/access.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { session, user } from '../../db/schema/auth.ts';
import { emergencyContacts, participantConsents, participantProfiles } from '../../db/schema/participant-self.ts';
import { participantDocuments, participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission, requireUser } from './permissions.ts';

/**
 * Everything the platform holds about the signed-in person (GDPR art. 15 and 20), as plain data:
 * account, roles, memberships, participant records, sessions, invitations, and the audit entries
 * about them or made by them. Password hashes and session tokens are never included.
 */
export async function exportOwnData(ctx: CoreContext) {
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'account:export-own');
  const id = actor.userId;
  const [account] = await ctx.db
    .select({ id: user.id, name: user.name, email: user.email, locale: user.locale, createdAt: user.createdAt, deletionRequestedAt: user.deletionRequestedAt })
    .from(user)
    .where(eq(user.id, id));
  const participantIds = (await ctx.db.select({ id: participantAccounts.participantId }).from(participantAccounts).where(eq(participantAccounts.userId, id))).map((p) => p.id);
  const [roles, orgs, records, sessions, invites, audit] = await Promise.all([
    ctx.db.select({ role: agencyRoleAssignments.roleCode, since: agencyRoleAssignments.createdAt }).from(agencyRoleAssignments).where(eq(agencyRoleAssignments.userId, id)),
    ctx.db.select({ organisationId: memberships.organisationId, role: memberships.roleCode, since: memberships.createdAt }).from(memberships).where(eq(memberships.userId, id)),
    participantIds.length ? ctx.db.select().from(participants).where(inArray(participants.id, participantIds)) : Promise.resolve([]),
    ctx.db.select({ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent }).from(session).where(eq(session.userId, id)),
    ctx.db.select({ role: invitations.roleCode, organisationId: invitations.organisationId, createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt }).from(invitations).where(eq(invitations.email, actor.email)),
    ctx.db.select().from(auditLog).where(or(eq(auditLog.actorId, id), eq(auditLog.recordId, id))).limit(5000),
  ]);
  // What the person keeps on their own exchange page: details, emergency contacts, consents, and their documents (without the files).
  const own = <T>(read: () => Promise<T[]>) => (participantIds.length ? read() : Promise.resolve([] as T[]));
  const [profiles, contacts, consents, documents] = await Promise.all([
    own(() => ctx.db.select().from(participantProfiles).where(inArray(participantProfiles.participantId, participantIds))),
    own(() => ctx.db.select().from(emergencyContacts).where(inArray(emergencyContacts.participantId, participantIds))),
    own(() => ctx.db.select().from(participantConsents).where(inArray(participantConsents.participantId, participantIds))),
    own(() =>
      ctx.db
        .select({ participantId: participantDocuments.participantId, kind: participantDocuments.kind, status: participantDocuments.status, fileName: participantDocuments.fileName, reviewNote: participantDocuments.reviewNote, updatedAt: participantDocuments.updatedAt })
        .from(participantDocuments)
        .where(inArray(participantDocuments.participantId, participantIds)),
    ),
  ]);
  return {
    exportedAt: ctx.now().toISOString(),
    account,
    agencyRoles: roles,
    memberships: orgs,
    participantRecords: records,
    participantProfiles: profiles,
    emergencyContacts: contacts,
    consents,
    participantDocuments: documents,
    sessions,
    invitations: invites,
    auditTrail: audit,
  };
}
