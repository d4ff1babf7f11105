import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { account, user } from '../../db/schema/auth.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { getOpenInvitation } from './get-invitation.ts';
import { grant } from './invitation-grant.ts';
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
  const invitation = await getOpenInvitation(ctx, { token: input.token });
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
