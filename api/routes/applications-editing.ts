import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { addApplicationPartner } from '../../core/applications/add-application-partner.ts';
import { addApplicationGoal } from '../../core/applications/add-application-goal.ts';
import { removeApplicationGoal } from '../../core/applications/remove-application-goal.ts';
import { updateApplicationGoal } from '../../core/applications/update-application-goal.ts';
import { confirmApplicationPartner } from '../../core/applications/confirm-application-partner.ts';
import { addPlanFlow } from '../../core/applications/add-plan-flow.ts';
import { removePlanFlow } from '../../core/applications/remove-plan-flow.ts';
import { removeApplicationPartner } from '../../core/applications/remove-application-partner.ts';
import { submitApplication } from '../../core/applications/submit-application.ts';
import { withdrawApplication } from '../../core/applications/withdraw-application.ts';
import { updateApplicationBasics } from '../../core/applications/update-application-basics.ts';
import { updateApplicationFocus } from '../../core/applications/update-application-focus.ts';
import { updateEmergencyPlan } from '../../core/applications/update-emergency-plan.ts';
import type { ApiEnv } from '../api-env.ts';
import { permitted } from '../permitted.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  ApplicationBasicsSchema,
  ApplicationFocusSchema,
  ApplicationGoalSchema,
  GoalChangeSchema,
  ApplicationIdParams,
  EmergencyPlanSchema,
  FlowParams,
  GoalParams,
  IfMatchHeaders,
  PartnerAddSchema,
  PartnerParams,
  PlanFlowSchema,
} from '../schemas/application-requests.ts';
import { sessionCookie } from '../security.ts';
import { applicationAnswer, applicationBody } from './applications-answer.ts';
import { refusedAsApi } from './applications-refusals.ts';
import { applicationVersion } from './applications-version.ts';

/**
 * The partners' side: the coordinating partner's coordinators change a draft (or a returned
 * application) section by section and submit it; each partner's coordinators confirm for it.
 */
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const edit = { tags: ['Applications'], security: sessionCookie, middleware: permitted('application:edit') };
const goalOwners = 'A coordinator of the goal’s own partner (for a partner’s goal) or of the coordinating partner (any goal), while the application is a draft or returned. The partner whose goal changed is asked to confirm again, by email.';
const whoEdits = 'A coordinator of the coordinating partner, while the application is a draft or returned.';
const bodyProblems = problemResponses([400, 401, 403, 404, 409, 415, 422], {
  403: 'Not a coordinator of a partner organisation.',
  404: 'No such application, or not one your organisation coordinates and may see.',
  409: 'The application is no longer open for changes (`applicationLocked`).',
});
const noBodyProblems = problemResponses([401, 403, 404, 409], { 409: 'The application is no longer open for changes (`applicationLocked`).' });

/** A whole section replaced: it must say which version it replaces, so two editors never silently overwrite each other. */
const versioned = 'Send the version you read: the ETag in If-Match, or `version`. Without it nothing is saved (428 `versionRequired`); if the application changed since (any section), nothing is saved either (409 `staleEdit`): read it again and redo your change.';
const sectionProblems = problemResponses([400, 401, 403, 404, 409, 415, 422, 428], {
  400: 'The JSON cannot be read, or the version sent is not one this API gives out (`invalidVersion`).',
  403: 'Not a coordinator of the coordinating partner.',
  404: 'No such application, or not one your organisation coordinates and may see.',
  409: 'Changed by someone after the version you sent (`staleEdit`), or no longer open for changes (`applicationLocked`).',
});

const basics = createRoute({
  ...edit,
  method: 'put',
  operationId: 'updateApplicationBasics',
  path: '/v1/applications/{id}/basics',
  summary: 'Change the title and summary',
  description: `${whoEdits} ${versioned}`,
  request: { params: ApplicationIdParams, headers: IfMatchHeaders, ...json(ApplicationBasicsSchema) },
  responses: { ...applicationAnswer('Saved.'), ...sectionProblems },
});

