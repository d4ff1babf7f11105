import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { DomainError, FieldProblemsError } from '../../core/errors.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { addFinancialReportReceipt } from '../../core/finance/add-financial-report-receipt.ts';
import { approveFinancialReport, returnFinancialReport } from '../../core/finance/decide-financial-report.ts';
import { getFinancialReportReceipt } from '../../core/finance/get-financial-report-receipt.ts';
import { getFinancialReport, type FinancialReportDetail } from '../../core/finance/get-financial-report.ts';
import { listFinancialReports } from '../../core/finance/list-financial-reports.ts';
import { saveFinancialReport } from '../../core/finance/save-financial-report.ts';
import { startFinancialReport } from '../../core/finance/start-financial-report.ts';
import { submitFinancialReport } from '../../core/finance/submit-financial-report.ts';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB } from '../../core/participants/document-content.ts';
import type { ApiEnv } from '../api-env.ts';
import { setNextPageLink } from '../pagination.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem, problemResponse } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  DecisionSchema,
  FinancialReportListQuery,
  FinancialReportListSchema,
  FinancialReportSchema,
  ReceiptParams,
  ReceiptUploadSchema,
  ReportIdParams,
  ReturnSchema,
  SaveFinancialReportSchema,
  StageIdParams,
  StartFinancialReportSchema,
} from '../schemas/financial-report-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Partners' financial reports per round (issue 11, point 8): the partner's coordinators and finance staff
 * start, fill in and submit their organisation's report with receipts; finance officers and administrators
 * approve or return it. Read by the report's organisation and the agency's finance readers; for anyone
 * else a report is not found.
 */
const common = { tags: ['Financial reports'], security: sessionCookie };
const read = permitted('financial-report:read');
const write = permitted('financial-report:write');
const decide = permitted('finance:manage');
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const reportAnswer = (description: string) => ({ description, headers: { ETag: { description: 'The report’s version.', schema: { type: 'string' as const } } }, content: { 'application/json': { schema: FinancialReportSchema } } });
const MAX_UPLOAD_BODY = MAX_DOCUMENT_BYTES + 64 * 1024;
const binary = (description: string) => ({ schema: z.string().openapi({ format: 'binary', description }) });

const listRoute = createRoute({
  ...common,
  middleware: [read] as const,
  method: 'get',
  operationId: 'listFinancialReports',
  path: '/v1/financial-reports',
  summary: 'Financial reports you may read, those waiting for a decision first',
  description: 'The agency’s finance readers see every report, partner staff their organisations’. 50 a page; `status` filters.',
  request: { query: FinancialReportListQuery },
  responses: { 200: { description: 'A page of reports.', content: { 'application/json': { schema: FinancialReportListSchema } } }, ...problemResponses([400, 401, 403]) },
});

const startRoute = createRoute({
  ...common,
  middleware: [write] as const,
  method: 'post',
  operationId: 'startFinancialReport',
  path: '/v1/stages/{stageId}/financial-reports',
  summary: 'Start your organisation’s financial report on a granted round',
  description: 'A partner’s coordinators and finance staff. The report starts as a draft whose lines are your organisation’s lines of the round’s budget as computed now (none when the round has no budget). One per round and partner (409 `financialReportExists`).',
  request: { params: StageIdParams, ...json(StartFinancialReportSchema) },
  responses: {
    201: reportAnswer('Started. Location is the report’s address.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 404: 'No such round, or your organisation is not one of its partners.', 409: 'Your organisation’s report on the round exists already (`financialReportExists`).', 422: 'You are staff of several partners of the round: name one (`financialReportChooseOrganisation`).' }),
  },
});

const getRoute = createRoute({
  ...common,
  middleware: [read] as const,
  method: 'get',
  operationId: 'getFinancialReport',
  path: '/v1/financial-reports/{id}',
  summary: 'A financial report with its lines, totals and receipts',
  request: { params: ReportIdParams },
  responses: { 200: reportAnswer('The report.'), ...problemResponses([401, 403, 404]) },
});

const saveRoute = createRoute({
  ...common,
  middleware: [write] as const,
  method: 'put',
  operationId: 'saveFinancialReport',
  path: '/v1/financial-reports/{id}',
  summary: 'Save the actual amounts, explanations and your own lines',
  description: 'A draft or returned report of your organisation, complete or not, against its `version`.',
  request: { params: ReportIdParams, ...json(SaveFinancialReportSchema) },
  responses: {
    200: reportAnswer('Saved.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Changed since you read it (`staleEdit`), or submitted or approved (`financialReportLocked`).', 422: 'A line of your own without a label (`financialReportOtherLineLabel`), or an `id` not of this report (`financialReportUnknownLine`).' }),
  },
});

