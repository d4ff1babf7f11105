import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../api-env.ts';
import { PROBLEM_CONTENT_TYPE } from '../problem.ts';
import { ProblemSchema } from '../problem-schema.ts';
import { publicAccess } from '../security.ts';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']).openapi({ example: 'ok' }),
    database: z.enum(['ok', 'unavailable']).openapi({ example: 'ok' }),
    time: z.string().openapi({ example: '2026-11-22T10:00:00.000Z', description: 'Server time, ISO 8601 UTC' }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  operationId: 'getHealth',
  security: publicAccess,
  path: '/v1/health',
  tags: ['Operations'],
  summary: 'Is the service up and can it reach its database?',
  responses: {
    200: { description: 'The service and its database answer.', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'The database does not answer.', content: { 'application/json': { schema: HealthSchema } } },
    // Client tools (and Redocly's rules) expect every operation to say what its refusals look like.
    '4XX': { description: 'Not expected: the health check refuses no request. Like every 4xx answer of this API, it would be problem+json.', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } },
  },
});

export function registerHealth(api: OpenAPIHono<ApiEnv>) {
  api.openapi(route, async (c) => {
    const time = new Date().toISOString();
    try {
      await c.var.ping();
      return c.json({ status: 'ok' as const, database: 'ok' as const, time }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, database: 'unavailable' as const, time }, 503);
    }
  });
}
