import { and, eq, isNull } from 'drizzle-orm';
import { user } from '../../db/schema/auth.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission, requireUser } from './permissions.ts';

/**
 * A person asks for their data to be deleted. The agency must keep some records (grants, statistics),
 * so an administrator reviews the request and anonymises the person; the request itself is recorded.
 */
export async function requestDeletion(ctx: CoreContext) {
  const now = ctx.now();
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'account:request-deletion');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(user)
      .set({ deletionRequestedAt: now, updatedAt: now })
      .where(and(eq(user.id, actor.userId), isNull(user.deletionRequestedAt)))
      .returning({ id: user.id });
    if (updated.length === 0) return; // asked before: once is enough
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'account.deletion-requested', recordType: 'user', recordId: actor.userId, before: { deletionRequestedAt: null }, after: { deletionRequestedAt: now.toISOString() } });
  });
}
