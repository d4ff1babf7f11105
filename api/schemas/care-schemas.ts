import { z } from '@hono/zod-openapi';
import { engagementActivityInput } from '../../core/alumni/engagement-activities.ts';
import { alumniFilter } from '../../core/alumni/search-alumni.ts';
import { engagementPlanInput } from '../../core/alumni/update-engagement-plan.ts';
import { incidentNoteInput } from '../../core/care/add-incident-note.ts';
import { incidentStatusInput } from '../../core/care/change-incident-status.ts';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES, NOTIFIED_PARTIES } from '../../core/care/incident-choices.ts';
import { incidentFilter } from '../../core/care/list-incidents.ts';
import { incidentNotificationInput } from '../../core/care/record-incident-notification.ts';
import { incidentInput } from '../../core/care/report-incident.ts';
import { text } from '../../core/input/text.ts';
import { describeFields } from '../described-fields.ts';

/** Duty of care, engagement at home, the alumni directory and the start page: request and answer shapes from core's own schemas. */
const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });
export const IncidentIdParams = z.object({ id: uuidParam('id') });
export const ActivityIdParams = z.object({ activityId: uuidParam('activityId') });

const blank = (v: unknown) => (v === '' ? undefined : v);
export const IncidentFilterQuery = describeFields(
  z.object({ status: z.preprocess(blank, incidentFilter.shape.status), severity: z.preprocess(blank, incidentFilter.shape.severity) }),
  { status: 'open, following_up or closed.', severity: 'low, medium, high or critical.' },
);

