import { z } from '@hono/zod-openapi';
import { applicationGoalInput, goalChangeInput } from '../../core/applications/goal-input.ts';
import { APPLICATION_SECTIONS } from '../../core/applications/application-sections.ts';
import { approvalInput } from '../../core/applications/approval-input.ts';
import { rejectionInput } from '../../core/applications/reject-application.ts';
import { returnInput } from '../../core/applications/return-application.ts';
import { planFlowInput } from '../../core/applications/plan-flow-input.ts';
import { commentInput } from '../../core/applications/comment-on-application.ts';
import { scoresInput } from '../../core/applications/score-application.ts';
import { startApplicationInput } from '../../core/applications/start-application.ts';
import { applicationBasicsInput } from '../../core/applications/update-application-basics.ts';
import { applicationFocusInput } from '../../core/applications/update-application-focus.ts';
import { emergencyPlanInput } from '../../core/applications/update-emergency-plan.ts';
import { describeFields } from '../described-fields.ts';

/**
 * Request bodies: the web forms' own schemas from core/applications (their messages are the error
 * codes), with descriptions, and only where JSON differs from a form a member made more lenient.
 */
const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });

export const ApplicationIdParams = z.object({ id: uuidParam('id') });
export const PartnerParams = z.object({ id: uuidParam('id'), organisationId: uuidParam('organisationId') });
export const GoalParams = z.object({ id: uuidParam('id'), goalId: uuidParam('goalId') });
export const FlowParams = z.object({ id: uuidParam('id'), flowId: uuidParam('flowId') });

export const ApplicationStartSchema = describeFields(startApplicationInput, {
  callId: 'An open call’s id, as in the address of its page (/en/calls/{id}).',
  organisationId: 'Your organisation, which coordinates the application.',
  title: 'The partnership’s working title, 3–200 characters.',
  partnershipId: 'For a follow-up (an agreement after a study, or a yearly round): the partnership it extends. Its partners are copied.',
}).openapi('ApplicationStart', { example: { callId: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b', organisationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', title: 'Nurses learning across three countries' } });

/**
 * What a section edit sends back to show which version it changed (api/routes/applications-version.ts):
 * the ETag in If-Match, or the `version` member.
 */
const version = z.string().optional().openapi({ description: 'The version you read (`version` of the application), if you do not send If-Match.', example: '2026-11-22T10:00:00.000Z' });
export const IfMatchHeaders = z.object({
  'if-match': z.string().optional().openapi({ description: 'The ETag from GET /v1/applications/{id} (or from the answer to your last change).', example: '"2026-11-22T10:00:00.000Z"' }),
});

export const ApplicationBasicsSchema = describeFields(applicationBasicsInput, { title: '3–200 characters.', summary: 'What the partners will do together; needed to submit.' })
  .safeExtend({ version })
  .openapi('ApplicationBasics');

export const PartnerAddSchema = z
  .object({ organisationId: z.uuid('chooseOrganisation').openapi({ description: 'A registered organisation (GET /v1/organisations?q=…). Its coordinators are asked by email to confirm.' }) })
  .openapi('ApplicationPartnerAdd');

export const ApplicationFocusSchema = describeFields(applicationFocusInput, {
  sectorCode: 'DAC 5-digit sector code (IATI Sector), for example 12181.',
  sdgGoals: 'Sustainable Development Goals, "1" to "17"; at least one.',
  sdgTargets: 'SDG targets such as "3.c"; each one’s goal must be chosen too.',
  markers: 'Significance 0 (not targeted), 1 (significant) or 2 (principal) for human_rights, gender_equality, environment and anti_corruption.',
})
  .safeExtend({ version })
  .openapi('ApplicationFocus', {
    example: { sectorCode: '12181', sdgGoals: ['3'], sdgTargets: ['3.c'], markers: { human_rights: 1, gender_equality: 2, environment: 0, anti_corruption: 0 } },
  });

