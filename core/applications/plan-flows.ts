import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationPartners, planFlows } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { refuseProblems, type FieldProblem } from '../errors.ts';
import { findReadableApplication } from './application-scope.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { flowStartWindow } from './stage-period.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { isRecordId } from '../records/record-id.ts';

export const planFlowInput = z.object({
  round: z.coerce.number().int('chooseRound').min(1, 'chooseRound').max(5, 'chooseRound'),
  sendingOrganisationId: z.uuid('choosePartner'),
  hostOrganisationId: z.uuid('choosePartner'),
  participants: z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber').min(1, 'atLeastOneParticipant').max(50, 'tooManyParticipants'),
  months: z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber'),
  startMonth: text().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'chooseMonth'),
  competence: text().trim().min(3, 'competenceRequired').max(300, 'tooLong'),
  purpose: text().trim().min(3, 'purposeRequired').max(1000, 'tooLong'),
});
export type PlanFlowInput = z.infer<typeof planFlowInput>;

/**
 * Every problem with one line of the plan, each with its field, for whichever of its values are given:
 * both ends partners of the application and not the same one, a length of stay the programme allows,
 * and a start month within the periods the call can fund (`flowStartWindow`: the application has no
 * period of its own before approval). Messages name the partner and the months allowed.
 */
async function flowProblems(db: Database, application: { callId: string; id: string }, input: Partial<PlanFlowInput>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const partners = await db
    .select({ id: organisations.id, name: organisations.legalName })
    .from(applicationPartners)
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .where(eq(applicationPartners.applicationId, application.id));
  const name = new Map(partners.map((p) => [p.id, p.name]));
  const { sendingOrganisationId: sending, hostOrganisationId: host } = input;
  if (sending !== undefined && !name.has(sending)) problems.push({ field: 'sendingOrganisationId', code: 'choosePartner' });
  if (host !== undefined && !name.has(host)) problems.push({ field: 'hostOrganisationId', code: 'choosePartner' });
  if (sending !== undefined && sending === host && name.has(sending)) problems.push({ field: 'hostOrganisationId', code: 'selfFlow', params: { partner: name.get(sending)! } });

  const [rules] = await db
    .select({ stayMonths: programmes.stayMonths, name: programmes.name, opensOn: calls.opensOn, deadline: calls.deadline, stage: calls.stage })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, application.callId));
  const allowed = [...(rules?.stayMonths ?? [])].sort((a, b) => a - b);
  if (input.months !== undefined && !allowed.includes(input.months)) {
    problems.push({ field: 'months', code: 'monthsNotAllowed', params: { months: input.months, allowed: allowed.join(', '), programme: rules?.name ?? '' } });
  }
  if (input.startMonth !== undefined && rules) {
    const { first, last } = flowStartWindow(rules);
    if (input.startMonth < first || input.startMonth > last) problems.push({ field: 'startMonth', code: 'startMonthOutsideCall', params: { first, last } });
  }
  return problems;
}

/**
 * What adding this line would be refused for, without adding it: the plan step asks with the values
 * that passed their format check, so the rules' problems show with the format's.
 */
export async function checkPlanFlow(ctx: CoreContext, id: string, input: Partial<PlanFlowInput>): Promise<FieldProblem[]> {
  const application = await findReadableApplication(ctx, id);
  return flowProblems(ctx.db, application, input);
}

/**
 * Adds one line to the exchange plan, refused with every problem of the line at once (`flowProblems`);
 * the rules of the whole plan (reciprocity, shape) are checked when the application is submitted.
 */
export async function addPlanFlow(ctx: CoreContext, id: string, input: PlanFlowInput) {
  await ctx.db.transaction(async (tx) => {
    const application = await lockEditableApplication(ctx, tx, id);
    refuseProblems(await flowProblems(tx, application, input));
    const [flow] = await tx.insert(planFlows).values({ ...input, applicationId: id }).returning();
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, { part: 'plan' });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.flow-added', recordType: 'application', recordId: id, after: { flowId: flow!.id, ...input, confirmationsReset } });
  });
}

export async function removePlanFlow(ctx: CoreContext, id: string, flowId: string) {
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    if (!isRecordId(flowId)) return;
    const removed = await tx.delete(planFlows).where(and(eq(planFlows.id, flowId), eq(planFlows.applicationId, id))).returning();
    if (removed.length === 0) return;
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, { part: 'plan' });
    const { createdAt: _c, ...before } = removed[0]!;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.flow-removed', recordType: 'application', recordId: id, before, after: { confirmationsReset } });
  });
}
