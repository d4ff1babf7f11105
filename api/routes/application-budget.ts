import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listOtherLines } from '../../core/budgets/list-other-lines.ts';
import { addOtherLine } from '../../core/budgets/add-other-line.ts';
import { removeOtherLine } from '../../core/budgets/remove-other-line.ts';
import { updateOtherLine } from '../../core/budgets/update-other-line.ts';
import { FieldProblemsError } from '../../core/errors.ts';
import { getApplicationBudget } from '../../core/unit-costs/get-application-budget.ts';
import type { ApiEnv } from '../api-env.ts';
import { jsonPointer } from '../json-pointer.ts';
import { requireVersion } from '../optimistic-lock.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { ApplicationBudgetSchema, BudgetHistorySchema, ChangedOtherLineBody, NewOtherLineBody, OtherLineListSchema, OtherLineSchema } from '../schemas/budget-schemas.ts';
import { sessionCookie } from '../security.ts';
import { asApiRefusal } from './applications-refusals.ts';

const common = { tags: ['Applications'], security: sessionCookie };
const idParam = z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' });
const roundParam = z.coerce.number().int().min(1).max(5).openapi({ param: { name: 'round', in: 'path' }, example: 1 });
const lineParam = z.string().openapi({ param: { name: 'lineId', in: 'path' }, format: 'uuid' });
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const editRules =
  'While the application is a draft or returned, by a coordinator of the partner whose part it is, or of the coordinating partner. Every invalid value is named at once (422); the round’s budget is recorded again in the same transaction (cause `otherLineChanged`).';

const budgetRoute = createRoute({
  ...common,
  middleware: permitted('application:read'),
  method: 'get',
  operationId: 'getApplicationBudget',
  path: '/v1/applications/{id}/budget',
  summary: 'The budget of each round of the exchange plan, as last recorded',
  description:
    'The latest stored version of each round’s budget (its number, cause and when it was recorded), computed from the plan, the partners’ other lines and the programme’s latest published unit-cost table for the round’s year when the plan, an other line or the unit costs last changed it; travel by the great-circle distance between the organisations’ matched places. An approved application keeps the unit costs it was computed with. Each partner’s total also in its country’s currency at the latest exchange rate on or before that day. Whoever may read the application may read it.',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: { description: 'The budget per round.', content: { 'application/json': { schema: ApplicationBudgetSchema } } }, ...problemResponses([401, 403, 404]) },
});

const historyRoute = createRoute({
  ...common,
  middleware: permitted('application:read'),
  method: 'get',
  operationId: 'getApplicationBudgetHistory',
  path: '/v1/applications/{id}/budget/history',
  summary: 'Every recorded version of the round budgets, newest first',
  description: 'When, why (`created`, `planChanged`, `otherLineChanged`, `unitCostsPublished`), by whom, and the round’s total before and after. Whoever may read the application.',
  request: { params: z.object({ id: idParam }) },
  responses: { 200: { description: 'The history.', content: { 'application/json': { schema: BudgetHistorySchema } } }, ...problemResponses([401, 403, 404]) },
});

const listLinesRoute = createRoute({
  ...common,
  middleware: permitted('application:read'),
  method: 'get',
  operationId: 'listOtherLines',
  path: '/v1/applications/{id}/budget/rounds/{round}/other-lines',
  summary: 'The partners’ other lines on a round, with their versions',
  description: 'Whoever may read the application. `editable` says whether the application still takes changes.',
  request: { params: z.object({ id: idParam, round: roundParam }) },
  responses: { 200: { description: 'The lines.', content: { 'application/json': { schema: OtherLineListSchema } } }, ...problemResponses([400, 401, 403, 404]) },
});

const addLineRoute = createRoute({
  ...common,
  middleware: permitted('application:edit'),
  method: 'post',
  operationId: 'addOtherLine',
  path: '/v1/applications/{id}/budget/rounds/{round}/other-lines',
  summary: 'Add an other line to a partner’s part of a round',
  description: `A cost outside the unit costs, in whole NOK, with its justification (required). ${editRules}`,
  request: { params: z.object({ id: idParam, round: roundParam }), ...json(NewOtherLineBody) },
  responses: { 201: { description: 'Added.', content: { 'application/json': { schema: OtherLineSchema } } }, ...problemResponses([400, 401, 403, 404, 409, 415, 422]) },
});