// A transform (empty indicator rows dropped), so described as a whole rather than field by field.
export const ApplicationGoalSchema = applicationGoalInput.openapi('ApplicationGoal', {
  description: 'A goal of one partner (`owner`: its organisation id) or of all (`owner`: "shared"), with one to three indicators, each with a description, a baseline and a target; optionally its `level` (individual, organisational, societal), whether it `countsPeople` (then baseline and target are whole numbers and actuals are reported by gender) and its `sdgTargets` (UN SDG target codes). A baseline and target both given as numbers make the indicator numeric.',
  example: { owner: 'shared', description: 'Better neonatal care in all three hospitals', indicators: [{ description: 'Nurses trained', baseline: '0', target: '40', level: 'organisational', countsPeople: true, sdgTargets: ['3.2'] }] },
});

// A rewrite keeps the goal's owner; like a new goal, described as a whole (empty indicator rows dropped).
export const GoalChangeSchema = goalChangeInput.openapi('ApplicationGoalChange', {
  description: 'A goal rewritten in place: its description and one to three indicators (as for a new goal). Its owner stays the same; an indicator rewritten in its place keeps its series of actuals.',
  example: { description: 'Better neonatal care in both hospitals', indicators: [{ description: 'Nurses trained', baseline: '0', target: '30', level: 'organisational', countsPeople: true, sdgTargets: ['3.2'] }] },
});

export const PlanFlowSchema = describeFields(planFlowInput, {
  round: 'The exchange round, 1 to 5.',
  sendingOrganisationId: 'The partner that sends the participants.',
  hostOrganisationId: 'The partner that hosts them; not the sender.',
  participants: 'How many people, 1 to 50.',
  months: 'Length of each stay; one of the programme’s lengths (`call.programme.stayMonths`).',
  startMonth: 'YYYY-MM.',
  competence: 'The competence sought.',
  purpose: 'What the exchange is for.',
}).openapi('PlanFlow', {
  example: { round: 1, sendingOrganisationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', hostOrganisationId: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b', participants: 2, months: 12, startMonth: '2027-08', competence: 'Neonatal nursing', purpose: 'Set up a neonatal unit' },
});

export const EmergencyPlanSchema = describeFields(emergencyPlanInput, { emergencyPlan: 'How the partners act in a health or security emergency; needed to submit.' })
  .safeExtend({ version })
  .openapi('EmergencyPlan', { example: { emergencyPlan: 'Host contact persons on call day and night; evacuation through the embassy.' } });

export const ScoresSchema = scoresInput.openapi('Scores', {
  description: 'Your score, 0 to 5, for every criterion of the call (`call.criteria`), by criterion id. Sending again replaces your scores.',
  example: { '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b': 4 },
});

export const CommentSchema = describeFields(commentInput, { body: 'For the agency only: partners never see it.' }).openapi('Comment');

/**
 * JSON clients send an amount as a number; the form's schema reads what a person typed ("2 400 000").
 * The union in front is what the OpenAPI document shows (a number or a string), so the document's
 * example, a number, passes its own schema; the form's rules then judge the value.
 */
const amount = z.union([z.number(), z.string()]).pipe(
  z.preprocess((value) => (typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value), approvalInput.shape.amount),
);

export const ApprovalSchema = describeFields(approvalInput.safeExtend({ amount } as unknown as Pick<typeof approvalInput.shape, 'amount'>), {
  startsOn: 'First day, YYYY-MM-DD.',
  endsOn: 'Last day, YYYY-MM-DD: a study or round at most a year, an agreement two to five years.',
  amount: 'The amount ceiling in whole units of the call’s currency (a number, or digits with spaces), at most the call’s ceiling.',
}).openapi('Approval', { example: { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: 2400000 } });

export const RejectionSchema = describeFields(rejectionInput, { reason: 'Why, for the partners (sent to them by email); at least 10 characters.' }).openapi('Rejection');

/** The form sends every section's box; a JSON client names only the sections it remarks on. */
const optionalRemarks = Object.fromEntries(APPLICATION_SECTIONS.map((s) => [s, returnInput.shape[s].default('').meta({ description: `A remark on ${s}.` })]));
export const ReturnSchema = returnInput.safeExtend(optionalRemarks as unknown as typeof returnInput.shape).openapi('Return', {
  description: 'Back to the partners for changes: a remark per section that needs one (at least one).',
  example: { plan: 'Kathmandu Model Hospital hosts no one yet.' },
});

export const StatusChangeSchema = z
  .object({ status: z.enum(['active', 'closing', 'closed'], { message: 'invalid' }).openapi({ description: 'approved → active → closing → closed.' }) })
  .openapi('StatusChange');