export const IncidentReportSchema = describeFields(incidentInput.extend({ participantId: z.uuid('notFound') }), {
  participantId: 'The participant it concerns: yourself, or someone your organisation sends or hosts.',
  kind: 'health, security or other.',
  severity: 'low, medium, high or critical. High and critical are emailed at once to the coordinators concerned and the programme’s advisers.',
  description: 'What happened.',
  occurredOn: 'The day it happened, YYYY-MM-DD, not after today.',
  place: 'Where it happened.',
}).openapi('IncidentReport', { example: { participantId: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b', kind: 'health', severity: 'high', description: 'Dengue fever; admitted to hospital.', occurredOn: '2026-06-14', place: 'Lilongwe' } });

export const IncidentNoteSchema = describeFields(incidentNoteInput, { body: 'The follow-up note.' }).openapi('IncidentNote');
export const IncidentStatusSchema = describeFields(incidentStatusInput.extend({ version: z.string().optional() }), {
  status: 'open, following_up or closed.',
  note: 'What was done, or why (may be empty).',
  version: 'The `version` you read, if you do not send If-Match.',
}).openapi('IncidentStatusChange');
export const IncidentNotificationSchema = describeFields(incidentNotificationInput, {
  party: `Who was told: ${NOTIFIED_PARTIES.join(', ')}.`,
  detail: 'Who exactly, or how (may be empty).',
  toldOn: 'The day they were told, YYYY-MM-DD.',
}).openapi('IncidentNotification');

export const IfMatchHeaders = z.object({ 'if-match': z.string().optional().openapi({ description: 'The ETag from GET /v1/incidents/{id}.', example: '"2026-06-15T10:00:00.000Z"' }) });

const IncidentSummary = z.object({
  id: z.uuid(),
  kind: z.enum(INCIDENT_KINDS),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  occurredOn: z.string(),
  place: z.string(),
  participantId: z.uuid(),
  participant: z.string(),
  homeOrganisation: z.string(),
  hostOrganisation: z.string(),
});
export const IncidentPageSchema = z.object({ items: z.array(IncidentSummary), total: z.number().int(), next: z.string().nullable() }).openapi('IncidentPage');
export const IncidentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(INCIDENT_KINDS),
    severity: z.enum(INCIDENT_SEVERITIES),
    status: z.enum(INCIDENT_STATUSES),
    description: z.string(),
    occurredOn: z.string(),
    place: z.string(),
    reportedBy: z.string(),
    reportedAt: z.string(),
    version: z.string(),
    participant: z.object({ id: z.uuid(), name: z.string(), partnershipId: z.uuid() }),
    homeOrganisation: z.string(),
    hostOrganisation: z.string(),
    emergencyPlan: z.string().openapi({ description: 'The partnership’s emergency plan (its latest agreement’s), empty when there is none.' }),
    canFollowUp: z.boolean(),
    notes: z.array(z.object({ body: z.string(), toStatus: z.enum(INCIDENT_STATUSES).nullable(), by: z.string(), at: z.string() })),
    notifications: z.array(z.object({ party: z.enum(NOTIFIED_PARTIES), detail: z.string(), toldOn: z.string(), by: z.string() })),
  })
  .openapi('Incident');

export const EngagementPlanSchema = describeFields(engagementPlanInput.extend({ version: z.string().optional() }), {
  plan: 'Your plan for sharing at home what you learned.',
  version: '`planVersion` as you read it: empty before the first save.',
}).openapi('EngagementPlan');
export const EngagementActivitySchema = describeFields(engagementActivityInput, {
  what: 'What you did.',
  place: 'Where.',
  heldOn: 'The day, YYYY-MM-DD.',
  peopleReached: 'How many people it reached.',
}).openapi('EngagementActivity');
export const AlumniProfileSchema = z
  .object({
    listed: z.boolean(),
    profession: text().trim().max(200, 'tooLong'),
    bio: text().trim().max(1000, 'tooLong'),
    contactEmail: z.union([z.literal(''), z.email('invalidEmail').max(254, 'invalidEmail')]),
    showEmail: z.boolean(),
  })
  .openapi('AlumniProfile');
export const EngagementSchema = z
  .object({
    participantId: z.uuid(),
    status: z.string(),
    plan: z.string(),
    planVersion: z.string(),
    canLogActivities: z.boolean(),
    activities: z.array(z.object({ id: z.uuid(), what: z.string(), place: z.string(), heldOn: z.string(), peopleReached: z.number().int() })),
    isAlumni: z.boolean(),
    profile: z.object({ listed: z.boolean(), profession: z.string(), bio: z.string(), contactEmail: z.string(), showEmail: z.boolean() }),
  })
  .openapi('Engagement');

export const AlumniQuery = describeFields(alumniFilter, {
  country: 'ISO 3166-1 alpha-2 of the alumnus’ organisation, for example NP.',
  profession: 'Part of the profession, any case.',
  programme: 'A programme’s id.',
  year: 'The year the placement ended.',
});
export const AlumniPageSchema = z
  .object({
    items: z.array(
      z.object({
        participantId: z.uuid(),
        name: z.string(),
        profession: z.string(),
        bio: z.string(),
        contactEmail: z.string().nullable(),
        country: z.string(),
        organisation: z.string(),
        programmeId: z.uuid(),
        programme: z.string(),
        year: z.number().int(),
      }),
    ),
    total: z.number().int(),
    next: z.string().nullable(),
  })
  .openapi('AlumniPage');

const StartItemSchema = z.object({
  type: z.string().openapi({ description: 'What is waiting: nominate, hostDecision, documentToReview, reportToReview, reportOverdue, approve, overPlan, incident, consent, documentMissing, documentReturned, course, reportDue, engagement, alumni; for finance staff callUnfunded, callNearlySpent, yearUnallocated.' }),
  href: z.string().openapi({ description: 'The page where it is done, after /{lang}.' }),
  participant: z.string().optional(),
  partnership: z.string().optional(),
  count: z.number().int().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  documentKind: z.string().optional(),
  reportKind: z.string().optional(),
  reportKinds: z.array(z.string()).optional().openapi({ description: 'reportOverdue: every kind the participant owes past its day (one item per participant); `count` of them, `reportKind` and `href` the first.' }),
  dueOn: z.string().optional().openapi({ format: 'date', description: 'A report’s due date (reportDue).' }),
  late: z.boolean().optional().openapi({ description: 'Whether that date has passed and the report is still owed (reportDue).' }),
  severity: z.string().optional(),
  incidentKind: z.string().optional(),
  call: z.string().optional().openapi({ description: 'A call’s title (finance items).' }),
  amountMinor: z.number().int().optional().openapi({ description: 'Money in øre (finance items).' }),
  year: z.number().int().optional(),
});
export const StartSchema = z
  .object({
    sections: z.array(z.object({ kind: z.enum(['coordinator', 'agency', 'finance', 'participant']), organisation: z.string().optional(), items: z.array(StartItemSchema) })),
    total: z.number().int(),
  })
  .openapi('StartItems');