const changeLineRoute = createRoute({
  ...common,
  middleware: permitted('application:edit'),
  method: 'put',
  operationId: 'changeOtherLine',
  path: '/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}',
  summary: 'Change an other line',
  description: `Send the version you read (If-Match, or \`version\`): without it 428, changed since 409 \`staleEdit\`. ${editRules}`,
  request: { params: z.object({ id: idParam, round: roundParam, lineId: lineParam }), ...json(ChangedOtherLineBody) },
  responses: { 200: { description: 'Changed.', content: { 'application/json': { schema: OtherLineSchema } } }, ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const removeLineRoute = createRoute({
  ...common,
  middleware: permitted('application:edit'),
  method: 'delete',
  operationId: 'removeOtherLine',
  path: '/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}',
  summary: 'Remove an other line',
  description: `Send the version you read in If-Match: without it 428, changed since 409 \`staleEdit\`. ${editRules}`,
  request: { params: z.object({ id: idParam, round: roundParam, lineId: lineParam }) },
  responses: { 204: { description: 'Removed.' }, ...problemResponses([400, 401, 403, 404, 409, 428]) },
});

/** Every problem of a refused line at once, each pointing at its value in the body. */
async function allRefusals<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FieldProblemsError) {
      const pointer = (field: string) => jsonPointer([field === 'amount' ? 'amountNok' : field]);
      throw new ApiProblem(422, 'validation', { params: { count: error.problems.length }, issues: error.problems.map((p) => ({ pointer: pointer(p.field), code: p.code, params: p.params })) });
    }
    throw asApiRefusal(error);
  }
}

const lineBody = (line: { id: string; round: number; organisationId: string; label: string; amountMinor: number; currency: string; justification: string; updatedAt: Date }) => ({
  id: line.id,
  round: line.round,
  organisationId: line.organisationId,
  label: line.label,
  amountMinor: line.amountMinor,
  currency: line.currency,
  justification: line.justification,
  version: line.updatedAt.toISOString(),
});

/** The line must be on the round the address names; otherwise it is not found there. */
async function lineOnRound(c: Parameters<Parameters<OpenAPIHono<ApiEnv>['openapi']>[1]>[0], id: string, round: number, lineId: string) {
  const { lines } = await listOtherLines(c.var.core, { applicationId: id, round });
  if (!lines.some((l) => l.id === lineId)) throw new ApiProblem(404, 'notFound');
}

export function registerApplicationBudget(api: OpenAPIHono<ApiEnv>) {
  api.openapi(budgetRoute, async (c) => {
    const budget = await getApplicationBudget(c.var.core, { applicationId: c.req.valid('param').id });
    return c.json({ applicationId: budget.applicationId, rounds: budget.rounds.map((r) => ({ ...r, version: { ...r.version, computedAt: r.version.computedAt.toISOString() } })) }, 200);
  });

  api.openapi(historyRoute, async (c) => {
    const { applicationId, history } = await getApplicationBudget(c.var.core, { applicationId: c.req.valid('param').id });
    return c.json({ applicationId, entries: history.map((e) => ({ ...e, computedAt: e.computedAt.toISOString() })) }, 200);
  });

  api.openapi(listLinesRoute, async (c) => {
    const { id, round } = c.req.valid('param');
    const list = await listOtherLines(c.var.core, { applicationId: id, round });
    return c.json({ editable: list.editable, items: list.lines }, 200);
  });

  api.openapi(addLineRoute, async (c) => {
    const { id, round } = c.req.valid('param');
    const body = c.req.valid('json');
    const line = await allRefusals(addOtherLine(c.var.core, { applicationId: id, round, organisationId: body.organisationId, label: body.label, amount: String(body.amountNok), justification: body.justification }));
    return c.json(lineBody(line), 201);
  });

  api.openapi(changeLineRoute, async (c) => {
    const { id, round, lineId } = c.req.valid('param');
    const body = c.req.valid('json');
    await lineOnRound(c, id, round, lineId);
    const version = requireVersion(c.req.header('if-match'), body.version);
    const line = await allRefusals(updateOtherLine(c.var.core, { applicationId: id, lineId, version, label: body.label, amount: String(body.amountNok), justification: body.justification }));
    return c.json(lineBody(line), 200);
  });

  api.openapi(removeLineRoute, async (c) => {
    const { id, round, lineId } = c.req.valid('param');
    await lineOnRound(c, id, round, lineId);
    const version = requireVersion(c.req.header('if-match'), undefined);
    await allRefusals(removeOtherLine(c.var.core, { applicationId: id, lineId, version }));
    return c.body(null, 204);
  });
}
