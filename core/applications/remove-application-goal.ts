import { and, eq } from 'drizzle-orm';
import { applicationGoals } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { confirmedPart, goalOf } from './goal-owner.ts';

export async function removeApplicationGoal(ctx: CoreContext, { applicationId: id, goalId }: { applicationId: string; goalId: string }) {
  await ctx.db.transaction(async (tx) => {
    const seen = await goalOf(tx, id, goalId);
    await lockEditableApplication(ctx, tx, id, undefined, { ownedBy: seen?.organisationId ?? null });
    // Gone already (a second click): nothing to do.
    if (!seen) return;
    const removed = await tx.delete(applicationGoals).where(and(eq(applicationGoals.id, goalId), eq(applicationGoals.applicationId, id))).returning();
    if (removed.length === 0) return;
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, confirmedPart(removed[0]!.organisationId));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.goal-removed', recordType: 'application', recordId: id, before: { goalId, organisationId: removed[0]!.organisationId, description: removed[0]!.description }, after: { confirmationsReset } });
  });
}
