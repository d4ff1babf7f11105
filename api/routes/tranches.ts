import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { approveTranche } from '../../core/finance/approve-tranche.ts';
import { getStagePayments } from '../../core/finance/get-stage-payments.ts';
import { getTranche } from '../../core/finance/get-tranche.ts';
import { listTranches, trancheQueryInput, type TrancheLine } from '../../core/finance/list-tranches.ts';
import { payTranche } from '../../core/finance/pay-tranche.ts';
import { recordOnwardPayment } from '../../core/finance/record-onward-payment.ts';
import { recordTrancheRefund } from '../../core/finance/record-tranche-refund.ts';
import { FieldProblemsError } from '../../core/errors.ts';
import type { ApiEnv } from '../api-env.ts';
import { jsonPointer } from '../json-pointer.ts';
import { setNextPageLink } from '../pagination.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  ApprovalBody,
  LedgerEntryRef,
  OnwardBody,
  PaymentBody,
  RefundAnswer,
  RefundBody,
  StagePaymentsSchema,
  StageParams,
  TrancheDetailSchema,
  TrancheListQuery,
  TrancheParams,
  TranchePageSchema,
  TrancheSchema,
} from '../schemas/tranche-schemas.ts';
import { sessionCookie } from '../security.ts';
import { validationRefusal } from '../validation-problem.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Disbursement in tranches (issue 11, point 7): finance officers approve and pay a granted stage's tranches
 * and record refunds; the stage's partners read its payments, and its coordinating partner records what
 * it passes on. Same use-cases as the pages.
 */
const common = { security: sessionCookie };
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const read = permitted('finance:read');
const manage = permitted('finance:manage');
const answer = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

/** Core's refusals the API's way: every wrong value at once (422 with a pointer each); the rest as `refusedAsApi` says them. */
async function refused<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FieldProblemsError && error.status === 400)
      throw new ApiProblem(422, 'validation', { params: { count: error.problems.length }, issues: error.problems.map((p) => ({ pointer: jsonPointer([p.field]), code: p.code, params: p.params })) });
    return refusedAsApi(Promise.reject(error));
  }
}

/** The version a change is based on: If-Match (`"3"`), else the body's `version`; neither is 428. */
function trancheVersion(c: Context<ApiEnv>, body: number | undefined): number {
  const ifMatch = c.req.header('if-match')?.trim();
  if (ifMatch) {
    const value = ifMatch.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    if (!/^\d{1,9}$/.test(value)) throw new ApiProblem(400, 'invalidVersion', { issues: [{ header: 'if-match', code: 'invalidVersion' }] });
    return Number(value);
  }
  if (body === undefined) throw new ApiProblem(428, 'versionRequired');
  return body;
}

const line = (t: TrancheLine): z.infer<typeof TrancheSchema> => t;

async function detail(c: { var: ApiEnv['Variables'] }, id: string): Promise<z.infer<typeof TrancheDetailSchema>> {
  const d = await getTranche(c.var.core, { trancheId: id });
  const t = d.tranche;
  return {
    id: t.id,
    stageId: t.stageId,
    number: t.number,
    shareBasisPoints: t.shareBasisPoints,
    amountMinor: t.amountMinor,
    currency: t.currency,
    condition: t.condition,
    status: t.status,
    paidOn: t.paidOn,
    bankReference: t.bankReference,
    ledgerEntryId: t.ledgerEntryId,
    version: t.version,
    partnership: d.partnership,
    stage: { kind: d.stage.kind, roundNumber: d.stage.roundNumber, startsOn: d.stage.startsOn },
    coordinator: d.coordinator,
    year: d.year,
    approvedBy: t.approvedByLabel,
    approvedAt: t.approvedAt?.toISOString() ?? null,
    paidBy: t.paidByLabel,
    paidAt: t.paidAt?.toISOString() ?? null,
    waitsFor: d.waitsFor,
    settlement: d.settlement,
    tranches: d.tranches.map((x) => ({ id: x.id, number: x.number, condition: x.condition, status: x.status, amountMinor: x.amountMinor })),
  };
}

const listRoute = createRoute({
  ...common,
  tags: ['Finance'],
  middleware: read,
  method: 'get',
  operationId: 'listTranches',
  path: '/v1/finance/tranches',
  summary: 'Tranches of granted stages: to approve, to pay, paid',
  description: 'Agency staff who read finance. Those to approve first, then those to pay, then paid; by `status` and budget `year`, 50 a page.',
  request: { query: TrancheListQuery },
  responses: { 200: answer('A page of tranches.', TranchePageSchema), ...problemResponses([400, 401, 403]) },
});

const getRoute = createRoute({
  ...common,
  tags: ['Finance'],
  middleware: read,
  method: 'get',
  operationId: 'getTranche',
  path: '/v1/finance/tranches/{id}',
  summary: 'One tranche with its stage’s settlement',
  description: 'The ETag header is the version to send back in If-Match.',
  request: { params: TrancheParams },
  responses: { 200: answer('The tranche.', TrancheDetailSchema), ...problemResponses([401, 403, 404]) },
});

