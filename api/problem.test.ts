import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { jsonBody } from '../tests/support/api-as.ts';
import { jsonPointer } from './json-pointer.ts';
import { ApiProblem, handleApiError } from './problem.ts';
import { validationHook } from './validation-problem.ts';

/** A small API wired like createApi: the same default hook and error handler, with routes that refuse. */
function testApi() {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const call = z.object({
    name: z.string().min(2, 'required'),
    country: z.string().regex(/^[A-Z]{2}$/, 'chooseCountry').optional().or(z.literal('')),
    criteria: z.array(z.object({ name: z.string().max(5), weight: z.number().int().min(1).max(100) })).min(1).max(3),
    stage: z.enum(['feasibility', 'agreement']),
    'a/b~c': z.boolean().optional(),
  });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/calls',
      request: { query: z.object({ limit: z.coerce.number().int().max(50).optional() }), body: { required: true, content: { 'application/json': { schema: call } } } },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.text('ok', 200),
  );
  const errors: Record<string, Error> = {
    domain: new DomainError('staleEdit', { status: 409 }),
    field: new DomainError('passwordTooShort', { field: 'password', params: { min: 12 } }),
    forbidden: new ForbiddenError('organisation:create'),
    unauthenticated: new UnauthenticatedError(),
    missing: new NotFoundError('organisation'),
    version: new ApiProblem(428, 'versionRequired'),
    bug: new Error('a bug'),
  };
  api.on(['GET', 'POST'], '/throw/:kind', (c) => {
    throw errors[c.req.param('kind')]!;
  });
  api.onError(handleApiError);
  return api;
}

const api = testApi();
const post = (body: unknown, headers: Record<string, string> = {}) => api.request('/calls', jsonBody('POST', body, headers));
const valid = { name: 'Health 2027', criteria: [{ name: 'fit', weight: 40 }], stage: 'agreement' };

describe('JSON pointers', () => {
  it('name nested values, escaping ~ and / (RFC 6901)', () => {
    expect(jsonPointer(['criteria', 0, 'weight'])).toBe('/criteria/0/weight');
    expect(jsonPointer(['a/b~c'])).toBe('/a~1b~0c');
    expect(jsonPointer([])).toBe('');
  });
});

describe('validation problems', () => {
  it('answer 422 problem+json with a pointer, a code and a message per invalid value', async () => {
    const response = await post({ name: 'X', country: 'Nepal', criteria: [{ name: 'relevance', weight: 0 }, { weight: '5' }], stage: 'final', 'a/b~c': 'yes' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ type: '/api/docs#problem-validation', status: 422, code: 'validation', instance: '/calls', title: catalogs.en['api.problem.validation.title'] });
    expect(problem.detail).toContain('8 values need correcting');
    expect(problem.errors).toEqual([
      { pointer: '/name', code: 'tooShort', detail: 'This needs at least 2 characters.' },
      { pointer: '/country', code: 'chooseCountry', detail: catalogs.en['api.error.chooseCountry'] },
      { pointer: '/criteria/0/name', code: 'tooLong', detail: 'This can be at most 5 characters.' },
      { pointer: '/criteria/0/weight', code: 'tooSmall', detail: 'This must be at least 1.' },
      { pointer: '/criteria/1/name', code: 'required', detail: catalogs.en['api.error.required'] },
      { pointer: '/criteria/1/weight', code: 'wrongType', detail: 'Send a value of JSON type number here.' },
      { pointer: '/stage', code: 'oneOf', detail: 'Use one of: feasibility, agreement.' },
      { pointer: '/a~1b~0c', code: 'wrongType', detail: 'Send a value of JSON type boolean here.' },
    ]);
  });

  it('speak the language of Accept-Language', async () => {
    const response = await post({ ...valid, criteria: [] }, { 'accept-language': 'nn-NO, en;q=0.5' });
    expect(response.headers.get('content-language')).toBe('nn');
    const problem = await response.json();
    expect(problem.title).toBe(catalogs.nn['api.problem.validation.title']);
    expect(problem.errors).toEqual([{ pointer: '/criteria', code: 'tooFew', detail: 'Gje minst 1 element.' }]);
  });

  it('name an invalid query parameter, with 400', async () => {
    const response = await api.request('/calls?limit=500', jsonBody('POST', valid));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ parameter: 'limit', code: 'tooBig', detail: 'This can be at most 50.' }]);
  });

  it('answer a body that is not JSON with 400, and one sent as another type with 415, never 500', async () => {
    const malformed = await api.request('/calls', { method: 'POST', body: '{"name": "x",', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect(await malformed.json()).toMatchObject({ code: 'malformedJson', detail: catalogs.en['api.problem.malformedJson.detail'] });

    const form = await api.request('/calls', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'unsupportedMediaType' });

    const empty = await api.request('/calls', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
  });

  it('let a valid request through', async () => {
    expect((await post(valid)).status).toBe(200);
  });
});

describe('refusals from the core', () => {
  it.each([
    ['unauthenticated', 401, 'api.problem.unauthenticated.title', 'api.problem.unauthenticated.detail'],
    ['forbidden', 403, 'api.problem.forbidden.title', 'api.problem.forbidden.detail'],
    ['missing', 404, 'api.problem.notFound.title', 'api.problem.notFound.detail'],
    ['domain', 409, 'api.problem.staleEdit.title', 'api.problem.staleEdit.detail'],
    ['version', 428, 'api.problem.versionRequired.title', 'api.problem.versionRequired.detail'],
  ] as const)('%s → %i problem+json', async (kind, status, title, detail) => {
    const response = await api.request(`/throw/${kind}`, { headers: { 'accept-language': 'fr' } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status, title: catalogs.fr[title], detail: catalogs.fr[detail], instance: `/throw/${kind}` });
  });

  it('point at the field a domain error names, with the catalog’s message for its code', async () => {
    const problem = await (await api.request('/throw/field', { method: 'POST' })).json();
    expect(problem).toMatchObject({ status: 400, code: 'passwordTooShort', errors: [{ pointer: '/password', code: 'passwordTooShort', detail: 'The password needs at least 12 characters.' }] });
  });

  it('name the query parameter a domain error names when the request has no body (GET)', async () => {
    const problem = await (await api.request('/throw/field')).json();
    expect(problem).toMatchObject({ status: 400, code: 'passwordTooShort', errors: [{ parameter: 'password', code: 'passwordTooShort', detail: 'The password needs at least 12 characters.' }] });
  });

  it('leave a bug to the server’s error handler, which logs it', async () => {
    const logged: Error[] = [];
    const server = new Hono().route('/', api);
    server.onError((error, c) => {
      logged.push(error);
      return c.text('Internal Server Error', 500);
    });
    expect((await server.request('/throw/bug')).status).toBe(500);
    expect(logged.map((e) => e.message)).toEqual(['a bug']);
  });
});
