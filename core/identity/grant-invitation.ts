import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { getOpenInvitation } from './get-invitation.ts';
import { grant } from './invitation-grant.ts';

/** Gives a signed-in person the role an invitation to their email address carries. */
export async function grantInvitation(ctx: CoreContext, { token, userId }: { token: string; userId: string }) {
  const { db } = ctx;
  const now = ctx.now();
  const invitation = await getOpenInvitation(ctx, { token });
  if (invitation.existingUserId !== userId) throw new DomainError('invitationForSomeoneElse', { status: 403 });
  await db.transaction((tx) => grant(tx, invitation.id, userId, now));
}
