import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { acceptNomination } from '../../core/participants/accept-nomination.ts';
import { approveOverPlan } from '../../core/participants/approve-over-plan.ts';
import { issueCode } from '../validation-problem.ts';
import { declineNomination, reasonInput } from '../../core/participants/decline-nomination.ts';
import { FieldProblemsError } from '../../core/errors.ts';
import { getParticipant } from '../../core/participants/get-participant.ts';
import { getParticipantDetail } from '../../core/participants/get-participant-detail.ts';
import { grantEligibilityException } from '../../core/participants/grant-eligibility-exception.ts';
import { listNominationFlows } from '../../core/participants/list-nomination-flows.ts';
import { moveParticipant } from '../../core/participants/move-participant.ts';
import { nominateParticipant } from '../../core/participants/nominate-participant.ts';
import type { ApiEnv } from '../api-env.ts';
import { etagFor, requireVersion } from '../optimistic-lock.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { EligibilityExceptionSchema, HostDecisionSchema, IdParams, MoveSchema, NominationSchema, OverPlanApprovalSchema, ParticipantIfMatch, participantBodyOf, ParticipantSchema } from '../schemas/participant-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Participants from nomination on (docs/architecture.md#participant-lifecycle): a sending partner's
 * coordinator nominates against a plan line of an approved round, the host's coordinator accepts or
 * declines, an adviser allows going over the plan and makes exceptions to eligibility problems, and each
 * party moves the participant along as the lifecycle allows. The same use-cases as the web pages.
 */
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const tags = ['Participants'];
const etagHeader = { ETag: { description: 'The participant’s version.', schema: { type: 'string' as const } } };
const participantAnswer = (description: string) => ({ 200: { description, headers: etagHeader, content: { 'application/json': { schema: ParticipantSchema } } } });
const versioned = 'Send the version you read: the ETag in If-Match, or `version`. Without it nothing changes (428 `versionRequired`); if the participant changed since, nothing changes either (409 `staleEdit`): read it again.';
const writeProblems = (own: Partial<Record<400 | 401 | 403 | 404 | 409 | 415 | 422 | 428, string>> = {}) =>
  problemResponses([400, 401, 403, 404, 409, 415, 422, 428], {
    400: 'The JSON cannot be read, or the version sent is not one this API gives out (`invalidVersion`).',
    404: 'No such participant, or not one you may see.',
    ...own,
  });

const NominationFlowSchema = z
  .object({
    id: z.uuid(),
    roundNumber: z.number().int().nullable(),
    roundStartsOn: z.string().openapi({ format: 'date' }),
    roundEndsOn: z.string().openapi({ format: 'date' }),
    sendingOrganisationId: z.uuid(),
    sendingName: z.string(),
    hostOrganisationId: z.uuid(),
    hostName: z.string(),
    months: z.number().int(),
    startMonth: z.string().openapi({ example: '2026-03' }),
    planned: z.number().int().openapi({ description: 'People the plan foresees on this line.' }),
    nominated: z.number().int().openapi({ description: 'People nominated on it already (withdrawn and declined aside). At or over `planned`, a nomination needs an adviser’s approval to go over the plan.' }),
  })
  .openapi('NominationFlow');

const flowsRoute = createRoute({
  tags,
  method: 'get',
  operationId: 'listNominationFlows',
  path: '/v1/partnerships/{id}/nomination-flows',
  summary: 'The plan lines you may nominate people on',
  description: 'A coordinator of a partner: the lines of the partnership’s approved rounds their organisation sends people on, with the number planned and nominated.',
  security: sessionCookie,
  middleware: [permitted('participant:nominate')] as const,
  request: { params: IdParams },
  responses: {
    200: { description: 'The plan lines.', content: { 'application/json': { schema: z.object({ items: z.array(NominationFlowSchema) }) } } },
    ...problemResponses([401, 403, 404], { 403: 'Not a coordinator of one of the partnership’s partners.', 404: 'No such partnership.' }),
  },
});

const nominateRoute = createRoute({
  tags,
  method: 'post',
  operationId: 'nominateParticipant',
  path: '/v1/partnerships/{id}/nominations',
  summary: 'Nominate a person on a plan line',
  description:
    'A coordinator of the sending partner, on a line of an approved round of this partnership. The person is invited to their own pages in `locale`, and the host partner’s coordinators are asked to answer. Eligibility problems do not refuse the nomination: they are in `eligibility` and hold back approval. Beyond the plan’s number, `overPlan` is true and an adviser must allow it.',
  security: sessionCookie,
  middleware: [permitted('participant:nominate')] as const,
  request: { params: IdParams, ...json(NominationSchema) },
  responses: {
    201: {
      description: 'Nominated. Location names the participant.',
      headers: { ...etagHeader, Location: { description: 'The participant’s address.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: ParticipantSchema } },
    },
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], {
      403: 'Not a coordinator of one of the partnership’s partners.',
      404: 'No such partnership.',
      409: 'The plan line is not in an approved round (`roundNotApproved`).',
      422: 'A value is not valid, or `planFlowId` is not a line your organisation sends on in this partnership (`choosePlanFlow`).',
    }),
  },
});

const getRoute = createRoute({
  tags,
  method: 'get',
  operationId: 'getParticipant',
  path: '/v1/participants/{id}',
  summary: 'One participant, with eligibility, exceptions, history and your next steps',
  description:
    'Administrators; programme advisers for the programmes they follow; coordinators of the sending or host partner; the participant. `may` and `moves` say what you may do now. The ETag is what a decision or move sends back.',
  security: sessionCookie,
  request: { params: IdParams },
  responses: { ...participantAnswer('The participant.'), ...problemResponses([400, 401, 404], { 404: 'No such participant, or not one you may see.' }) },
});

const hostDecisionRoute = createRoute({
  tags,
  method: 'post',
  operationId: 'decideNomination',
  path: '/v1/participants/{id}/host-decision',
  summary: 'Accept or decline a nomination, as the host',
  description: `A coordinator of the host partner, while the nomination awaits an answer. Declining needs a reason and ends the nomination (withdrawn). ${versioned}`,
  security: sessionCookie,
  middleware: [permitted('participant:decide-nomination')] as const,
  request: { params: IdParams, headers: ParticipantIfMatch, ...json(HostDecisionSchema) },
  responses: { ...participantAnswer('Answered.'), ...writeProblems({ 403: 'Not a coordinator of the host partner.', 409: 'Changed since (`staleEdit`), or already answered (`nominationDecided`).' }) },
});

const overPlanRoute = createRoute({
  tags,
  method: 'post',
  operationId: 'approveOverPlan',
  path: '/v1/participants/{id}/over-plan-approval',
  summary: 'Allow a nomination beyond the plan, with a reason',
  description: `Administrators, and programme advisers following the programme. ${versioned}`,
  security: sessionCookie,
  middleware: [permitted('participant:approve')] as const,
  request: { params: IdParams, headers: ParticipantIfMatch, ...json(OverPlanApprovalSchema) },
  responses: { ...participantAnswer('Allowed.'), ...writeProblems({ 403: 'Not an adviser following the programme.', 409: 'Changed since (`staleEdit`), or nothing to allow (`notOverPlan`).' }) },
});

const exceptionRoute = createRoute({
  tags,
  method: 'post',
  operationId: 'grantEligibilityException',
  path: '/v1/participants/{id}/eligibility-exceptions',
  summary: 'Make an exception to an eligibility problem, with a reason',
  description: 'Administrators, and programme advisers following the programme, for a problem the participant has now. The exception is kept and returned with the participant wherever it is read.',
  security: sessionCookie,
  middleware: [permitted('participant:approve')] as const,
  request: { params: IdParams, ...json(EligibilityExceptionSchema) },
  responses: {
    ...participantAnswer('Made.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 403: 'Not an adviser following the programme.', 404: 'No such participant, or not one you may see.', 409: 'An exception was already made for this problem (`exceptionAlreadyGranted`).' }),
  },
});

const moveRoute = createRoute({
  tags,
  method: 'post',
  operationId: 'moveParticipant',
  path: '/v1/participants/{id}/moves',
  summary: 'Move a participant along the lifecycle',
  description: `Whoever the lifecycle lets make this move (\`moves\` of GET /v1/participants/{id}). A move that cannot be made yet names every reason at once in \`errors\` (pointer \`/to\`; a missing reason or date at its own member). ${versioned}`,
  security: sessionCookie,
  middleware: [permitted('participant:move')] as const,
  request: { params: IdParams, headers: ParticipantIfMatch, ...json(MoveSchema) },
  responses: {
    ...participantAnswer('Moved.'),
    ...writeProblems({ 403: 'Not a party who makes this move.', 409: 'Changed since (`staleEdit`), or not a move from where the participant stands (`participantIllegalMove`, naming both statuses).' }),
  },
});

/** The participant as this caller may see it; sets the ETag. */
async function participantBody(c: Context<ApiEnv>, id: string) {
  const detail = await getParticipantDetail(c.var.core, { participantId: id });
  c.header('ETag', etagFor(new Date(detail.participant.version)));
  return participantBodyOf(detail);
}

/**
 * The version a change is based on (If-Match, else the body's `version`). Without one, the refusals a
 * version would not cure come first: no such participant for you is 404, not 428.
 */
async function participantVersion(c: Context<ApiEnv>, id: string, bodyVersion: string | undefined): Promise<string> {
  const ifMatch = c.req.header('if-match');
  if (!ifMatch?.trim() && !bodyVersion?.trim()) await getParticipant(c.var.core, { participantId: id });
  return requireVersion(ifMatch, bodyVersion);
}

/** A move's refusals: every reason at once, a missing reason or date at its member, the rest at `/to`. */
async function moveRefusals<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FieldProblemsError) {
      const issues = error.problems.map((p) => ({ pointer: p.field === 'reason' || p.field === 'on' ? `/${p.field}` : '/to', code: p.code, params: p.params }));
      throw new ApiProblem(422, error.code, { params: error.params, issues });
    }
    throw error;
  }
}

