import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { FieldProblemsError } from '../../core/errors.ts';
import { getOwnReport } from '../../core/participants/get-own-report.ts';
import { getParticipantReport } from '../../core/participants/get-participant-report.ts';
import { listOverdueReports, OVERDUE_LIMIT } from '../../core/participants/list-overdue-reports.ts';
import { ANSWER_MAX, BODY_MAX, REPORT_KINDS, REPORT_STATUSES, type ReportView } from '../../core/participants/participant-report-record.ts';
import { reviewReport } from '../../core/participants/review-report.ts';
import { saveReportDraft } from '../../core/participants/save-report-draft.ts';
import { submitReport } from '../../core/participants/submit-report.ts';
import type { ApiEnv } from '../api-env.ts';
import { jsonPointer } from '../json-pointer.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { sessionCookie } from '../security.ts';
import { asApiRefusal } from './applications-refusals.ts';

/**
 * Participants' reports (docs/architecture.md#reports): the participant writes their own (drafts kept on
 * the server, then submitted), the partners' coordinators and the adviser read them, the adviser accepts
 * or returns them with a remark; the overdue ones are listed for advisers and coordinators.
 */
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const kindParam = z.enum(REPORT_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'arrival' });
const OwnReportParams = z.object({ kind: kindParam });
const ParticipantReportParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' }),
  kind: kindParam,
});

const answer = (what: string, max: number) => z.string().max(max).default('').openapi({ description: what });
const ReportWriteSchema = z
  .object({
    version: z.string().nullable().openapi({ description: 'The report’s `version` you read; null for a report you never saved. An older one is refused (409 `staleEdit`).', example: null }),
    learned: answer('What did I learn?', ANSWER_MAX),
    hostGained: answer('What has my host organisation gained?', ANSWER_MAX),
    homeGains: answer('What will my home organisation gain?', ANSWER_MAX),
    community: answer('What do I bring home to my community?', ANSWER_MAX),
    body: answer('Free text beside the questions (optional).', BODY_MAX),
  })
  .openapi('ReportWrite');

const ReportSchema = z
  .object({
    participantId: z.string().openapi({ format: 'uuid' }),
    participantName: z.string(),
    kind: z.enum(REPORT_KINDS),
    status: z.enum([...REPORT_STATUSES, 'not_started']),
    answers: z.object({ learned: z.string(), hostGained: z.string(), homeGains: z.string(), community: z.string() }),
    body: z.string(),
    dueOn: z.string().nullable().openapi({ description: 'When it falls due (from the actual placement dates); null while they do not say yet.', format: 'date' }),
    open: z.boolean().openapi({ description: 'Whether the participant may write it yet (the placement began).' }),
    submittedAt: z.string().nullable().openapi({ format: 'date-time' }),
    reviewedAt: z.string().nullable().openapi({ format: 'date-time' }),
    remark: z.string().nullable().openapi({ description: 'The adviser’s remark when it was returned.' }),
    version: z.string().nullable().openapi({ description: 'Send it back with your next change.' }),
    mayReview: z.boolean().optional().openapi({ description: 'Whether you may accept or return it now.' }),
  })
  .openapi('Report');

const VersionSchema = z.object({ version: z.string().openapi({ description: 'The report’s `version` you read.', example: '2026-04-10T08:00:00.000Z' }) }).openapi('ReportVersion');
const ReturnSchema = z
  .object({ version: z.string().openapi({ description: 'The report’s `version` you read.' }), remark: z.string().max(4000).openapi({ description: 'What the participant should change.' }) })
  .openapi('ReportReturn');

const OverdueSchema = z
  .object({
    today: z.string().openapi({ format: 'date', description: 'The day (in Førde) the list is for.' }),
    total: z.number().int(),
    items: z.array(
      z.object({
        participantId: z.string().openapi({ format: 'uuid' }),
        participantName: z.string(),
        homeOrganisationId: z.string().openapi({ format: 'uuid' }),
        homeOrganisation: z.string(),
        hostOrganisationId: z.string().openapi({ format: 'uuid' }),
        hostOrganisation: z.string(),
        kind: z.enum(REPORT_KINDS),
        dueOn: z.string().openapi({ format: 'date' }),
        status: z.enum(REPORT_STATUSES).nullable().openapi({ description: 'null: never started.' }),
      }),
    ),
  })
  .openapi('OverdueReports');

const reportAnswer = (description: string) => ({ 200: { description, content: { 'application/json': { schema: ReportSchema } } } });
const own = { tags: ['Participant reports'], security: sessionCookie };

const getOwn = createRoute({
  ...own,
  method: 'get',
  operationId: 'getOwnReport',
  path: '/v1/exchange/reports/{kind}',
  summary: 'Your report of one kind, as far as you wrote it',
  description: 'The signed-in participant (their most recent placement). With its due date and whether it can be written yet.',
  request: { params: OwnReportParams },
  responses: { ...reportAnswer('The report.'), ...problemResponses([400, 401, 403, 404], { 403: 'Not a participant.' }) },
});

const writeProblems = problemResponses([400, 401, 403, 404, 409, 415, 422], {
  403: 'Not a participant.',
  409: 'Changed since the version you sent (`staleEdit`), already submitted (`reportLocked`), or the placement has not begun (`reportNotOpen`).',
});

