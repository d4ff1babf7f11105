import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationGoals, applicationPartners, goalIndicators } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { isRecordId } from '../records/record-id.ts';

const indicator = z.object({
  description: text().trim().max(300, 'tooLong'),
  baseline: text().trim().max(100, 'tooLong'),
  target: text().trim().max(100, 'tooLong'),
});

export const INDICATOR_ROWS = 3;

type GoalText = { description: string; indicators: { description: string; baseline: string; target: string }[] };

/** Empty indicator rows are dropped; at least one must remain, and each kept one needs all three boxes. */
function indicatorRules<T extends GoalText>(schema: z.ZodType<T>) {
  return schema
    .transform((v) => ({ ...v, indicators: v.indicators.filter((i) => i.description || i.baseline || i.target) }))
    .superRefine((v, ctx) => {
      if (v.indicators.length === 0) ctx.addIssue({ code: 'custom', message: 'indicatorRequired', path: ['indicators', 0, 'description'] });
      v.indicators.forEach((i, n) => {
        if (!i.description || !i.baseline || !i.target) ctx.addIssue({ code: 'custom', message: 'indicatorIncomplete', path: ['indicators', n, i.description ? (i.baseline ? 'target' : 'baseline') : 'description'] });
      });
    });
}

const goalText = {
  description: text().trim().min(5, 'goalRequired').max(1000, 'tooLong'),
  indicators: z.array(indicator).max(INDICATOR_ROWS),
};

/** A goal of one partner ("owner" is its organisation id) or of all ("shared"), with 1–3 indicators. */
export const applicationGoalInput = indicatorRules(z.object({ owner: z.union([z.literal('shared'), z.uuid('choosePartner')], { message: 'choosePartner' }), ...goalText }));
export type ApplicationGoalInput = z.infer<typeof applicationGoalInput>;

/** A goal rewritten in place: its text and indicators; whose goal it is does not change. */
export const goalChangeInput = indicatorRules(z.object(goalText));
export type GoalChangeInput = z.infer<typeof goalChangeInput>;

/**
 * Who owns a goal decides who may change it and whose confirmation the change withdraws: a partner's
 * goal is that partner's (its coordinators and the coordinating partner's may change it; it alone
 * confirms again), a shared goal everyone's (the coordinating partner changes it; all confirm again).
 */
const confirmedPart = (organisationId: string | null) => (organisationId ? ({ part: 'partnerGoals', organisationId } as const) : ({ part: 'sharedGoals' } as const));

export async function addApplicationGoal(ctx: CoreContext, id: string, input: ApplicationGoalInput) {
  await ctx.db.transaction(async (tx) => {
    const organisationId = input.owner === 'shared' ? null : input.owner;
    await lockEditableApplication(ctx, tx, id, undefined, { ownedBy: organisationId });
    if (organisationId) {
      const [partner] = await tx.select().from(applicationPartners).where(and(eq(applicationPartners.applicationId, id), eq(applicationPartners.organisationId, organisationId)));
      if (!partner) throw new DomainError('choosePartner', { field: 'owner' });
    }
    const [last] = await tx.select({ n: max(applicationGoals.position) }).from(applicationGoals).where(eq(applicationGoals.applicationId, id));
    const [goal] = await tx
      .insert(applicationGoals)
      .values({ applicationId: id, organisationId, description: input.description, position: (last?.n ?? -1) + 1 })
      .returning();
    await tx.insert(goalIndicators).values(input.indicators.map((i, position) => ({ ...i, goalId: goal!.id, position })));
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, confirmedPart(organisationId));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.goal-added', recordType: 'application', recordId: id, after: { goalId: goal!.id, organisationId, description: input.description, indicators: input.indicators, confirmationsReset } });
  });
}

/** The goal, if it is this application's (read before the lock, to know whose it is; read again under it). */
async function goalOf(db: Database, id: string, goalId: string) {
  if (!isRecordId(goalId) || !isRecordId(id)) return undefined;
  const [goal] = await db.select().from(applicationGoals).where(and(eq(applicationGoals.id, goalId), eq(applicationGoals.applicationId, id)));
  return goal;
}

/** Rewrites a goal and its indicators; the owner's confirmation (all, for a shared goal) is asked for again. */
export async function updateApplicationGoal(ctx: CoreContext, id: string, goalId: string, input: GoalChangeInput) {
  await ctx.db.transaction(async (tx) => {
    const seen = await goalOf(tx, id, goalId);
    await lockEditableApplication(ctx, tx, id, undefined, { ownedBy: seen?.organisationId ?? null });
    const goal = await goalOf(tx, id, goalId);
    if (!goal || goal.organisationId !== seen?.organisationId) throw new NotFoundError('goal');
    const before = await tx.select().from(goalIndicators).where(eq(goalIndicators.goalId, goalId)).orderBy(asc(goalIndicators.position));
    await tx.update(applicationGoals).set({ description: input.description }).where(eq(applicationGoals.id, goalId));
    await tx.delete(goalIndicators).where(eq(goalIndicators.goalId, goalId));
    await tx.insert(goalIndicators).values(input.indicators.map((i, position) => ({ ...i, goalId, position })));
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, confirmedPart(goal.organisationId));
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'application.goal-changed',
      recordType: 'application',
      recordId: id,
      before: { goalId, organisationId: goal.organisationId, description: goal.description, indicators: before.map(({ description, baseline, target }) => ({ description, baseline, target })) },
      after: { goalId, organisationId: goal.organisationId, description: input.description, indicators: input.indicators, confirmationsReset },
    });
  });
}

export async function removeApplicationGoal(ctx: CoreContext, id: string, goalId: string) {
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
