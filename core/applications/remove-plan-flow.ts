import { and, eq } from 'drizzle-orm';
import { planFlows } from '../../db/schema/applications.ts';
import { recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { isRecordId } from '../records/record-id.ts';

export async function removePlanFlow(ctx: CoreContext, { applicationId: id, flowId }: { applicationId: string; flowId: string }) {
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    if (!isRecordId(flowId)) return;
    const removed = await tx.delete(planFlows).where(and(eq(planFlows.id, flowId), eq(planFlows.applicationId, id))).returning();
    if (removed.length === 0) return;
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, { part: 'plan' });
    const { createdAt: _c, ...before } = removed[0]!;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.flow-removed', recordType: 'application', recordId: id, before, after: { confirmationsReset } });
    await recordBudgetVersions(tx, { applicationId: id, cause: 'planChanged', userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, now: ctx.now() });
  });
}