const putOwn = createRoute({
  ...own,
  method: 'put',
  operationId: 'saveOwnReportDraft',
  path: '/v1/exchange/reports/{kind}',
  summary: 'Save your report as a draft',
  description: 'Kept on the server until you submit it. A returned report stays returned, with its remark, until submitted again.',
  request: { params: OwnReportParams, ...json(ReportWriteSchema) },
  responses: { ...reportAnswer('Saved.'), ...writeProblems },
});

const submitOwn = createRoute({
  ...own,
  method: 'post',
  operationId: 'submitOwnReport',
  path: '/v1/exchange/reports/{kind}/submission',
  summary: 'Save and submit your report',
  description: 'Every one of the four questions needs an answer (each missing one is named, `answerRequired`); the free text may be empty. The partners’ coordinators and the adviser can then read it.',
  request: { params: OwnReportParams, ...json(ReportWriteSchema) },
  responses: { ...reportAnswer('Submitted.'), ...writeProblems },
});

const readers = { tags: ['Participant reports'], security: sessionCookie };

const getReport = createRoute({
  ...readers,
  method: 'get',
  operationId: 'getParticipantReport',
  path: '/v1/participants/{id}/reports/{kind}',
  summary: 'A participant’s report, for its reviewers',
  description: 'The sending and host partners’ coordinators, the advisers following the programme and administrators. A draft shows its status and due date, not its content.',
  request: { params: ParticipantReportParams },
  responses: { ...reportAnswer('The report.'), ...problemResponses([400, 401, 403, 404], { 404: 'No such participant, or not one you may see.' }) },
});

const decisionProblems = problemResponses([400, 401, 403, 404, 409, 415, 422], {
  403: 'Not an adviser following the programme, or an administrator.',
  409: 'Not a submitted report (`reportNotSubmitted`), or changed since the version you sent (`staleEdit`).',
});

const accept = createRoute({
  ...readers,
  middleware: permitted('report:review'),
  method: 'post',
  operationId: 'acceptParticipantReport',
  path: '/v1/participants/{id}/reports/{kind}/acceptance',
  summary: 'Accept a submitted report',
  description: 'Advisers following the programme, and administrators.',
  request: { params: ParticipantReportParams, ...json(VersionSchema) },
  responses: { ...reportAnswer('Accepted.'), ...decisionProblems },
});

const giveBack = createRoute({
  ...readers,
  middleware: permitted('report:review'),
  method: 'post',
  operationId: 'returnParticipantReport',
  path: '/v1/participants/{id}/reports/{kind}/return',
  summary: 'Return a submitted report with a remark',
  description: 'Advisers following the programme, and administrators. The participant is told by email, in their language, and can change it and submit it again.',
  request: { params: ParticipantReportParams, ...json(ReturnSchema) },
  responses: { ...reportAnswer('Returned.'), ...decisionProblems },
});

const overdue = createRoute({
  ...readers,
  middleware: permitted('report:list-overdue'),
  method: 'get',
  operationId: 'listOverdueReports',
  path: '/v1/reports/overdue',
  summary: 'Participants’ reports that are overdue',
  description: `Advisers: the participants of the programmes they follow; coordinators: those their organisations send or host; administrators: everyone. Oldest due first, at most ${OVERDUE_LIMIT}; \`total\` counts them all.`,
  responses: { 200: { description: 'The overdue reports.', content: { 'application/json': { schema: OverdueSchema } } }, ...problemResponses([401, 403]) },
});

/** Every refused answer at once, each at its place in the body. */
async function refused<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FieldProblemsError) throw new ApiProblem(422, 'validation', { params: { count: error.problems.length }, issues: error.problems.map((p) => ({ pointer: jsonPointer([p.field]), code: p.code, params: p.params })) });
    throw asApiRefusal(error);
  }
}

const body = (view: ReportView & { mayReview?: boolean }) => ({ ...view, submittedAt: view.submittedAt?.toISOString() ?? null, reviewedAt: view.reviewedAt?.toISOString() ?? null });

export function registerParticipantReports(api: OpenAPIHono<ApiEnv>) {
  api.openapi(getOwn, async (c) => c.json(body(await refused(getOwnReport(c.var.core, c.req.valid('param')))), 200));

  api.openapi(putOwn, async (c) => c.json(body(await refused(saveReportDraft(c.var.core, { ...c.req.valid('param'), ...c.req.valid('json') }))), 200));

  api.openapi(submitOwn, async (c) => c.json(body(await refused(submitReport(c.var.core, { ...c.req.valid('param'), ...c.req.valid('json') }))), 200));

  api.openapi(getReport, async (c) => {
    const { id, kind } = c.req.valid('param');
    return c.json(body(await refused(getParticipantReport(c.var.core, { participantId: id, kind }))), 200);
  });

  api.openapi(accept, async (c) => {
    const { id, kind } = c.req.valid('param');
    return c.json(body(await refused(reviewReport(c.var.core, { participantId: id, kind, version: c.req.valid('json').version, decision: 'accept' }))), 200);
  });

  api.openapi(giveBack, async (c) => {
    const { id, kind } = c.req.valid('param');
    const { version, remark } = c.req.valid('json');
    return c.json(body(await refused(reviewReport(c.var.core, { participantId: id, kind, version, decision: 'return', remark }))), 200);
  });

  api.openapi(overdue, async (c) => c.json(await refused(listOverdueReports(c.var.core)), 200));
}
