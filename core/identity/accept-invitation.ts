import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import type { Database } from '../../db/database.ts';
import { agencyRoleAssignments, invitations, memberships, participantAccounts } from '../../db/schema/access.ts';
import { account, user } from '../../db/schema/auth.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { coreContext, type CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { agencyRoles, organisationRoles } from './actor.ts';
import { getOpenInvitation } from './get-invitation.ts';

import { newPasswordFields, passwordsMatch } from './new-password-input.ts';

export const acceptInvitationInput = z
  .object({
    token: text().min(20).max(200),
    name: text().trim().min(1, 'required').max(200, 'tooLong'),
    ...newPasswordFields,
  })
  .refine(...passwordsMatch);
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

/**
 * Accepting an invitation for a new person: creates the account with a password (hashed by
 * better-auth's scrypt), marks the email verified (the link proved it), gives the role or membership,
 * and closes the invitation, all in one transaction. For a person who already has an account, use
 * `grantInvitation` after they have signed in.
 */
export async function acceptInvitation(ctx: CoreContext, input: AcceptInvitationInput) {
  const { db } = ctx;
  const now = ctx.now();
  const invitation = await getOpenInvitation(ctx, input.token);
  if (invitation.existingUserId) throw new DomainError('invitationNeedsSignIn', { status: 409 });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const userId = randomUUID();
    await tx.insert(user).values({ id: userId, name: input.name, email: invitation.email, emailVerified: true, locale: invitation.locale });
    await tx.insert(account).values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash });
    await grant(tx, invitation.id, userId, now);
    return { userId, email: invitation.email };
  });
}

/** Gives a signed-in person the role an invitation to their email address carries. */
export async function grantInvitation(ctx: CoreContext, token: string, userId: string) {
  const { db } = ctx;
  const now = ctx.now();
  const invitation = await getOpenInvitation(ctx, token);
  if (invitation.existingUserId !== userId) throw new DomainError('invitationForSomeoneElse', { status: 403 });
  await db.transaction((tx) => grant(tx, invitation.id, userId, now));
}

async function grant(tx: Database, invitationId: string, userId: string, now: Date) {
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