export function registerParticipantMoves(api: OpenAPIHono<ApiEnv>) {
  api.openapi(flowsRoute, async (c) => {
    const { flows } = await listNominationFlows(c.var.core, { partnershipId: c.req.valid('param').id });
    return c.json({ items: flows }, 200);
  });

  api.openapi(nominateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { planFlowId, ...person } = c.req.valid('json');
    const { flows } = await listNominationFlows(c.var.core, { partnershipId: id });
    if (!flows.some((f) => f.id === planFlowId)) throw new ApiProblem(422, 'choosePlanFlow', { issues: [{ pointer: '/planFlowId', code: 'choosePlanFlow' }] });
    const nomination = await refusedAsApi(nominateParticipant(c.var.core, { planFlowId, ...person }));
    c.header('Location', `/api/v1/participants/${nomination.participantId}`);
    return c.json(await participantBody(c, nomination.participantId), 201);
  });

  api.openapi(getRoute, async (c) => c.json(await participantBody(c, c.req.valid('param').id), 200));

  api.openapi(hostDecisionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const version = await participantVersion(c, id, body.version);
    if (body.decision === 'accept') await acceptNomination(c.var.core, { participantId: id, version });
    else {
      const parsed = reasonInput.safeParse({ reason: body.reason ?? '' });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        // Too long names its limit; otherwise what the rule says (a reason is wanted, or a character cannot be kept).
        const { code, params } = issue.code === 'too_big' ? issueCode(issue, { reason: body.reason }) : { code: issue.message, params: undefined };
        throw new ApiProblem(422, code, { params, issues: [{ pointer: '/reason', code, params }] });
      }
      await declineNomination(c.var.core, { participantId: id, version, reason: parsed.data.reason });
    }
    return c.json(await participantBody(c, id), 200);
  });

  api.openapi(overPlanRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { reason, version: bodyVersion } = c.req.valid('json');
    const version = await participantVersion(c, id, bodyVersion);
    await refusedAsApi(approveOverPlan(c.var.core, { participantId: id, version, reason }));
    return c.json(await participantBody(c, id), 200);
  });

  api.openapi(exceptionRoute, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(grantEligibilityException(c.var.core, { participantId: id, ...c.req.valid('json') }));
    return c.json(await participantBody(c, id), 200);
  });

  api.openapi(moveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...move } = c.req.valid('json');
    const version = await participantVersion(c, id, bodyVersion);
    await moveRefusals(moveParticipant(c.var.core, { participantId: id, version, ...move }));
    return c.json(await participantBody(c, id), 200);
  });
}
