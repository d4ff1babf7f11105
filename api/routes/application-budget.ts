import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getApplicationBudget } from '../../core/unit-costs/get-application-budget.ts';
import type { ApiEnv } from '../api-env.ts';
import { permitted } from '../permitted.ts';
import { problemResponses } from '../problem-schema.ts';
import { ApplicationBudgetSchema } from '../schemas/budget-schemas.ts';
import { sessionCookie } from '../security.ts';

const budgetRoute = createRoute({
  tags: ['Applications'],
  security: sessionCookie,
  middleware: permitted('application:read'),
  method: 'get',
  operationId: 'getApplicationBudget',
  path: '/v1/applications/{id}/budget',
  summary: 'The budget of each round of the exchange plan',
  description:
    'Computed now from the plan and the programme’s latest published unit-cost table for the round’s year, travel by the great-circle distance between the organisations’ matched places. Whoever may read the application may read it.',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) }) },
  responses: { 200: { description: 'The budget per round.', content: { 'application/json': { schema: ApplicationBudgetSchema } } }, ...problemResponses([401, 403, 404]) },
});

export function registerApplicationBudget(api: OpenAPIHono<ApiEnv>) {
  api.openapi(budgetRoute, async (c) => c.json(await getApplicationBudget(c.var.core, { applicationId: c.req.valid('param').id }), 200));
}
