import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { FieldProblemsError } from '../../core/errors.ts';
import { acceptResultReport, returnResultReport } from '../../core/results/decide-result-report.ts';
import { getResultReport, type ResultReportDetail } from '../../core/results/get-result-report.ts';
import { listResultReports } from '../../core/results/list-result-reports.ts';
import { getResultsDashboard } from '../../core/results/results-dashboard.ts';
import { saveResultReport } from '../../core/results/save-result-report.ts';
import { startResultReport } from '../../core/results/start-result-report.ts';
import { submitResultReport } from '../../core/results/submit-result-report.ts';
import type { ApiEnv } from '../api-env.ts';
import { jsonPointer } from '../json-pointer.ts';
import { setNextPageLink } from '../pagination.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  ResultDecisionSchema,
  ResultReportIdParams,
  ResultReportListQuery,
  ResultReportListSchema,
  ResultReportSchema,
  ResultReturnSchema,
  ResultsDashboardQuery,
  ResultsDashboardSchema,
  ResultStageIdParams,
  SaveResultReportSchema,
  StartResultReportSchema,
} from '../schemas/result-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Partners' results reports per round and the agency's results dashboards (issue 12, points 1 and 2): a
 * partner's coordinators start, fill in and submit their organisation's report on a granted round; the
 * programme adviser (or an administrator) accepts or returns it. Read by the agency and by the staff of the
 * partnership's organisations; for anyone else a report is not found.
 */
const common = { tags: ['Results'], security: sessionCookie };
const read = permitted('result-report:read');
const write = permitted('result-report:write');
const decide = permitted('result-report:decide');
const dashboard = permitted('results:read');
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const reportAnswer = (description: string) => ({ description, headers: { ETag: { description: 'The report’s version.', schema: { type: 'string' as const } } }, content: { 'application/json': { schema: ResultReportSchema } } });

const listRoute = createRoute({
  ...common,
  middleware: [read] as const,
  method: 'get',
  operationId: 'listResultReports',
  path: '/v1/result-reports',
  summary: 'Results reports you may read, those waiting for the adviser first',
  description: 'The agency sees every report, partner staff those on their partnerships. 50 a page; `status` filters.',
  request: { query: ResultReportListQuery },
  responses: { 200: { description: 'A page of reports.', content: { 'application/json': { schema: ResultReportListSchema } } }, ...problemResponses([400, 401, 403]) },
});

const startRoute = createRoute({
  ...common,
  middleware: [write] as const,
  method: 'post',
  operationId: 'startResultReport',
  path: '/v1/stages/{stageId}/result-reports',
  summary: 'Start your organisation’s results report on a granted round',
  description: 'A partner’s coordinators. The report starts as an empty draft on the indicators of your organisation’s goals and the shared goals of the round’s application. One per round and partner (409 `resultReportExists`).',
  request: { params: ResultStageIdParams, ...json(StartResultReportSchema) },
  responses: {
    201: reportAnswer('Started. Location is the report’s address.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 404: 'No such round, or your organisation is not one of its partners.', 409: 'Your organisation’s report on the round exists already (`resultReportExists`).', 422: 'You coordinate several partners of the round: name one (`resultReportChooseOrganisation`).' }),
  },
});

const getRoute = createRoute({
  ...common,
  middleware: [read] as const,
  method: 'get',
  operationId: 'getResultReport',
  path: '/v1/result-reports/{id}',
  summary: 'A results report with its indicators and actuals',
  request: { params: ResultReportIdParams },
  responses: { 200: reportAnswer('The report.'), ...problemResponses([401, 403, 404]) },
});

const saveRoute = createRoute({
  ...common,
  middleware: [write] as const,
  method: 'put',
  operationId: 'saveResultReport',
  path: '/v1/result-reports/{id}',
  summary: 'Save the narrative, the actuals and the lessons learned',
  description: 'A draft or returned report of your organisation, complete or not, against its `version`. Every refused value at once (422), each pointing at its place in the body.',
  request: { params: ResultReportIdParams, ...json(SaveResultReportSchema) },
  responses: {
    200: reportAnswer('Saved.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Changed since you read it (`staleEdit`), or submitted or accepted (`resultReportLocked`).', 422: 'An indicator not of this report, or a value that is not a whole number of people or a number with at most two decimals.' }),
  },
});

const submitRoute = createRoute({
  ...common,
  middleware: [write] as const,
  method: 'post',
  operationId: 'submitResultReport',
  path: '/v1/result-reports/{id}/submission',
  summary: 'Submit the report to the programme adviser',
  description: 'Refused with every problem at once (422: `/narrative`, `/lessons`, `/indicators/{n}/actual/{women|men|other|value|valueText}`) while a part is missing.',
  request: { params: ResultReportIdParams, ...json(ResultDecisionSchema) },
  responses: { 200: reportAnswer('Submitted.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422]) },
});

const acceptRoute = createRoute({
  ...common,
  middleware: [decide] as const,
  method: 'post',
  operationId: 'acceptResultReport',
  path: '/v1/result-reports/{id}/acceptance',
  summary: 'Accept a submitted report',
  description: 'Programme advisers and administrators. Its actuals then count on the partnership’s page and the dashboards; the partner’s coordinators are emailed in their language.',
  request: { params: ResultReportIdParams, ...json(ResultDecisionSchema) },
  responses: { 200: reportAnswer('Accepted.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Not submitted (`resultReportNotSubmitted`), or changed since you read it (`staleEdit`).' }) },
});

const returnRoute = createRoute({
  ...common,
  middleware: [decide] as const,
  method: 'post',
  operationId: 'returnResultReport',
  path: '/v1/result-reports/{id}/return',
  summary: 'Return a submitted report to the partner with a remark',
  description: 'Programme advisers and administrators. The remark is required and emailed to the partner’s coordinators in their language; the partner changes the report and submits it again.',
  request: { params: ResultReportIdParams, ...json(ResultReturnSchema) },
  responses: { 200: reportAnswer('Returned.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Not submitted (`resultReportNotSubmitted`), or changed since you read it (`staleEdit`).', 422: 'No remark (`resultReportRemarkRequired`).' }) },
});

