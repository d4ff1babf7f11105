import { asc, eq } from 'drizzle-orm';
import { applicationGoals, goalIndicators } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { confirmedPart, goalOf } from './goal-owner.ts';
import type { GoalChangeInput } from './goal-input.ts';

/** Rewrites a goal and its indicators; the owner's confirmation (all, for a shared goal) is asked for again. */
export async function updateApplicationGoal(ctx: CoreContext, { applicationId: id, goalId, ...input }: GoalChangeInput & { applicationId: string; goalId: string }) {
  await ctx.db.transaction(async (tx) => {
    const seen = await goalOf(tx, id, goalId);
    await lockEditableApplication(ctx, tx, id, undefined, { ownedBy: seen?.organisationId ?? null });
    const goal = await goalOf(tx, id, goalId);
    if (!goal || goal.organisationId !== seen?.organisationId) throw new NotFoundError('goal');
    const before = await tx.select().from(goalIndicators).where(eq(goalIndicators.goalId, goalId)).orderBy(asc(goalIndicators.position));
    await tx.update(applicationGoals).set({ description: input.description }).where(eq(applicationGoals.id, goalId));
    await tx.delete(goalIndicators).where(eq(goalIndicators.goalId, goalId));
    // An indicator rewritten in its place stays the same series (a continuation's actuals line up with the earlier rounds').
    await tx.insert(goalIndicators).values(input.indicators.map((i, position) => ({ ...i, goalId, position, ...(before[position] ? { seriesId: before[position].seriesId } : {}) })));
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, confirmedPart(goal.organisationId));
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'application.goal-changed',
      recordType: 'application',
      recordId: id,
      before: { goalId, organisationId: goal.organisationId, description: goal.description, indicators: before.map(({ description, baseline, target, level, countsPeople, sdgTargets }) => ({ description, baseline, target, level, countsPeople, sdgTargets })) },
      after: { goalId, organisationId: goal.organisationId, description: input.description, indicators: input.indicators, confirmationsReset },
    });
  });
}
