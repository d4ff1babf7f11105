import { and, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { planFlows } from '../../db/schema/applications.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { locales } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { isLocale } from '../../i18n/locales.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError, NotFoundError } from '../errors.ts';
import { createInvitation } from '../identity/create-invitation.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { isRecordId } from '../records/record-id.ts';
import { isCode } from '../reference/codelists.ts';
import { assessEligibility, type ParticipantEligibility } from './get-participant-eligibility.ts';
import { emailParticipantParties, recordStatusChange } from './participant-record.ts';

const isoDate = z.iso.date('chooseDate');
const country = text().trim().toUpperCase().refine((c) => isCode('Country', c), 'chooseCountry');

/** The person a sending partner nominates, as its form or the API sends it. Every refused field is reported at once. */
export const nominationInput = z
  .object({
    givenName: text().trim().min(1, 'required').max(100, 'tooLong'),
    familyName: text().trim().min(1, 'required').max(100, 'tooLong'),
    birthDate: isoDate,
    gender: z.enum(['female', 'male', 'other', 'undisclosed'], { message: 'chooseGender' }),
    /** ISO 3166-1 alpha-2. */
    nationality: country,
    /** ISO 3166-1 alpha-2. */
    residenceCountry: country,
    email: z.email('invalidEmail').trim().toLowerCase().max(254, 'invalidEmail'),
    profession: text().trim().min(1, 'required').max(200, 'tooLong'),
    /** Planned start and end of the stay. */
    startsOn: isoDate,
    endsOn: isoDate,
    /** The language of the invitation, and of the person's emails until they choose one. */
    locale: z.enum(locales, { message: 'chooseLanguage' }),
  })
  .superRefine(
    (v, ctx) => {
      if (typeof v.startsOn === 'string' && typeof v.endsOn === 'string' && v.endsOn <= v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endBeforeStart' });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type NominationInput = z.infer<typeof nominationInput>;

export interface Nomination {
  participantId: string;
  /** The new record's version, for the host's decision and the moves that follow. */
  version: string;
  /** True when the flow's planned number was already taken: an adviser must approve going over the plan. */
  overPlan: boolean;
  eligibility: ParticipantEligibility;
}

/**
 * A sending partner's coordinator nominates a person against one flow of an approved round's plan
 * (docs/architecture.md#participant-lifecycle). The nomination is always recorded, so that eligibility
 * problems can be seen, fixed or excepted; they hold back approval, not nomination. When the flow's
 * planned number of people is already nominated (withdrawn and declined nominations do not count), the
 * nomination is marked over the plan and cannot be approved until an adviser approves that with a reason
 * (approve-over-plan.ts). The person gets an invitation to their own pages in the chosen language, and the
 * host partner's coordinators an email asking them to accept or decline.
 * A flow the actor's organisation is not a partner of is "not found"; the host partner may not nominate.
 */
export async function nominateParticipant(ctx: CoreContext, { planFlowId, ...input }: NominationInput & { planFlowId: string }): Promise<Nomination> {
  requirePermission(ctx.actor, 'participant:nominate');
  const actor = ctx.actor.kind === 'user' ? requireUser(ctx.actor) : null;
  if (!isRecordId(planFlowId)) throw new NotFoundError('planFlow');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // Locked, so that two nominations at once against the same flow are counted one after the other.
    const [flow] = await tx.select().from(planFlows).where(eq(planFlows.id, planFlowId)).for('update');
    if (!flow) throw new NotFoundError('planFlow');
    const coordinates = (organisationId: string) => actor === null || actor.memberships.some((m) => m.role === 'partner_coordinator' && m.organisationId === organisationId);
    if (!coordinates(flow.sendingOrganisationId) && !coordinates(flow.hostOrganisationId)) throw new NotFoundError('planFlow');
    if (!coordinates(flow.sendingOrganisationId)) throw new ForbiddenError('participant:nominate');
    const [stage] = await tx.select().from(partnershipStages).where(eq(partnershipStages.applicationId, flow.applicationId));
    if (!stage || stage.kind !== 'round') throw new DomainError('roundNotApproved', { status: 409, field: 'planFlowId' });

    const [taken] = await tx.select({ n: count() }).from(participants).where(and(eq(participants.planFlowId, flow.id), ne(participants.status, 'withdrawn')));
    const overPlan = (taken?.n ?? 0) >= flow.participants;
    const [row] = await tx
      .insert(participants)
      .values({
        ...input,
        partnershipId: stage.partnershipId,
        homeOrganisationId: flow.sendingOrganisationId,
        hostOrganisationId: flow.hostOrganisationId,
        stageId: stage.id,
        planFlowId: flow.id,
        status: 'nominated',
        hostDecision: 'pending',
        overPlan,
        nominatedBy: actor?.userId ?? null,
        updatedAt: new Date(),
      })
      .returning();
    const participant = row!;
    await recordStatusChange(tx, ctx, { participantId: participant.id, from: null, to: 'nominated', at: now });
    const { createdAt: _c, updatedAt: _u, ...fields } = participant;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'participant.nominated', recordType: 'participant', recordId: participant.id, after: fields });
    await createInvitation(
      { ...ctx, db: tx },
      { email: input.email, name: `${input.givenName} ${input.familyName}`, role: 'participant', organisationId: flow.sendingOrganisationId, participantId: participant.id, locale: input.locale },
    );
    await emailParticipantParties(tx, ctx, participant, {
      template: 'participantNominated',
      organisations: [flow.hostOrganisationId],
      participant: false,
      params: (locale) => {
        const t = createTranslator(isLocale(locale) ? locale : 'en');
        return { profession: input.profession, startsOn: t.date(input.startsOn), endsOn: t.date(input.endsOn) };
      },
    });
    return { participantId: participant.id, version: participant.updatedAt.toISOString(), overPlan, eligibility: await assessEligibility(tx, participant) };
  });
}
