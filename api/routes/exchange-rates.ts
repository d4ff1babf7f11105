import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { FieldProblemsError } from '../../core/errors.ts';
import { importExchangeRates } from '../../core/exchange-rates/import-exchange-rates.ts';
import { listExchangeRates } from '../../core/exchange-rates/list-exchange-rates.ts';
import { recordExchangeRate } from '../../core/exchange-rates/record-exchange-rate.ts';
import type { ExchangeRate } from '../../core/exchange-rates/exchange-rate-record.ts';
import type { ApiEnv } from '../api-env.ts';
import { jsonPointer } from '../json-pointer.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { ExchangeRateImportSchema, ExchangeRateListSchema, ExchangeRateQuery, ExchangeRateSchema, NewExchangeRateBody } from '../schemas/exchange-rate-schemas.ts';
import { sessionCookie } from '../security.ts';
import { asApiRefusal } from './applications-refusals.ts';

/** The most a CSV import may weigh: 5 000 rows of ~60 bytes, with room to spare. */
const MAX_CSV_BYTES = 1_000_000;
const common = { tags: ['Finance'], security: sessionCookie };

const listRoute = createRoute({
  ...common,
  middleware: permitted('finance:read'),
  method: 'get',
  operationId: 'listExchangeRates',
  path: '/v1/finance/exchange-rates',
  summary: 'Exchange rates, newest first',
  description: 'NOK for one unit of a currency on a date, with its source. Filter by `currency` (ISO 4217) and a date range; a filter that is not a currency or a date is left out. Whoever reads finance.',
  request: { query: ExchangeRateQuery },
  responses: { 200: { description: 'The rates.', content: { 'application/json': { schema: ExchangeRateListSchema } } }, ...problemResponses([400, 401, 403]) },
});

const createRateRoute = createRoute({
  ...common,
  middleware: permitted('finance:manage'),
  method: 'post',
  operationId: 'recordExchangeRate',
  path: '/v1/finance/exchange-rates',
  summary: 'Record an exchange rate',
  description: 'Finance officers and administrators. Every invalid value at once (422); a currency that already has a rate that day is refused (409 `exchangeRateExists`).',
  request: { body: { required: true, content: { 'application/json': { schema: NewExchangeRateBody } } } },
  responses: { 201: { description: 'Recorded.', content: { 'application/json': { schema: ExchangeRateSchema } } }, ...problemResponses([400, 401, 403, 409, 415, 422]) },
});

const importRoute = createRoute({
  ...common,
  middleware: permitted('finance:manage'),
  method: 'post',
  operationId: 'importExchangeRates',
  path: '/v1/finance/exchange-rates/import',
  summary: 'Import exchange rates from CSV',
  description:
    'A `text/csv` body: a first line `date,currency,rate,source`, then one rate per line. Every bad line is named at once (422, each error’s `pointer` is `/<line number>`), and nothing is saved unless every line is valid. At most 5,000 rates (1 MB). Finance officers and administrators.',
  request: { body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ example: 'date,currency,rate,source\n2026-01-01,NPR,0.0795,Norges Bank\n' }) } } } },
  responses: { 201: { description: 'Imported.', content: { 'application/json': { schema: ExchangeRateImportSchema } } }, ...problemResponses([400, 401, 403, 413, 415, 422]) },
});

const rateBody = (r: ExchangeRate) => ({ ...r, enteredAt: r.enteredAt.toISOString() });

async function allRefusals<T>(work: Promise<T>, pointer: (field: string, params: Record<string, string | number>) => string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FieldProblemsError) throw new ApiProblem(422, 'validation', { params: { count: error.problems.length }, issues: error.problems.map((p) => ({ pointer: pointer(p.field, p.params ?? {}), code: p.code, params: p.params })) });
    throw asApiRefusal(error);
  }
}

export function registerExchangeRates(api: OpenAPIHono<ApiEnv>) {
  api.openapi(listRoute, async (c) => {
    const list = await listExchangeRates(c.var.core, c.req.valid('query'));
    return c.json({ items: list.rates.map(rateBody), more: list.more }, 200);
  });

  api.openapi(createRateRoute, async (c) => {
    const rate = await allRefusals(recordExchangeRate(c.var.core, c.req.valid('json')), (field) => jsonPointer([field]));
    return c.json(rateBody(rate), 201);
  });

  api.openapi(importRoute, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'text/csv' && type !== 'text/plain') throw new ApiProblem(415, 'unsupportedMediaType');
    const bytes = await c.req.arrayBuffer();
    if (bytes.byteLength > MAX_CSV_BYTES) throw new ApiProblem(413, 'requestTooLarge');
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ApiProblem(422, 'validation', { params: { count: 1 }, issues: [{ pointer: '', code: 'csvUnreadable' }] });
    }
    const result = await allRefusals(importExchangeRates(c.var.core, { csv }), (_field, params) => (params.line ? `/${params.line}` : ''));
    return c.json(result, 201);
  });
}
