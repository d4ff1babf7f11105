import { eq } from 'drizzle-orm';
import { agencyRoleAssignments, memberships, participantAccounts } from '../../db/schema/access.ts';
import { account, session, user } from '../../db/schema/auth.ts';
import { emergencyContacts, participantProfiles } from '../../db/schema/participant-self.ts';
import { participants } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from './permissions.ts';
import { isStorableText } from '../input/text.ts';

/**
 * Removes a person's name, contacts, sign-in and sessions, and the names on their participant records,
 * while keeping the rows that statistics count (gender, birth year, countries, dates). Administrators only.
 */
export async function anonymiseUser(ctx: CoreContext, { userId }: { userId: string }) {
  const now = ctx.now();
  requirePermission(ctx.actor, 'user:anonymise');
  // Account ids are better-auth's own strings, not always UUIDs: text that cannot be stored names nobody.
  if (!isStorableText(userId)) throw new NotFoundError('user');
  await ctx.db.transaction(async (tx) => {
    const [person] = await tx.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.id, userId));
    if (!person) throw new NotFoundError('user');
    const linked = await tx.select({ id: participantAccounts.participantId }).from(participantAccounts).where(eq(participantAccounts.userId, userId));
    for (const { id } of linked) {
      // The nomination's email address is a contact like the account's: it goes too.
      await tx.update(participants).set({ givenName: 'Anonymised', familyName: 'Person', email: null, updatedAt: now }).where(eq(participants.id, id));
      // So are the phone numbers and addresses the person gave, and the people they named to call.
      await tx.delete(participantProfiles).where(eq(participantProfiles.participantId, id));
      await tx.delete(emergencyContacts).where(eq(emergencyContacts.participantId, id));
    }
    await tx.delete(session).where(eq(session.userId, userId));
    await tx.delete(account).where(eq(account.userId, userId));
    await tx.delete(agencyRoleAssignments).where(eq(agencyRoleAssignments.userId, userId));
    await tx.delete(memberships).where(eq(memberships.userId, userId));
    await tx
      .update(user)
      .set({ name: 'Anonymised person', email: `anonymised-${userId}@invalid`, anonymisedAt: now, updatedAt: now })
      .where(eq(user.id, userId));
    await recordAudit(tx, ctx, {
      action: 'user.anonymised',
      recordType: 'user',
      recordId: userId,
      // Personal data is masked in the trail too: only that it was removed.
      before: { name: '***', email: '***', participantRecords: linked.length },
      after: { name: 'Anonymised person', email: 'removed', anonymisedAt: now.toISOString() },
    });
  });
}
