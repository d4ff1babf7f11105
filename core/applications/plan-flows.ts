import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applicationPartners, planFlows } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { isRecordId } from '../records/record-id.ts';

export const planFlowInput = z.object({
  round: z.coerce.number().int('chooseRound').min(1, 'chooseRound').max(5, 'chooseRound'),
  sendingOrganisationId: z.uuid('choosePartner'),
  hostOrganisationId: z.uuid('choosePartner'),
  participants: z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber').min(1, 'atLeastOneParticipant').max(50, 'tooManyParticipants'),
  months: z.coerce.number({ message: 'wholeNumber' }).int('wholeNumber'),
  startMonth: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'chooseMonth'),
  competence: z.string().trim().min(3, 'competenceRequired').max(300, 'tooLong'),
  purpose: z.string().trim().min(3, 'purposeRequired').max(1000, 'tooLong'),
});
export type PlanFlowInput = z.infer<typeof planFlowInput>;

/**
 * Adds one line to the exchange plan. The rules of one line are checked here, with messages naming
 * the partner; the rules of the whole plan (reciprocity, shape) when the application is submitted.
 */
export async function addPlanFlow(ctx: CoreContext, id: string, input: PlanFlowInput) {
  await ctx.db.transaction(async (tx) => {
    const application = await lockEditableApplication(ctx, tx, id);
    const partners = await tx
      .select({ id: organisations.id, name: organisations.legalName })
      .from(applicationPartners)
      .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
      .where(eq(applicationPartners.applicationId, id));
    const name = new Map(partners.map((p) => [p.id, p.name]));
    if (!name.has(input.sendingOrganisationId)) throw new DomainError('choosePartner', { field: 'sendingOrganisationId' });
    if (!name.has(input.hostOrganisationId)) throw new DomainError('choosePartner', { field: 'hostOrganisationId' });
    if (input.sendingOrganisationId === input.hostOrganisationId) {
      throw new DomainError('selfFlow', { field: 'hostOrganisationId', params: { partner: name.get(input.sendingOrganisationId)! } });
    }
    const [programme] = await tx
      .select({ stayMonths: programmes.stayMonths, name: programmes.name })
      .from(calls)
      .innerJoin(programmes, eq(programmes.id, calls.programmeId))
      .where(eq(calls.id, application.callId));
    const allowed = [...(programme?.stayMonths ?? [])].sort((a, b) => a - b);
    if (!allowed.includes(input.months)) {
      throw new DomainError('monthsNotAllowed', { field: 'months', params: { months: input.months, allowed: allowed.join(', '), programme: programme?.name ?? '' } });
    }
    const [flow] = await tx.insert(planFlows).values({ ...input, applicationId: id }).returning();
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations(tx, id);
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
    const confirmationsReset = await resetConfirmations(tx, id);
    const { createdAt: _c, ...before } = removed[0]!;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.flow-removed', recordType: 'application', recordId: id, before, after: { confirmationsReset } });
  });
}