const approveRoute = createRoute({
  ...common,
  tags: ['Finance'],
  middleware: manage,
  method: 'post',
  operationId: 'approveTranche',
  path: '/v1/finance/tranches/{id}/approval',
  summary: 'Approve a tranche for payment',
  description:
    'Finance officers and administrators. Needs the version (If-Match or `version`; none is 428, a stale one 409 `staleEdit`). A tranche after the final report waits for every partner’s approved financial report (409 `finalReportsNotApproved`); the last one settles the stage: it becomes what was spent beyond what was paid before, the rest is released to the call, and a refund is owed when less was spent than paid.',
  request: { params: TrancheParams, ...json(ApprovalBody) },
  responses: { 200: answer('The tranche, approved (or paid at once when nothing is left to pay).', TrancheDetailSchema), ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const payRoute = createRoute({
  ...common,
  tags: ['Finance'],
  middleware: manage,
  method: 'post',
  operationId: 'payTranche',
  path: '/v1/finance/tranches/{id}/payment',
  summary: 'Record that an approved tranche was paid',
  description: 'Finance officers and administrators. A disbursement from the stage to the coordinating partner in the ledger. Needs the version; only an approved tranche (409 `trancheNotApproved`).',
  request: { params: TrancheParams, ...json(PaymentBody) },
  responses: { 200: answer('The tranche, paid.', TrancheDetailSchema), ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const refundRoute = createRoute({
  ...common,
  tags: ['Finance'],
  middleware: manage,
  method: 'post',
  operationId: 'recordTrancheRefund',
  path: '/v1/finance/tranches/{id}/refunds',
  summary: 'Record a refund from the coordinating partner',
  description: 'Finance officers and administrators. At most what it owes after settlement (409 `refundAboveOwed`); a refund to the stage and a release back to the call, in one transaction.',
  request: { params: TrancheParams, ...json(RefundBody) },
  responses: { 201: answer('The two ledger entries.', RefundAnswer), ...problemResponses([400, 401, 403, 404, 409, 415, 422]) },
});

const paymentsRoute = createRoute({
  ...common,
  tags: ['Partnerships'],
  method: 'get',
  operationId: 'getStagePayments',
  path: '/v1/partnerships/{id}/stages/{stageId}/payments',
  summary: 'A granted stage’s payments: tranches, received, owed onward per partner',
  description: 'The agency’s finance readers and the stage’s partner organisations’ staff (a partner that does not coordinate sees its own line); anyone else 404.',
  request: { params: StageParams },
  responses: { 200: answer('The stage’s payments.', StagePaymentsSchema), ...problemResponses([401, 404]) },
});

const onwardRoute = createRoute({
  ...common,
  tags: ['Partnerships'],
  method: 'post',
  operationId: 'recordOnwardPayment',
  path: '/v1/partnerships/{id}/stages/{stageId}/onward-payments',
  summary: 'Record what the coordinating partner passed on to another partner',
  description: 'The coordinating partner’s coordinators and finance staff. Never more than it holds for the stage (409 `fundsShort`).',
  request: { params: StageParams, ...json(OnwardBody) },
  responses: { 201: answer('The ledger entry.', LedgerEntryRef), ...problemResponses([400, 401, 403, 404, 409, 415, 422]) },
});

const entryRef = (e: { id: string; kind: string; amountMinor: number; fromAccount: string; toAccount: string }) => ({ id: e.id, kind: e.kind, amountMinor: e.amountMinor, fromAccount: e.fromAccount, toAccount: e.toAccount });

export function registerTranches(api: OpenAPIHono<ApiEnv>) {
  api.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const parsed = trancheQueryInput.safeParse(query);
    if (!parsed.success) throw validationRefusal(parsed.error, 'query', query);
    const page = await refusedAsApi(listTranches(c.var.core, parsed.data), (field) => ({ parameter: field }));
    setNextPageLink(c, page.next);
    return c.json({ items: page.tranches.map(line), total: page.total, next: page.next }, 200);
  });

  api.openapi(getRoute, async (c) => {
    const body = await detail(c, c.req.valid('param').id);
    c.header('ETag', `"${body.version}"`);
    return c.json(body, 200);
  });

  api.openapi(approveRoute, async (c) => {
    const id = c.req.valid('param').id;
    const version = trancheVersion(c, c.req.valid('json').version);
    await refused(approveTranche(c.var.core, { trancheId: id, version }));
    const body = await detail(c, id);
    c.header('ETag', `"${body.version}"`);
    return c.json(body, 200);
  });

  api.openapi(payRoute, async (c) => {
    const id = c.req.valid('param').id;
    const { paidOn, bankReference, version } = c.req.valid('json');
    await refused(payTranche(c.var.core, { trancheId: id, paidOn, bankReference, version: trancheVersion(c, version) }));
    const body = await detail(c, id);
    c.header('ETag', `"${body.version}"`);
    return c.json(body, 200);
  });

  api.openapi(refundRoute, async (c) => {
    const result = await refused(recordTrancheRefund(c.var.core, { trancheId: c.req.valid('param').id, ...c.req.valid('json') }));
    return c.json({ refund: entryRef(result.refund), release: entryRef(result.release), owedMinor: result.owedMinor }, 201);
  });

  api.openapi(paymentsRoute, async (c) => {
    const { id, stageId } = c.req.valid('param');
    const p = await getStagePayments(c.var.core, { partnershipId: id, stageId });
    return c.json(
      {
        partnership: p.partnership,
        stage: p.stage,
        coordinator: p.coordinator,
        tranches: p.tranches,
        receivedMinor: p.receivedMinor,
        holdsMinor: p.holdsMinor,
        sharesKnown: p.sharesKnown,
        partners: p.partners,
        payments: p.payments.map(({ postedAt: _p, ...x }) => x),
        refundOwedMinor: p.refundOwedMinor,
        settled: p.settled,
        canRecordOnward: p.canRecordOnward,
      },
      200,
    );
  });

  api.openapi(onwardRoute, async (c) => {
    const { id, stageId } = c.req.valid('param');
    const entry = await refused(recordOnwardPayment(c.var.core, { partnershipId: id, stageId, ...c.req.valid('json') }));
    return c.json(entryRef(entry), 201);
  });
}
