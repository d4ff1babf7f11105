import { Validator } from '@seriousme/openapi-schema-validator';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../tests/support/api-client.ts';
import type { ApiEnv } from './api-env.ts';
import { createApi } from './app.ts';

function apiWith(ping: () => Promise<void>) {
  const app = new Hono<ApiEnv>();
  app.use(async (c, next) => {
    c.set('ping', ping);
    await next();
  });
  app.route('/api', createApi());
  return app;
}

const up = apiWith(async () => {});

describe('API', () => {
  it('answers health with the database state', async () => {
    const ok = await apiClient(up).GET('/v1/health');
    expect(ok.response.status).toBe(200);
    expect(ok.data).toMatchObject({ status: 'ok', database: 'ok' });

    const down = await apiClient(apiWith(() => Promise.reject(new Error('connection refused')))).GET('/v1/health');
    expect(down.response.status).toBe(503);
    expect(down.error).toMatchObject({ status: 'unavailable', database: 'unavailable' });
  });

  it('publishes a valid OpenAPI 3 document', async () => {
    const response = await up.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/health', '/v1/organisations', '/v1/organisations/{id}', '/v1/partnerships', '/v1/partnerships/{id}']),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every refusal (4xx) as problem+json, and every write as needing the session cookie', async () => {
    const doc = await (await up.request('/api/openapi.json')).json();
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: object }>; security?: unknown }>>,
    ).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, op })));
    for (const { name, method, op } of operations) {
      expect(Object.keys(op.responses).filter((status) => status.startsWith('4')), `${name} has a 4xx answer`).not.toEqual([]);
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('4')) expect(Object.keys(response.content ?? {}), `${name} ${status}`).toEqual(['application/problem+json']);
      }
      // Stated on every operation: the session cookie, or explicitly none for the public directories.
      expect([[], [{ sessionCookie: [] }]], `${name} security`).toContainEqual(op.security);
      if (method !== 'get') expect(op.security, name).toEqual([{ sessionCookie: [] }]);
      expect(op.operationId, `${name} operationId`).toMatch(/^[a-z][A-Za-z]+$/);
    }
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });

  it('has a readable documentation page listing the endpoints', async () => {
    const response = await up.request('/api/docs');
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('/api/v1/health');
    expect(html).toContain('<code>getHealth</code>');
    expect(html).not.toContain('<script');
  });

  it('answers an unknown endpoint with problem+json', async () => {
    const response = await up.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not found', code: 'noEndpoint', instance: '/api/v1/nothing-here' });
  });
});
