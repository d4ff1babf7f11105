import { z } from '@hono/zod-openapi';
import type { getApplicationReview } from '../../core/applications/get-application-review.ts';
import type { ApplicationDetail } from '../../core/applications/get-application.ts';
import type { listApplications } from '../../core/applications/list-applications.ts';
import { LIST_TOTAL_CAP } from '../../core/pagination/list-total-cap.ts';
import { APPLICATION_STATUSES } from '../../core/partnerships/application-status.ts';
import { pageSchema } from '../pagination.ts';

const shape = z.enum(['north_south', 'south_south', 'triangular']).nullable().openapi({ description: 'Derived from the partners’ countries; null with fewer than two partners.' });
const status = z.enum(APPLICATION_STATUSES);
const instant = z.string().openapi({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' });

export const ApplicationSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string().openapi({ example: 'Nurses learning across three countries' }),
    status,
    shape,
    submittedAt: instant.nullable(),
    call: z.string().openapi({ description: 'The call’s title.' }),
    coordinator: z.string().openapi({ description: 'The coordinating partner’s name.' }),
    score: z.number().nullable().openapi({ description: 'Agency staff only: the weighted mean of all advisers’ scores, 0–5; null for partners and before scoring.' }),
  })
  .openapi('ApplicationSummary');

export const ApplicationPageSchema = pageSchema(ApplicationSummarySchema, 'ApplicationPage').extend({
  totalCapped: z.boolean().openapi({ description: `True when more than ${LIST_TOTAL_CAP} match: counting stops there and \`total\` is ${LIST_TOTAL_CAP}.` }),
});

const ReviewSchema = z
  .object({
    scores: z.array(z.object({ criterionId: z.uuid(), adviserId: z.string(), adviser: z.string(), score: z.number().int().openapi({ minimum: 0, maximum: 5 }) })),
    weightedMean: z.number().nullable().openapi({ description: 'All advisers’ scores, weighted by the criteria’s weights; null before scoring.' }),
    myScores: z.record(z.string(), z.number().int()).openapi({ description: 'Your own scores by criterion id.' }),
    comments: z.array(z.object({ id: z.uuid(), body: z.string(), author: z.string().nullable(), createdAt: instant })).openapi({ description: 'Internal comments, newest first.' }),
    reservedMinor: z.number().int().openapi({ description: 'What the call’s money holds reserved for this application while it is reviewed, in minor units (øre); 0 outside review, or when the call could not cover its budget.' }),
  })
  .openapi('ApplicationReview', { description: 'The agency’s side: scores and internal comments. Only for agency staff; partners never get this member.' });

/**
 * An application as its sections (the steps of the web form, and the `section` of remarks and of
 * submission problems): a refused submission points at `/partners`, `/plan` and so on in this document.
 */
export const ApplicationSchema = z
  .object({
    id: z.uuid(),
    status,
    shape,
    version: z.string().openapi({ description: 'The version of this record (also the ETag). Send it back (If-Match, or `version`) when you change the basics, the focus or the emergency plan.', example: '2026-11-22T10:00:00.000Z' }),
    partnershipId: z.uuid().nullable().openapi({ description: 'The partnership it extends, or the one its approval created.' }),
    call: z.object({
      id: z.uuid(),
      title: z.string(),
      stage: z.string().openapi({ description: 'study, agreement or round', example: 'agreement' }),
      deadline: z.string().openapi({ format: 'date', description: 'Last day to submit, in Europe/Oslo.' }),
      currency: z.string().openapi({ example: 'NOK' }),
      programme: z.object({ code: z.string(), name: z.string(), stayMonths: z.array(z.number().int()).openapi({ description: 'Allowed lengths of a stay, in months.' }) }),
      criteria: z.array(z.object({ id: z.uuid(), name: z.string(), weight: z.number().int() })).openapi({ description: 'What advisers score, 0–5 each.' }),
    }),
    basics: z.object({ title: z.string(), summary: z.string() }),
    partners: z.array(
      z.object({
        organisationId: z.uuid(),
        legalName: z.string(),
        countryCode: z.string(),
        city: z.string(),
        coordinator: z.boolean().openapi({ description: 'The coordinating partner, who edits and submits.' }),
        confirmedAt: instant.nullable().openapi({ description: 'When a coordinator of this partner confirmed it takes part; null until then.' }),
      }),
    ),
    focus: z.object({
      sectorCode: z.string().nullable(),
      sdgGoals: z.array(z.string()),
      sdgTargets: z.array(z.string()),
      markers: z.record(z.string(), z.number().int()).openapi({ description: 'Significance 0, 1 or 2 per cross-cutting marker.' }),
    }),
    goals: z.array(
      z.object({
        id: z.uuid(),
        owner: z.string().openapi({ description: '`shared`, or the organisation id of the partner whose goal it is.' }),
        description: z.string(),
        indicators: z.array(
          z.object({
            id: z.uuid(),
            description: z.string(),
            baseline: z.string(),
            target: z.string(),
            level: z.enum(['individual', 'organisational', 'societal']).nullable().openapi({ description: 'Where the change is sought; null on indicators written before levels existed.' }),
            countsPeople: z.boolean().openapi({ description: 'Counts people: actuals are reported by gender.' }),
            baselineValue: z.number().nullable().openapi({ description: 'The baseline as a number, for a numeric indicator.' }),
            targetValue: z.number().nullable().openapi({ description: 'The target as a number, for a numeric indicator.' }),
            sdgTargets: z.array(z.string()).openapi({ description: 'UN SDG target codes.' }),
          }),
        ),
      }),
    ),
    plan: z
      .array(
        z.object({
          id: z.uuid(),
          round: z.number().int(),
          sendingOrganisationId: z.uuid(),
          hostOrganisationId: z.uuid(),
          participants: z.number().int(),
          months: z.number().int(),
          startMonth: z.string().openapi({ example: '2027-08' }),
          competence: z.string(),
          purpose: z.string(),
        }),
      )
      .openapi({ description: 'The exchange plan: who sends how many people to whom, for how long.' }),
    emergency: z.object({
      emergencyPlan: z.string(),
      attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), sizeBytes: z.number().int(), uploadedAt: instant })).openapi({ description: 'PDFs; upload with POST /v1/applications/{id}/attachments, download and delete at /v1/applications/{id}/attachments/{attachmentId}.' }),
    }),
    remarks: z.array(z.object({ section: z.string(), remark: z.string(), createdAt: instant })).openapi({ description: 'The adviser’s remarks per section when the application was returned; cleared on resubmission.' }),
    submittedAt: instant.nullable(),
    decision: z
      .object({
        decidedAt: instant.nullable(),
        startsOn: z.string().nullable().openapi({ format: 'date' }),
        endsOn: z.string().nullable().openapi({ format: 'date' }),
        amountMinor: z.number().int().nullable().openapi({ description: 'The granted ceiling in minor units (øre for NOK).' }),
        currency: z.string().nullable(),
        reason: z.string().nullable().openapi({ description: 'Why it was rejected.' }),
      })
      .nullable(),
    allowed: z
      .object({
        edit: z.boolean().openapi({ description: 'You may change and submit it now.' }),
        confirmFor: z.array(z.uuid()).openapi({ description: 'Partners you may confirm for now.' }),
      })
      .openapi({ description: 'What you may do with it (the API checks again on every request).' }),
    review: ReviewSchema.optional(),
  })
  .openapi('Application');