const addPartner = createRoute({
  ...edit,
  method: 'post',
  operationId: 'addApplicationPartner',
  path: '/v1/applications/{id}/partners',
  summary: 'Name another organisation as a partner',
  description: `${whoEdits} The organisation’s coordinators are asked by email to confirm; until one does, the application cannot be submitted. At most six partners.`,
  request: { params: ApplicationIdParams, ...json(PartnerAddSchema) },
  responses: { ...applicationAnswer('Added; the shape follows the partners’ countries.'), ...bodyProblems },
});

const removePartner = createRoute({
  ...edit,
  method: 'delete',
  operationId: 'removeApplicationPartner',
  path: '/v1/applications/{id}/partners/{organisationId}',
  summary: 'Remove a partner, with its goals and flows',
  description: `${whoEdits} The coordinating partner cannot be removed (400 \`cannotRemoveCoordinator\`). Removing one that is not a partner changes nothing.`,
  request: { params: PartnerParams },
  responses: { ...applicationAnswer('Removed.'), ...problemResponses([400, 401, 403, 404, 409]) },
});

const confirm = createRoute({
  tags: ['Applications'],
  security: sessionCookie,
  middleware: [permitted('application:confirm', (c) => ({ organisationId: c.req.param('organisationId') }))] as const,
  method: 'post',
  operationId: 'confirmApplicationPartner',
  path: '/v1/applications/{id}/partners/{organisationId}/confirmation',
  summary: 'Confirm that your organisation takes part',
  description: 'A coordinator of that partner organisation, as the application stands, while it is a draft or returned.',
  request: { params: PartnerParams },
  responses: { ...applicationAnswer('Confirmed.'), ...problemResponses([401, 403, 404, 409], { 403: 'Not a coordinator of that organisation.' }) },
});

const focus = createRoute({
  ...edit,
  method: 'put',
  operationId: 'updateApplicationFocus',
  path: '/v1/applications/{id}/focus',
  summary: 'Set the sector, SDGs and cross-cutting markers',
  description: `${whoEdits} ${versioned}`,
  request: { params: ApplicationIdParams, headers: IfMatchHeaders, ...json(ApplicationFocusSchema) },
  responses: { ...applicationAnswer('Saved.'), ...sectionProblems },
});

const addGoal = createRoute({
  ...edit,
  method: 'post',
  operationId: 'addApplicationGoal',
  path: '/v1/applications/{id}/goals',
  summary: 'Add a goal with its indicators',
  description: `${goalOwners} Before submitting, there must be a shared goal and one for each partner.`,
  request: { params: ApplicationIdParams, ...json(ApplicationGoalSchema) },
  responses: { ...applicationAnswer('Added.'), ...bodyProblems },
});

const updateGoal = createRoute({
  ...edit,
  method: 'put',
  operationId: 'updateApplicationGoal',
  path: '/v1/applications/{id}/goals/{goalId}',
  summary: 'Rewrite a goal and its indicators',
  description: goalOwners,
  request: { params: GoalParams, ...json(GoalChangeSchema) },
  responses: { ...applicationAnswer('Saved.'), ...bodyProblems },
});

const removeGoal = createRoute({
  ...edit,
  method: 'delete',
  operationId: 'removeApplicationGoal',
  path: '/v1/applications/{id}/goals/{goalId}',
  summary: 'Remove a goal',
  description: `${goalOwners} Removing one that is not there changes nothing.`,
  request: { params: GoalParams },
  responses: { ...applicationAnswer('Removed.'), ...noBodyProblems },
});

const addFlow = createRoute({
  ...edit,
  method: 'post',
  operationId: 'addPlanFlow',
  path: '/v1/applications/{id}/flows',
  summary: 'Add a line to the exchange plan',
  description: `${whoEdits} One line’s rules are checked here (both partners named, not the same, a length the programme allows); the whole plan’s (every partner sends and hosts) on submission.`,
  request: { params: ApplicationIdParams, ...json(PlanFlowSchema) },
  responses: { ...applicationAnswer('Added; it is in `plan`.'), ...bodyProblems },
});

const removeFlow = createRoute({
  ...edit,
  method: 'delete',
  operationId: 'removePlanFlow',
  path: '/v1/applications/{id}/flows/{flowId}',
  summary: 'Remove a line of the exchange plan',
  description: `${whoEdits} Removing one that is not there changes nothing.`,
  request: { params: FlowParams },
  responses: { ...applicationAnswer('Removed.'), ...noBodyProblems },
});

