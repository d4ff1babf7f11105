import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationRemarks, applicationScores } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { isIsoDate } from '../calls/call-dates.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems, type FieldProblem } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { transition, type ApplicationStatus } from '../partnerships/application-status.ts';
import { APPLICATION_SECTIONS } from './application-sections.ts';
import { findReadableApplication } from './application-scope.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { grantStage, syncPartnershipStatus } from './grant-stage.ts';
import { LATEST_START_AFTER_DEADLINE_MONTHS, periodStartWindow, stagePeriodProblem } from './stage-period.ts';

const isoDate = z.iso.date('chooseDate');

export const approvalInput = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    /** Whole currency units as typed ("2 400 000"); stored in minor units. */
    amount: z
      .string()
      .transform((s) => s.replace(/[\s\u00a0\u202f.,']/g, ''))
      .pipe(text().regex(/^\d{1,12}$/, 'chooseAmount'))
      .transform(Number)
      .refine((n) => n > 0, 'chooseAmount'),
  })
  .superRefine(
    (v, ctx) => {
      if (isIsoDate(v.startsOn) && isIsoDate(v.endsOn) && v.endsOn <= v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endBeforeStart' });
    },
    // Also when the amount is refused, so both come back together.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type ApprovalInput = z.infer<typeof approvalInput>;

export const rejectionInput = z.object({ reason: text().trim().min(10, 'reasonRequired').max(4000, 'tooLong') });

export const returnInput = z
  .object(Object.fromEntries(APPLICATION_SECTIONS.map((s) => [s, text().trim().max(2000, 'tooLong')])) as Record<(typeof APPLICATION_SECTIONS)[number], z.ZodString>)
  .refine((v) => Object.values(v).some((r) => r.length > 0), { message: 'remarkRequired', path: ['basics'] });

async function decidable(ctx: CoreContext, id: string) {
  requirePermission(ctx.actor, 'application:decide');
  const application = await findReadableApplication(ctx, id);
  const [call] = await ctx.db.select().from(calls).where(eq(calls.id, application.callId));
  return { application, call: call! };
}

/**
 * Every reason not to approve with these values, each with its field, for whichever values are given:
 * each of the call's criteria scored (by any adviser: scores are saved for all criteria at once, and
 * the one who decides need not be the one who scored; `scores`), a period that starts within
 * `periodStartWindow` (`startsOn`) and lasts as the stage allows (`endsOn`), an amount within the
 * call's ceiling (`amount`).
 */
async function approvalProblems(ctx: CoreContext, applicationId: string, call: typeof calls.$inferSelect, input: Partial<ApprovalInput>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const criteria = await ctx.db.select({ id: callCriteria.id, name: callCriteria.name }).from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(asc(callCriteria.position));
  const scored = new Set((await ctx.db.selectDistinct({ id: applicationScores.criterionId }).from(applicationScores).where(eq(applicationScores.applicationId, applicationId))).map((s) => s.id));
  const unscored = criteria.filter((c) => !scored.has(c.id));
  if (unscored.length > 0) problems.push({ field: 'scores', code: 'scoresMissing', params: { criteria: unscored.map((c) => c.name).join(', '), count: unscored.length } });

  const { startsOn, endsOn, amount } = input;
  if (startsOn !== undefined) {
    const { first, last } = periodStartWindow(call);
    if (startsOn < first || startsOn > last) problems.push({ field: 'startsOn', code: 'periodStartOutsideCall', params: { first, last, years: LATEST_START_AFTER_DEADLINE_MONTHS / 12 } });
  }
  if (startsOn !== undefined && endsOn !== undefined) {
    const lasts = endsOn > startsOn ? stagePeriodProblem(call.stage, startsOn, endsOn) : { code: 'endBeforeStart' as const, params: {} };
    if (lasts) problems.push({ field: 'endsOn', ...lasts });
  }
  if (amount !== undefined && amount * 100 > call.budgetCeilingMinor) {
    problems.push({ field: 'amount', code: 'amountAboveCeiling', params: { ceiling: call.budgetCeilingMinor / 100, currency: call.currency } });
  }
  return problems;
}

/**
 * What approving with these values would be refused for, without approving: the review form asks
 * with the values that passed their format check, so the rules' problems show with the format's.
 */
export async function checkApproval(ctx: CoreContext, id: string, input: Partial<ApprovalInput>): Promise<FieldProblem[]> {
  const { application, call } = await decidable(ctx, id);
  return approvalProblems(ctx, application.id, call, input);
}

/**
 * Approve for a period and an amount ceiling; the partnership's agreement chain grows by one stage.
 * Refused with every problem at once (`approvalProblems`); a status that allows no decision is a
 * conflict (409) before any of them.
 */
export async function approveApplication(ctx: CoreContext, id: string, input: ApprovalInput, { publicUrl }: { publicUrl: string }) {
  const now = ctx.now();
  const { application, call } = await decidable(ctx, id);
  transition(application.status as ApplicationStatus, 'approved');
  refuseProblems(await approvalProblems(ctx, application.id, call, input));
  const amountMinor = input.amount * 100;
  return changeApplicationStatus(ctx, id, {
    to: 'approved',
    set: { decidedAt: now, approvedStartsOn: input.startsOn, approvedEndsOn: input.endsOn, approvedAmountMinor: amountMinor, approvedCurrency: call.currency, decisionReason: null },
    publicUrl,
    after: (tx, row) => grantStage({ ...ctx, db: tx }, row, call),
  });
}

export async function rejectApplication(ctx: CoreContext, id: string, reason: string, { publicUrl }: { publicUrl: string }) {
  const now = ctx.now();
  await decidable(ctx, id);
  return changeApplicationStatus(ctx, id, { to: 'rejected', set: { decidedAt: now, decisionReason: reason }, message: reason, publicUrl });
}

/** Back to the partners for changes, with the adviser's remarks per section; they edit and resubmit. */
export async function returnApplication(ctx: CoreContext, id: string, remarks: Record<string, string>, { publicUrl }: { publicUrl: string }) {
  const actor = requireUser(ctx.actor);
  await decidable(ctx, id);
  const given = Object.entries(remarks).filter(([section, remark]) => (APPLICATION_SECTIONS as readonly string[]).includes(section) && remark.trim());
  return changeApplicationStatus(ctx, id, {
    to: 'returned',
    publicUrl,
    message: given.map(([, remark]) => remark.trim()).join('\n\n'),
    after: async (tx) => {
      await tx.insert(applicationRemarks).values(given.map(([section, remark]) => ({ applicationId: id, section, remark: remark.trim(), authorId: actor.userId })));
    },
  });
}

/** After approval: the agreement starts (active), winds down (closing) and ends (closed). */
export async function advanceApplication(ctx: CoreContext, id: string, to: 'active' | 'closing' | 'closed', { publicUrl }: { publicUrl: string }) {
  requirePermission(ctx.actor, 'partnership:manage');
  await findReadableApplication(ctx, id);
  return changeApplicationStatus(ctx, id, { to, publicUrl, after: (tx, row) => syncPartnershipStatus({ ...ctx, db: tx }, row) });
}
