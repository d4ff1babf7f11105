import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FuzzServer } from './fuzz-app.ts';
import { fuzzIds } from './fuzz-ids.ts';
import { fuzzOptions, RUNS } from './fuzz-settings.ts';
import { fieldValue, hostileJson, hostileText } from './hostile-values.ts';


interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Every operation of the OpenAPI document the server itself serves: a new endpoint is fuzzed without an entry anywhere. */
async function operations(server: FuzzServer): Promise<{ doc: Document; list: { method: string; path: string; operation: Operation }[] }> {
  const doc = (await (await server.request('/api/openapi.json')).json()) as Document;
  const list = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
  return { doc, list };
}

/** A value shaped like the schema (its examples and enums, or the right JSON type), often hostile instead. */
function valueFor(doc: Document, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return hostileJson;
  if (schema.$ref) return valueFor(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!], depth + 1);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(doc, s, depth + 1)));
  const sensible: unknown[] = [...(schema.enum ?? []), ...(schema.example !== undefined ? [schema.example] : []), ...(schema.examples ?? [])];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let shaped: fc.Arbitrary<unknown>;
  if (type === 'object' && schema.properties) {
    const entries = Object.entries(schema.properties).map(([name, s]) => fc.option(valueFor(doc, s, depth + 1).map((v) => [name, v] as const), { freq: 6, nil: null }));
    shaped = fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== null)));
  } else if (type === 'array') shaped = fc.array(valueFor(doc, schema.items, depth + 1), { maxLength: 4 });
  else if (type === 'integer' || type === 'number') shaped = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.integer(), fc.double());
  else if (type === 'boolean') shaped = fc.boolean();
  else shaped = hostileText;
  return fc.oneof({ weight: 3, arbitrary: sensible.length ? fc.oneof(fc.constantFrom(...sensible), shaped) : shaped }, { weight: 1, arbitrary: hostileJson });
}

/** No 5xx; every refusal is problem+json in the asker's language, each invalid value located. */
export async function expectProblem(response: Response, what: string) {
  const text = await response.text();
  expect(response.status, `${what} answered ${response.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status < 400 || response.status === 404 && !text.startsWith('{')) return;
  expect(response.headers.get('content-type') ?? '', `${what}: ${text.slice(0, 200)}`).toContain('application/problem+json');
  const problem = JSON.parse(text) as { status: number; title: string; detail: string; errors?: { pointer?: string; parameter?: string; header?: string; detail: string }[] };
  expect(problem.status, what).toBe(response.status);
  expect(problem.title, what).toBeTruthy();
  for (const error of problem.errors ?? []) {
    expect(error.pointer ?? error.parameter ?? error.header, `${what}: an error without its place`).toBeDefined();
    expect(error.detail, what).toBeTruthy();
  }
  if (response.status === 422) expect(problem.errors?.length, `${what}: 422 without the invalid values`).toBeGreaterThan(0);
}

/**
 * Every operation of the document (half of them: `half` 0 or 1, so two test files run side by side),
 * each with RUNS generated requests as someone allowed everything: no 5xx, refusals as problem+json.
 */
export function describeApiFuzz(server: FuzzServer, half: 0 | 1) {
  describe(`every API operation holds against ${RUNS} generated requests (half ${half + 1} of 2)`, () => {
    it('serves an OpenAPI document with operations to fuzz', async () => {
      const { list } = await operations(server);
      expect(list.length).toBeGreaterThan(30);
    });

    it('answers every operation without a 5xx, refusals as problem+json', async () => {
      const { doc, list } = await operations(server);
      const ids = await fuzzIds(server.db);
      const idValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(ids)) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileText });
      for (const { method, path, operation } of list.filter((_, n) => n % 2 === half)) {
        await server.renewSessions();
        await fuzzOperation(server, doc, idValue, method, path, operation);
      }
    }, 3_600_000);
  });
}

/** Who calls an operation: the agency for the review and decisions, a coordinator for the rest of an application (drafts are theirs). */
const agencyOperations = /\/(review|scores|comments|approval|rejection|return|status)$/;
const actingAs = (path: string) => (path.startsWith('/v1/applications') && !agencyOperations.test(path) ? 'coordinator' : 'everyone');

async function fuzzOperation(server: FuzzServer, doc: Document, idValue: fc.Arbitrary<string>, method: string, path: string, operation: Operation) {
  const params = operation.parameters ?? [];
  const body = operation.requestBody?.content ?? {};
  const jsonSchema = body['application/json']?.schema;
  const takesPdf = 'application/pdf' in body;
  const request = fc.record({
    path: fc.tuple(...params.filter((p) => p.in === 'path').map((p) => idValue.map((v) => [p.name, v] as const)), fc.constant(['', ''] as const)),
    query: fc.tuple(...params.filter((p) => p.in === 'query').map((p) => fc.option(fieldValue([...(p.schema?.enum ?? []), ...(p.schema?.example !== undefined ? [p.schema.example] : [])].map(String)).map((v) => [p.name, v] as const), { freq: 3, nil: null })), fc.constant(null)),
    ifMatch: fc.option(fc.oneof(hostileText, fc.date({ noInvalidDate: true }).map((d) => `"${d.toISOString()}"`)), { nil: undefined }),
    body: takesPdf
      ? fc.uint8Array({ maxLength: 3000 }).map((b) => ({ raw: b, type: 'application/pdf' }))
      : jsonSchema
        ? fc.oneof(
            { weight: 8, arbitrary: valueFor(doc, jsonSchema).map((v) => ({ raw: JSON.stringify(v), type: 'application/json' })) },
            { weight: 1, arbitrary: hostileText.map((t) => ({ raw: t, type: 'application/json' })) },
            { weight: 1, arbitrary: hostileText.map((t) => ({ raw: t, type: 'text/plain' })) },
          )
        : fc.constant(null),
  });
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      let url = path;
      for (const [name, value] of r.path) if (name) url = url.replace(`{${name}}`, encodeURIComponent(value.toWellFormed()) || 'x');
      const query = new URLSearchParams(r.query.filter((q): q is readonly [string, string] => q !== null) as [string, string][]).toString();
      const headers: Record<string, string> = { 'accept-language': 'nb' };
      if (r.ifMatch !== undefined && /^[\x20-\x7e]*$/.test(r.ifMatch)) headers['if-match'] = r.ifMatch;
      if (r.body) headers['content-type'] = r.body.type;
      if (takesPdf) headers['content-disposition'] = 'attachment; filename="plan.pdf"';
      const target = `/api${url}${query ? `?${query}` : ''}`;
      const response = await server.request(target, { method: method.toUpperCase(), headers, body: r.body?.raw as BodyInit | undefined }, actingAs(path));
      await expectProblem(response, `${method.toUpperCase()} ${target} ${String(r.body?.raw ?? '').slice(0, 200)}`);
    }),
    fuzzOptions(RUNS),
  );
}
