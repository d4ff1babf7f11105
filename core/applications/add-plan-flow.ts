import { planFlows } from '../../db/schema/applications.ts';
import { recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems } from '../errors.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { flowProblems } from './plan-flow-problems.ts';
import type { PlanFlowInput } from './plan-flow-input.ts';

/**
 * Adds one line to the exchange plan, refused with every problem of the line at once (`flowProblems`);
 * the rules of the whole plan (reciprocity, shape) are checked when the application is submitted.
 */
export async function addPlanFlow(ctx: CoreContext, { applicationId: id, ...input }: PlanFlowInput & { applicationId: string }) {
  await ctx.db.transaction(async (tx) => {
    const application = await lockEditableApplication(ctx, tx, id);
    refuseProblems(await flowProblems(tx, application, input));
    const [flow] = await tx.insert(planFlows).values({ ...input, applicationId: id }).returning();
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, { part: 'plan' });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.flow-added', recordType: 'application', recordId: id, after: { flowId: flow!.id, ...input, confirmationsReset } });
    // The round budget follows the plan in the same transaction (docs/decisions/016).
    await recordBudgetVersions(tx, { applicationId: id, cause: 'planChanged', userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, now: ctx.now() });
  });
}