type SummaryRow = Awaited<ReturnType<typeof listApplications>>['items'][number];
type Review = Awaited<ReturnType<typeof getApplicationReview>>;

export function applicationSummaryOf(a: SummaryRow): z.infer<typeof ApplicationSummarySchema> {
  return {
    id: a.id,
    title: a.title,
    status: a.status as z.infer<typeof status>,
    shape: a.shape,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    call: a.callTitle,
    coordinator: a.coordinator,
    score: a.score,
  };
}

/** The application as the API shows it; `review` only when given (agency staff). */
export function applicationBodyOf(detail: ApplicationDetail, review?: Review): z.infer<typeof ApplicationSchema> {
  const { application: a, call, programme } = detail;
  return {
    id: a.id,
    status: a.status as z.infer<typeof status>,
    shape: a.shape,
    version: a.updatedAt.toISOString(),
    partnershipId: a.partnershipId,
    call: {
      id: call.id,
      title: call.title,
      stage: call.stage,
      deadline: call.deadline,
      currency: call.currency,
      programme: { code: programme.code, name: programme.name, stayMonths: programme.stayMonths },
      criteria: detail.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    },
    basics: { title: a.title, summary: a.summary },
    partners: detail.partners.map((p) => ({
      organisationId: p.organisationId,
      legalName: p.legalName,
      countryCode: p.countryCode,
      city: p.city,
      coordinator: p.isCoordinator,
      confirmedAt: p.confirmedAt?.toISOString() ?? null,
    })),
    focus: { sectorCode: a.sectorCode, sdgGoals: a.sdgGoals, sdgTargets: a.sdgTargets, markers: a.markers },
    goals: detail.goals.map((g) => ({
      id: g.id,
      owner: g.organisationId ?? 'shared',
      description: g.description,
      indicators: g.indicators.map((i) => ({ id: i.id, description: i.description, baseline: i.baseline, target: i.target, level: i.level, countsPeople: i.countsPeople, baselineValue: i.baselineValue, targetValue: i.targetValue, sdgTargets: i.sdgTargets })),
    })),
    plan: detail.flows.map((f) => ({
      id: f.id,
      round: f.round,
      sendingOrganisationId: f.sendingOrganisationId,
      hostOrganisationId: f.hostOrganisationId,
      participants: f.participants,
      months: f.months,
      startMonth: f.startMonth,
      competence: f.competence,
      purpose: f.purpose,
    })),
    emergency: {
      emergencyPlan: a.emergencyPlan,
      attachments: detail.attachments.map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedAt: f.createdAt.toISOString() })),
    },
    remarks: detail.remarks.map((r) => ({ section: r.section, remark: r.remark, createdAt: r.createdAt.toISOString() })),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decision: a.decidedAt
      ? {
          decidedAt: a.decidedAt.toISOString(),
          startsOn: a.approvedStartsOn,
          endsOn: a.approvedEndsOn,
          amountMinor: a.approvedAmountMinor,
          currency: a.approvedCurrency,
          reason: a.decisionReason,
        }
      : null,
    allowed: { edit: detail.canEdit, confirmFor: detail.canConfirmFor },
    ...(review
      ? {
          review: {
            scores: review.scores,
            weightedMean: review.weightedMean,
            myScores: review.myScores,
            comments: review.comments.map((c) => ({ id: c.id, body: c.body, author: c.author, createdAt: c.createdAt.toISOString() })),
            reservedMinor: review.reservedMinor,
          },
        }
      : {}),
  };
}