const dashboardRoute = createRoute({
  ...common,
  middleware: [dashboard] as const,
  method: 'get',
  operationId: 'getResultsDashboard',
  path: '/v1/results/dashboard',
  summary: 'Accepted results summed by programme, SDG, cross-cutting theme, country and year',
  description: 'Agency staff. Only accepted reports count; people reached come from indicators that count people. The filters combine.',
  request: { query: ResultsDashboardQuery },
  responses: { 200: { description: 'The figures.', content: { 'application/json': { schema: ResultsDashboardSchema } } }, ...problemResponses([400, 401, 403]) },
});

function reportBody(report: ResultReportDetail) {
  return { ...report, submittedAt: report.submittedAt?.toISOString() ?? null, decidedAt: report.decidedAt?.toISOString() ?? null, createdAt: undefined, updatedAt: undefined, decidedByLabel: undefined };
}

/** The core's problems (`indicator.<id>.<part>`, `actuals.<n>.indicatorId`, `narrative`, `lessons`) as pointers into the body sent or the report. */
function resultRefusal(error: unknown, place: (indicatorId: string, part: string) => string): unknown {
  if (!(error instanceof FieldProblemsError)) return error;
  const issues = error.problems.map((p) => {
    const actual = /^indicator\.([0-9a-f-]+)\.(value|women|men|other|text)$/.exec(p.field);
    const sent = /^actuals\.(\d+)\.indicatorId$/.exec(p.field);
    const pointer = actual ? place(actual[1]!, actual[2] === 'text' ? 'valueText' : actual[2]!) : sent ? `/actuals/${sent[1]}/indicatorId` : jsonPointer([p.field]);
    return { pointer, code: p.code, params: p.params };
  });
  return new ApiProblem(422, 'validation', { params: { count: issues.length }, issues });
}

export function registerResults(api: OpenAPIHono<ApiEnv>) {
  const answer = async (c: { var: ApiEnv['Variables']; header: (name: string, value: string) => void }, id: string) => {
    const report = await getResultReport(c.var.core, { reportId: id });
    c.header('ETag', `"${report.version}"`);
    return reportBody(report);
  };

  api.openapi(listRoute, async (c) => {
    const page = await refusedAsApi(listResultReports(c.var.core, c.req.valid('query')), (field) => ({ parameter: field }));
    setNextPageLink(c, page.next);
    return c.json({ ...page, items: page.items.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString() })) }, 200);
  });

  api.openapi(startRoute, async (c) => {
    const started = await refusedAsApi(startResultReport(c.var.core, { stageId: c.req.valid('param').stageId, organisationId: c.req.valid('json').organisationId }));
    c.header('Location', `/api/v1/result-reports/${started.id}`);
    return c.json(await answer(c, started.id), 201);
  });

  api.openapi(getRoute, async (c) => c.json(await answer(c, c.req.valid('param').id), 200));

  api.openapi(saveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    try {
      await saveResultReport(c.var.core, { reportId: id, ...body });
    } catch (error) {
      throw resultRefusal(error, (indicatorId, part) => `/actuals/${Math.max(0, (body.actuals ?? []).findIndex((a) => a.indicatorId === indicatorId))}/${part}`);
    }
    return c.json(await answer(c, id), 200);
  });

  api.openapi(submitRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await submitResultReport(c.var.core, { reportId: id, version: c.req.valid('json').version });
    } catch (error) {
      if (!(error instanceof FieldProblemsError)) throw error;
      const indicators = (await getResultReport(c.var.core, { reportId: id })).indicators;
      throw resultRefusal(error, (indicatorId, part) => `/indicators/${Math.max(0, indicators.findIndex((i) => i.id === indicatorId))}/actual/${part}`);
    }
    return c.json(await answer(c, id), 200);
  });

  api.openapi(acceptRoute, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(acceptResultReport(c.var.core, { reportId: id, version: c.req.valid('json').version }));
    return c.json(await answer(c, id), 200);
  });

  api.openapi(returnRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version, remark } = c.req.valid('json');
    await refusedAsApi(returnResultReport(c.var.core, { reportId: id, version, remark }));
    return c.json(await answer(c, id), 200);
  });

  api.openapi(dashboardRoute, async (c) => {
    let figures;
    try {
      figures = await getResultsDashboard(c.var.core, c.req.valid('query'));
    } catch (error) {
      // Every filter that is not one of the choices, each named as its query parameter.
      if (!(error instanceof FieldProblemsError)) throw error;
      throw new ApiProblem(400, 'validation', { params: { count: error.problems.length }, issues: error.problems.map((p) => ({ parameter: p.field, code: p.code, params: p.params })) });
    }
    return c.json({ total: figures.total, groups: figures.groups }, 200);
  });
}
