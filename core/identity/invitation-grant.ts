import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { agencyRoleAssignments, invitations, memberships, participantAccounts } from '../../db/schema/access.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { coreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { agencyRoles, organisationRoles } from './actor.ts';

/**
 * Closes an invitation as accepted by this person and gives them the role it carries, audited as done by
 * them: accepting with a new account and granting to a signed-in one end the same way.
 */
export async function grant(tx: Database, invitationId: string, userId: string, now: Date) {
  // Closing the invitation first, conditionally, makes a double submit (two tabs) fail cleanly.
  const [closed] = await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  if (!closed) throw new DomainError('invitationUsed', { status: 410 });
  const role = closed.roleCode;
  if ((agencyRoles as readonly string[]).includes(role)) {
    await tx.insert(agencyRoleAssignments).values({ userId, roleCode: role }).onConflictDoNothing();
  } else if ((organisationRoles as readonly string[]).includes(role) && closed.organisationId) {
    await tx.insert(memberships).values({ userId, organisationId: closed.organisationId, roleCode: role }).onConflictDoNothing();
  } else if (role === 'participant' && closed.participantId) {
    await tx.insert(participantAccounts).values({ userId, participantId: closed.participantId }).onConflictDoNothing();
  }
  const actor = { kind: 'user' as const, userId, name: closed.name, email: closed.email, locale: closed.locale, agencyRoles: [], memberships: [], participantIds: [] };
  await recordAudit(tx, coreContext({ db: tx, actor, now: () => now }), {
    action: 'invitation.accepted',
    recordType: 'invitation',
    recordId: invitationId,
    before: { acceptedAt: null },
    after: { acceptedAt: now.toISOString(), userId, role, organisationId: closed.organisationId, participantId: closed.participantId },
  });
}
