import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { applicationGoals, applicationPartners, goalIndicators } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { isRecordId } from '../records/record-id.ts';

const indicator = z.object({
  description: z.string().trim().max(300, 'tooLong'),
  baseline: z.string().trim().max(100, 'tooLong'),
  target: z.string().trim().max(100, 'tooLong'),
});

export const INDICATOR_ROWS = 3;

/** A goal of one partner ("owner" is its organisation id) or of all ("shared"), with 1–3 indicators. */
export const applicationGoalInput = z
  .object({
    owner: z.union([z.literal('shared'), z.uuid('choosePartner')], { message: 'choosePartner' }),
    description: z.string().trim().min(5, 'goalRequired').max(1000, 'tooLong'),
    indicators: z.array(indicator).max(INDICATOR_ROWS),
  })
  .transform((v) => ({ ...v, indicators: v.indicators.filter((i) => i.description || i.baseline || i.target) }))
  .superRefine((v, ctx) => {
    if (v.indicators.length === 0) ctx.addIssue({ code: 'custom', message: 'indicatorRequired', path: ['indicators', 0, 'description'] });
    v.indicators.forEach((i, n) => {
      if (!i.description || !i.baseline || !i.target) ctx.addIssue({ code: 'custom', message: 'indicatorIncomplete', path: ['indicators', n, i.description ? (i.baseline ? 'target' : 'baseline') : 'description'] });
    });
  });
export type ApplicationGoalInput = z.infer<typeof applicationGoalInput>;

export async function addApplicationGoal(ctx: CoreContext, id: string, input: ApplicationGoalInput) {
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    const organisationId = input.owner === 'shared' ? null : input.owner;
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
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.goal-added', recordType: 'application', recordId: id, after: { goalId: goal!.id, organisationId, description: input.description, indicators: input.indicators } });
  });
}

export async function removeApplicationGoal(ctx: CoreContext, id: string, goalId: string) {
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    if (!isRecordId(goalId)) return;
    const removed = await tx.delete(applicationGoals).where(and(eq(applicationGoals.id, goalId), eq(applicationGoals.applicationId, id))).returning();
    if (removed.length === 0) return;
    await touchApplication(tx, id);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.goal-removed', recordType: 'application', recordId: id, before: { goalId, description: removed[0]!.description } });
  });
}