const submitRoute = createRoute({
  ...common,
  middleware: [write] as const,
  method: 'post',
  operationId: 'submitFinancialReport',
  path: '/v1/financial-reports/{id}/submission',
  summary: 'Submit the report for the agency’s decision',
  description: 'Refused with every problem at once (422, each pointing at its line in the report: `/lines/{n}/actualMinor` or `/lines/{n}/explanation`) while a line has no actual amount or lacks an explanation the variance rule requires.',
  request: { params: ReportIdParams, ...json(DecisionSchema) },
  responses: { 200: reportAnswer('Submitted.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422]) },
});

const approveRoute = createRoute({
  ...common,
  middleware: [decide] as const,
  method: 'post',
  operationId: 'approveFinancialReport',
  path: '/v1/financial-reports/{id}/approval',
  summary: 'Approve a submitted report',
  description: 'Finance officers and administrators. The round’s settlement then counts it; the partner’s coordinators are emailed.',
  request: { params: ReportIdParams, ...json(DecisionSchema) },
  responses: { 200: reportAnswer('Approved.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Not submitted (`financialReportNotSubmitted`), or changed since you read it (`staleEdit`).' }) },
});

const returnRoute = createRoute({
  ...common,
  middleware: [decide] as const,
  method: 'post',
  operationId: 'returnFinancialReport',
  path: '/v1/financial-reports/{id}/return',
  summary: 'Return a submitted report to the partner with a remark',
  description: 'Finance officers and administrators. The remark is required; the partner’s coordinators are emailed, and the partner changes the report and submits it again.',
  request: { params: ReportIdParams, ...json(ReturnSchema) },
  responses: { 200: reportAnswer('Returned.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Not submitted (`financialReportNotSubmitted`), or changed since you read it (`staleEdit`).', 422: 'No remark (`financialReportRemarkRequired`).' }) },
});

const uploadRoute = createRoute({
  ...common,
  middleware: [write, bodyLimit({ maxSize: MAX_UPLOAD_BODY, onError: (c) => problemResponse(c, 413, 'fileTooLarge', { params: { max: MAX_DOCUMENT_MB }, issues: [{ pointer: '/file', code: 'fileTooLarge', params: { max: MAX_DOCUMENT_MB } }] }) })] as const,
  method: 'post',
  operationId: 'addFinancialReportReceipt',
  path: '/v1/financial-reports/{id}/receipts',
  summary: 'Attach a receipt',
  description: `A draft or returned report of your organisation. A \`multipart/form-data\` body with \`file\`: a PDF, JPEG or PNG of at most ${MAX_DOCUMENT_MB} MB, checked by its content.`,
  request: { params: ReportIdParams, body: { required: true, content: { 'multipart/form-data': { schema: ReceiptUploadSchema } } } },
  responses: {
    201: { ...reportAnswer('Attached. Location is the receipt’s address.'), headers: { Location: { description: 'Where to download the receipt.', schema: { type: 'string' } } } },
    ...problemResponses([400, 401, 403, 404, 409, 413, 415, 422], { 409: 'Submitted or approved (`financialReportLocked`).', 413: `Larger than ${MAX_DOCUMENT_MB} MB (\`fileTooLarge\`).`, 422: 'No file, not a PDF, JPEG or PNG, named as another kind than it is, or too many receipts.' }),
  },
});

const downloadRoute = createRoute({
  ...common,
  middleware: [read] as const,
  method: 'get',
  operationId: 'getFinancialReportReceipt',
  path: '/v1/financial-reports/{id}/receipts/{receiptId}',
  summary: 'Download a receipt',
  description: 'For whoever may read the report. Always a download, with the type found from its content.',
  request: { params: ReceiptParams },
  responses: {
    200: { description: 'The file, byte for byte as uploaded.', headers: { 'Content-Disposition': { description: 'attachment, with the file’s name.', schema: { type: 'string' } } }, content: { 'application/pdf': binary('A PDF.'), 'image/jpeg': binary('A JPEG.'), 'image/png': binary('A PNG.') } },
    ...problemResponses([401, 403, 404]),
  },
});

function reportBody(report: FinancialReportDetail) {
  return {
    ...report,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    decidedAt: report.decidedAt?.toISOString() ?? null,
    lines: report.lines.map(({ flow: _flow, overThreshold: _over, ...l }) => l),
    receipts: report.receipts.map((r) => ({ ...r, uploadedAt: r.uploadedAt.toISOString() })),
    createdAt: undefined,
    updatedAt: undefined,
    decidedByLabel: undefined,
  };
}

