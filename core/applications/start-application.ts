import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipPartners } from '../../db/schema/partnerships.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { callPhase } from '../calls/call-window.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { continuationProblem } from '../partnerships/continuation-rule.ts';
import { deriveShape } from '../partnerships/derive-shape.ts';
import { recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import { emailCoordinators } from './notify-partners.ts';
import { continuingCall, loadPartnershipChains, prefillContinuation, type LoadedPartnership } from './partnership-continuation.ts';

export const startApplicationInput = z.object({
  callId: z.uuid('chooseCall'),
  organisationId: z.uuid('chooseOrganisation'),
  title: text().trim().min(3, 'titleRequired').max(200, 'tooLong'),
  /** For a follow-up (agreement after a study, or a round): the partnership it extends. */
  partnershipId: z.uuid('invalid').optional().or(z.literal('').transform(() => undefined)),
});
export type StartApplicationInput = z.infer<typeof startApplicationInput>;

/**
 * A coordinator opens a draft for an open call, on behalf of their organisation, which becomes the
 * coordinating partner (confirmed by this act). A follow-up continues one of the organisation's
 * partnerships, if its agreement chain allows the call's stage in the call's programme, and starts
 * filled in from the partnership's last stage (partners, focus, goals, plan, emergency plan); the
 * other partners have to confirm it and are asked to by email.
 */
export async function startApplication(ctx: CoreContext, input: StartApplicationInput): Promise<string> {
  const now = ctx.now();
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'application:create', { organisationId: input.organisationId });
  return ctx.db.transaction(async (tx) => {
    const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId));
    if (!call) throw new DomainError('chooseCall', { field: 'callId' });
    if (callPhase(call, now) !== 'open') throw new DomainError('callNotOpen', { field: 'callId', params: { deadline: call.deadline } });

    const partnerIds = [input.organisationId];
    let continued: LoadedPartnership | undefined;
    if (input.partnershipId) {
      continued = (await loadPartnershipChains(tx, [input.partnershipId])).get(input.partnershipId);
      const members = await tx.select().from(partnershipPartners).where(eq(partnershipPartners.partnershipId, input.partnershipId));
      if (!continued || !members.some((m) => m.organisationId === input.organisationId)) {
        throw new DomainError('notYourPartnership', { field: 'partnershipId' });
      }
      // The agreement chain decides which stage may follow (core/partnerships/continuation-rule.ts).
      const problem = continuationProblem(continued, await continuingCall(tx, call), osloDate(now));
      if (problem) throw new DomainError(problem.code, { field: 'partnershipId', params: problem.params });
      partnerIds.push(...members.map((m) => m.organisationId).filter((id) => id !== input.organisationId));
    } else if (call.stage === 'round') {
      throw new DomainError('roundNeedsPartnership', { field: 'partnershipId' });
    }

    const countries = await tx.select({ id: organisations.id, country: organisations.countryCode }).from(organisations).where(inArray(organisations.id, partnerIds));
    const countryOf = new Map(countries.map((c) => [c.id, c.country]));
    const [row] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        partnershipId: input.partnershipId ?? null,
        coordinatorOrganisationId: input.organisationId,
        title: input.title,
        shape: deriveShape(partnerIds.map((id) => countryOf.get(id) ?? '')),
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error('application insert returned nothing');
    await tx.insert(applicationPartners).values(
      partnerIds.map((organisationId, position) => ({
        applicationId: row.id,
        organisationId,
        isCoordinator: position === 0,
        position,
        confirmedAt: position === 0 ? now : null,
        confirmedBy: position === 0 ? actor.userId : null,
      })),
    );
    if (continued) {
      await prefillContinuation(tx, row.id, continued, call, partnerIds, now);
      // A continuation starts with a copied plan: its first budget is recorded with it.
      await recordBudgetVersions(tx, { applicationId: row.id, cause: 'created', userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, now });
      // The other partners are asked to confirm, as when they are named one by one.
      const others = await tx.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, partnerIds.slice(1)));
      for (const partner of others) {
        await emailCoordinators(tx, [partner.id], 'applicationPartnerAdded', (locale) => ({ title: row.title, partner: partner.name, url: `${ctx.publicUrl ?? ''}/${locale}/applications/${row.id}` }));
      }
    }
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'application.started',
      recordType: 'application',
      recordId: row.id,
      after: { title: row.title, callId: call.id, partners: partnerIds, ...(continued ? { continues: { partnershipId: continued.id, fromApplicationId: continued.stages.at(-1)?.applicationId ?? null } } : {}) },
    });
    return row.id;
  });
}
