import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { allocateFunds, allocationInput } from '../../core/finance/allocate-funds.ts';
import { appropriateYear } from '../../core/finance/appropriate-year.ts';
import { correctLedgerEntry } from '../../core/finance/correct-ledger-entry.ts';
import { getBudgetYear } from '../../core/finance/get-budget-year.ts';
import { getLedgerEntry } from '../../core/finance/get-ledger-entry.ts';
import { ledgerQueryInput, listLedgerEntries } from '../../core/finance/list-ledger-entries.ts';
import type { ApiEnv } from '../api-env.ts';
import { permitted } from '../permitted.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  AllocationSchema,
  AppropriationSchema,
  BudgetYearParams,
  BudgetYearSchema,
  CorrectionSchema,
  entryBody,
  LedgerEntryParams,
  LedgerEntrySchema,
  LedgerListQuery,
  LedgerListSchema,
} from '../schemas/finance-schemas.ts';
import { sessionCookie } from '../security.ts';
import { validationRefusal } from '../validation-problem.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Money (issue 11): the budget year, appropriations, allocations and the ledger behind every figure.
 * Finance officers and administrators post; programme advisers read; partners see none of it here.
 */
const common = { tags: ['Finance'], security: sessionCookie };
const json = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
const read = permitted('finance:read');
const manage = permitted('finance:manage');
const entryAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: LedgerEntrySchema } },
});
const shortOfMoney = 'Not enough money left where it would come from (`fundsShort`): `needed`, `left` and `usedBy` (the largest uses, with who and when) say why.';

const yearRoute = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'getBudgetYear',
  path: '/v1/finance/years/{year}',
  summary: 'A budget year: appropriated, allocated, reserved, committed, disbursed and remaining',
  description: 'For the year, each programme and each call opening that year. Every figure is a sum over ledger entries; each level names its account for `GET /v1/finance/ledger?account=`.',
  request: { params: BudgetYearParams },
  responses: {
    200: {
      description: 'The year.',
      content: { 'application/json': { schema: BudgetYearSchema } },
    },
    ...problemResponses([400, 401, 403]),
  },
});

const appropriateRoute = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'recordAppropriation',
  path: '/v1/finance/appropriations',
  summary: 'Record what Parliament appropriated for a year',
  description: 'Finance officers and administrators. One entry from `parliament` into `year:<year>`; a mistake is corrected by reversing the entry.',
  request: json(AppropriationSchema),
  responses: {
    201: entryAnswer('Recorded.'),
    ...problemResponses([400, 401, 403, 415, 422]),
  },
});

const allocateRoute = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'allocateFunds',
  path: '/v1/finance/allocations',
  summary: 'Allocate money to a programme or a call',
  description: 'Finance officers and administrators. Never more than the source has left, and a call never more than its ceiling, both checked under a lock.',
  request: json(AllocationSchema),
  responses: {
    201: entryAnswer('Allocated.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], {
      404: 'No such programme or call.',
      409: `${shortOfMoney} Or beyond the call’s ceiling (\`allocationAboveCeiling\`).`,
    }),
  },
});

const ledgerRoute = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'listLedgerEntries',
  path: '/v1/finance/ledger',
  summary: 'Ledger entries, newest first, 50 a page',
  description: 'All, or those in and out of one `account` (with its balance, their sum), of a `year` or of a `kind`.',
  request: { query: LedgerListQuery },
  responses: {
    200: {
      description: 'A page of entries.',
      content: { 'application/json': { schema: LedgerListSchema } },
    },
    ...problemResponses([400, 401, 403]),
  },
});

const entryRoute = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'getLedgerEntry',
  path: '/v1/finance/ledger/{id}',
  summary: 'One ledger entry',
  request: { params: LedgerEntryParams },
  responses: {
    200: entryAnswer('The entry.'),
    ...problemResponses([401, 403, 404]),
  },
});

const correctRoute = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'correctLedgerEntry',
  path: '/v1/finance/ledger/{id}/corrections',
  summary: 'Correct an entry by reversing it',
  description: 'Finance officers and administrators. A new entry moves the amount back; the ledger keeps both. Once per entry, and only while the money is still where it went.',
  request: { params: LedgerEntryParams, ...json(CorrectionSchema) },
  responses: {
    201: entryAnswer('The reversing entry.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], {
      409: `Already corrected (\`alreadyCorrected\`). ${shortOfMoney}`,
    }),
  },
});

export function registerFinance(api: OpenAPIHono<ApiEnv>) {
  const withNames = async (c: { var: ApiEnv['Variables'] }, id: string) => entryBody(await getLedgerEntry(c.var.core, id));

  api.openapi(yearRoute, async (c) => c.json(await getBudgetYear(c.var.core, c.req.valid('param').year), 200));

  api.openapi(appropriateRoute, async (c) => {
    const entry = await refusedAsApi(appropriateYear(c.var.core, c.req.valid('json')));
    return c.json(await withNames(c, entry.id), 201);
  });

  api.openapi(allocateRoute, async (c) => {
    const body = c.req.valid('json');
    const parsed = allocationInput.safeParse(body);
    if (!parsed.success) throw validationRefusal(parsed.error, 'json', body);
    const entry = await refusedAsApi(allocateFunds(c.var.core, parsed.data));
    return c.json(await withNames(c, entry.id), 201);
  });

  api.openapi(ledgerRoute, async (c) => {
    const query = c.req.valid('query');
    const parsed = ledgerQueryInput.safeParse(query);
    if (!parsed.success) throw validationRefusal(parsed.error, 'query', query);
    const page = await refusedAsApi(listLedgerEntries(c.var.core, parsed.data), (field) => ({ parameter: field }));
    return c.json(
      {
        items: page.entries.map(entryBody),
        balanceMinor: page.balanceMinor,
        next: page.next,
      },
      200,
    );
  });

  api.openapi(entryRoute, async (c) => c.json(await withNames(c, c.req.valid('param').id), 200));

  api.openapi(correctRoute, async (c) => {
    const entry = await refusedAsApi(
      correctLedgerEntry(c.var.core, {
        entryId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
      }),
    );
    return c.json(await withNames(c, entry.id), 201);
  });
}