/** The core's per-line problems, pointed at the line in the report (`/lines/{n}/…`) or in the body sent. */
function linesRefusal(error: unknown, lineIndex: (id: string) => number | undefined): unknown {
  if (!(error instanceof FieldProblemsError)) return error;
  const issues = error.problems.map((p) => {
    const line = /^line\.([0-9a-f-]+)\.(actual|explanation|label)$/.exec(p.field);
    const added = /^new\.(\d+)\.label$/.exec(p.field);
    const sent = /^lines\.(\d+)\.id$/.exec(p.field);
    const pointer = line ? `/lines/${lineIndex(line[1]!) ?? 0}/${line[2] === 'actual' ? 'actualMinor' : line[2]}` : added ? `/lines/${added[1]}/label` : sent ? `/lines/${sent[1]}/id` : '';
    return { pointer, code: p.code, params: p.params };
  });
  return new ApiProblem(422, 'validation', { params: { count: issues.length }, issues });
}

export function registerFinancialReports(api: OpenAPIHono<ApiEnv>) {
  const answer = async (c: { var: ApiEnv['Variables']; header: (name: string, value: string) => void }, id: string) => {
    const report = await getFinancialReport(c.var.core, { reportId: id });
    c.header('ETag', `"${report.version}"`);
    return reportBody(report);
  };

  api.openapi(listRoute, async (c) => {
    const page = await refusedAsApi(listFinancialReports(c.var.core, c.req.valid('query')), (field) => ({ parameter: field }));
    setNextPageLink(c, page.next);
    return c.json({ ...page, items: page.items.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(), startsOn: undefined })) }, 200);
  });

  api.openapi(startRoute, async (c) => {
    const started = await refusedAsApi(startFinancialReport(c.var.core, { stageId: c.req.valid('param').stageId, organisationId: c.req.valid('json').organisationId }));
    c.header('Location', `/api/v1/financial-reports/${started.id}`);
    return c.json(await answer(c, started.id), 201);
  });

  api.openapi(getRoute, async (c) => c.json(await answer(c, c.req.valid('param').id), 200));

  api.openapi(saveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    try {
      await saveFinancialReport(c.var.core, { reportId: id, version: body.version, lines: body.lines });
    } catch (error) {
      throw linesRefusal(error, () => undefined);
    }
    return c.json(await answer(c, id), 200);
  });

  api.openapi(submitRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      await submitFinancialReport(c.var.core, { reportId: id, version: c.req.valid('json').version });
    } catch (error) {
      if (!(error instanceof FieldProblemsError)) throw error;
      const lines = (await getFinancialReport(c.var.core, { reportId: id })).lines;
      throw linesRefusal(error, (lineId) => lines.findIndex((l) => l.id === lineId));
    }
    return c.json(await answer(c, id), 200);
  });

  api.openapi(approveRoute, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(approveFinancialReport(c.var.core, { reportId: id, version: c.req.valid('json').version }));
    return c.json(await answer(c, id), 200);
  });

  api.openapi(returnRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version, remark } = c.req.valid('json');
    await refusedAsApi(returnFinancialReport(c.var.core, { reportId: id, version, remark }));
    return c.json(await answer(c, id), 200);
  });

  api.openapi(uploadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { file } = c.req.valid('form');
    const claimed = file.type.split(';')[0]!.trim().toLowerCase();
    let added: { id: string };
    try {
      added = await addFinancialReportReceipt(c.var.core, { reportId: id, file: { name: file.name, content: new Uint8Array(await file.arrayBuffer()), claimedType: ['application/pdf', 'image/jpeg', 'image/png'].includes(claimed) ? claimed : undefined } });
    } catch (error) {
      throw uploadRefusal(error);
    }
    c.header('Location', `/api/v1/financial-reports/${id}/receipts/${added.id}`);
    return c.json(await answer(c, id), 201);
  });

  api.openapi(downloadRoute, async (c) => {
    const { id, receiptId } = c.req.valid('param');
    const file = await getFinancialReportReceipt(c.var.core, { reportId: id, receiptId });
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.contentType,
      'content-disposition': attachmentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });
}

/** The core's refusals of a file, said of the `file` part; too large is 413, as HTTP has it. */
function uploadRefusal(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.field !== 'file') return error;
  const { code, params } = error;
  if (code === 'fileTooLarge') return new ApiProblem(413, code, { params, issues: [{ pointer: '/file', code, params }] });
  return new ApiProblem(422, code, { params, issues: [{ pointer: '/file', code, params }] });
}
