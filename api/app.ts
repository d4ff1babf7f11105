import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.ts';
import { renderDocsPage } from './docs-page.ts';
import { registerHealth } from './routes/health.ts';

const info = {
  title: 'Mutual exchange platform API',
  version: '1.0.0',
  description:
    'The public and integration API of the mutual-exchange platform. Every endpoint calls the same core use-cases as the web pages.',
};

/** The JSON API, mounted at /api by server.ts. */
export function createApi() {
  const api = new OpenAPIHono<ApiEnv>();
  registerHealth(api);

  api.doc31('/openapi.json', { openapi: '3.1.0', info, servers: [{ url: '/api' }] });
  api.get('/docs', (c) => c.html(renderDocsPage(api.getOpenAPI31Document({ openapi: '3.1.0', info }))));
  // Registered last: anything under /api that no route above answers is an RFC 9457 problem, not an HTML page.
  api.all('/*', (c) =>
    c.json(
      { type: 'about:blank', title: 'Not Found', status: 404, detail: `No endpoint at ${c.req.path}` },
      404,
      { 'content-type': 'application/problem+json' },
    ),
  );
  return api;
}
