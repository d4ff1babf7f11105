import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { applicationRemarks } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { visitor } from '../identity/actor.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { APPLICATION_SECTIONS } from './application-sections.ts';
import { findReadableApplication } from './application-scope.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { grantStage, stagePeriodProblem, syncPartnershipStatus } from './grant-stage.ts';

const isoDate = z.iso.date('chooseDate');

export const approvalInput = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    /** Whole currency units as typed ("2 400 000"); stored in minor units. */
    amount: z
      .string()
      .transform((s) => s.replace(/[\s\u00a0\u202f.,']/g, ''))
      .pipe(z.string().regex(/^\d{1,12}$/, 'chooseAmount'))
      .transform(Number)
      .refine((n) => n > 0, 'chooseAmount'),
  })
  .refine((v) => v.endsOn > v.startsOn, { message: 'endBeforeStart', path: ['endsOn'] });
export type ApprovalInput = z.infer<typeof approvalInput>;

export const rejectionInput = z.object({ reason: z.string().trim().min(10, 'reasonRequired').max(4000, 'tooLong') });

export const returnInput = z
  .object(Object.fromEntries(APPLICATION_SECTIONS.map((s) => [s, z.string().trim().max(2000, 'tooLong')])) as Record<(typeof APPLICATION_SECTIONS)[number], z.ZodString>)
  .refine((v) => Object.values(v).some((r) => r.length > 0), { message: 'remarkRequired', path: ['basics'] });

async function decidable(ctx: CoreContext, id: string) {
  requirePermission(ctx.actor ?? visitor, 'application:decide');
  const application = await findReadableApplication(ctx, id);
  const [call] = await ctx.db.select().from(calls).where(eq(calls.id, application.callId));
  return { application, call: call! };
}

/** Approve for a period and an amount ceiling; the partnership's agreement chain grows by one stage. */
export async function approveApplication(ctx: CoreContext, id: string, input: ApprovalInput, { publicUrl, now = new Date() }: { publicUrl: string; now?: Date }) {
  const { call } = await decidable(ctx, id);
  const periodProblem = stagePeriodProblem(call.stage, input.startsOn, input.endsOn);
  if (periodProblem) throw new DomainError(periodProblem.code, { field: 'endsOn', params: periodProblem.params });
  const amountMinor = input.amount * 100;
  if (amountMinor > call.budgetCeilingMinor) {
    throw new DomainError('amountAboveCeiling', { field: 'amount', params: { ceiling: call.budgetCeilingMinor / 100, currency: call.currency } });
  }
  return changeApplicationStatus(ctx, id, {
    to: 'approved',
    set: { decidedAt: now, approvedStartsOn: input.startsOn, approvedEndsOn: input.endsOn, approvedAmountMinor: amountMinor, approvedCurrency: call.currency, decisionReason: null },
    publicUrl,
    after: (tx, row) => grantStage({ ...ctx, db: tx }, row, call),
  });
}

export async function rejectApplication(ctx: CoreContext, id: string, reason: string, { publicUrl, now = new Date() }: { publicUrl: string; now?: Date }) {
  await decidable(ctx, id);
  return changeApplicationStatus(ctx, id, { to: 'rejected', set: { decidedAt: now, decisionReason: reason }, message: reason, publicUrl });
}

/** Back to the partners for changes, with the adviser's remarks per section; they edit and resubmit. */
export async function returnApplication(ctx: CoreContext, id: string, remarks: Record<string, string>, { publicUrl }: { publicUrl: string }) {
  const actor = requireUser(ctx.actor ?? visitor);
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
  requirePermission(ctx.actor ?? visitor, 'partnership:manage');
  await findReadableApplication(ctx, id);
  return changeApplicationStatus(ctx, id, { to, publicUrl, after: (tx, row) => syncPartnershipStatus({ ...ctx, db: tx }, row) });
}