const emergency = createRoute({
  ...edit,
  method: 'put',
  operationId: 'updateEmergencyPlan',
  path: '/v1/applications/{id}/emergency-plan',
  summary: 'Set the emergency plan',
  description: `${whoEdits} ${versioned} PDF attachments have their own endpoints (…/attachments).`,
  request: { params: ApplicationIdParams, headers: IfMatchHeaders, ...json(EmergencyPlanSchema) },
  responses: { ...applicationAnswer('Saved.'), ...sectionProblems },
});

const submit = createRoute({
  ...edit,
  method: 'post',
  operationId: 'submitApplication',
  path: '/v1/applications/{id}/submission',
  summary: 'Send the application to the agency',
  description: `${whoEdits} If anything stops it, nothing changes and the answer is 422 \`submissionRefused\`, whose \`errors\` list each problem with a pointer to its section of the application (\`/partners\`, \`/plan\`…). Every partner’s coordinators are told by email.`,
  request: { params: ApplicationIdParams },
  responses: {
    ...applicationAnswer('Submitted.'),
    ...problemResponses([401, 403, 404, 409, 422], {
      409: 'Not a draft or returned application (`illegalTransition`).',
      422: 'Something stops the submission (`submissionRefused`): `errors` lists each problem with a pointer to its section.',
    }),
  },
});

const withdraw = createRoute({
  ...edit,
  method: 'post',
  operationId: 'withdrawApplication',
  path: '/v1/applications/{id}/withdrawal',
  summary: 'Withdraw the application',
  description: 'A coordinator of the coordinating partner, before the agency takes it into review. It cannot be undone.',
  request: { params: ApplicationIdParams },
  responses: { ...applicationAnswer('Withdrawn.'), ...problemResponses([401, 403, 404, 409], { 409: 'Too late to withdraw (`illegalTransition`).' }) },
});

export function registerApplicationEditing(api: OpenAPIHono<ApiEnv>) {
  api.openapi(basics, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    await refusedAsApi(updateApplicationBasics(c.var.core, { applicationId: id, ...input, version: await applicationVersion(c, id, bodyVersion) }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(addPartner, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(addApplicationPartner(c.var.core, { applicationId: id, organisationId: c.req.valid('json').organisationId }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(removePartner, async (c) => {
    const { id, organisationId } = c.req.valid('param');
    await refusedAsApi(removeApplicationPartner(c.var.core, { applicationId: id, organisationId }), (field) => ({ parameter: field }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(confirm, async (c) => {
    const { id, organisationId } = c.req.valid('param');
    await refusedAsApi(confirmApplicationPartner(c.var.core, { applicationId: id, organisationId }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(focus, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    await refusedAsApi(updateApplicationFocus(c.var.core, { applicationId: id, ...input, version: await applicationVersion(c, id, bodyVersion) }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(addGoal, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(addApplicationGoal(c.var.core, { applicationId: id, ...c.req.valid('json') }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(updateGoal, async (c) => {
    const { id, goalId } = c.req.valid('param');
    await refusedAsApi(updateApplicationGoal(c.var.core, { applicationId: id, goalId, ...c.req.valid('json') }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(removeGoal, async (c) => {
    const { id, goalId } = c.req.valid('param');
    await refusedAsApi(removeApplicationGoal(c.var.core, { applicationId: id, goalId }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(addFlow, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(addPlanFlow(c.var.core, { applicationId: id, ...c.req.valid('json') }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(removeFlow, async (c) => {
    const { id, flowId } = c.req.valid('param');
    await refusedAsApi(removePlanFlow(c.var.core, { applicationId: id, flowId }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(emergency, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    await refusedAsApi(updateEmergencyPlan(c.var.core, { applicationId: id, ...input, version: await applicationVersion(c, id, bodyVersion) }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(submit, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(submitApplication(c.var.core, { applicationId: id }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(withdraw, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(withdrawApplication(c.var.core, { applicationId: id }));
    return c.json(await applicationBody(c, id), 200);
  });
}
