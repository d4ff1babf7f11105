import type { Context } from 'hono';
import type { z } from 'zod';
import { catalogs } from '../i18n/catalogs.ts';
import { jsonPointer } from './json-pointer.ts';
import { ApiProblem, problemResponse, type FieldIssue, type FieldLocation } from './problem.ts';

type Issue = z.core.$ZodIssue;

const isMessageCode = (code: string) => `api.error.${code}` in catalogs.en || `error.${code}` in catalogs.en;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * The error code (and message values) for one zod issue. Sizes always come from the schema's limits,
 * so the message can say them; otherwise the code the schema names (our schemas' messages are error
 * codes, shared with the web forms), then what zod found wrong.
 */
export function issueCode(issue: Issue, input: unknown): Pick<FieldIssue, 'code' | 'params'> {
  // "A code, or empty for any" (`.optional().or(z.literal(''))`): what the first alternative says is wrong.
  const first = issue.code === 'invalid_union' ? issue.errors[0]?.[0] : undefined;
  if (first) return issueCode(first, valueAt(input, issue.path));
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
    if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { max } };
    return { code: 'tooBig', params: { max } };
  }
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'tooShort', params: { min } };
    if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFew', params: { min } };
    return { code: 'tooSmall', params: { min } };
  }
  if (issue.message !== 'invalid' && isMessageCode(issue.message)) {
    // A custom issue carries the values its own message names ("{country} is already in group {first}").
    const own = Object.entries((issue as { params?: Record<string, unknown> }).params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
    return own.length ? { code: issue.message, params: Object.fromEntries(own) as Record<string, string | number> } : { code: issue.message };
  }
  if (issue.code === 'invalid_type') {
    return valueAt(input, issue.path) === undefined ? { code: 'required' } : { code: 'wrongType', params: { expected: issue.expected } };
  }
  if (issue.code === 'invalid_value') return { code: 'oneOf', params: { options: issue.values.map(String).join(', ') } };
  return { code: 'invalid' };
}

/** Where the value was: a pointer into a JSON or form body, else the query or path parameter, or the header. */
function locate(target: string, path: readonly PropertyKey[]): FieldLocation {
  if (target === 'json' || target === 'form') return { pointer: jsonPointer(path) };
  if (target === 'header') return { header: String(path[0] ?? '') };
  return { parameter: String(path[0] ?? '') };
}

/**
 * A refused input as problem+json: 422 for a body that is JSON but has invalid values, 400 for invalid
 * query or path parameters. One entry per place (the first issue there), like the web forms.
 */
export function validationProblem(c: Context, error: z.ZodError, target: string, input: unknown): Response {
  const refusal = validationRefusal(error, target, input);
  return problemResponse(c, refusal.status, refusal.code, refusal.options);
}

/**
 * The same refusal as an error to throw, for a handler that checks a rule the route's schema cannot
 * express (a union chosen by a member) with a core schema after the route's validation.
 */
export function validationRefusal(error: z.ZodError, target: string, input: unknown): ApiProblem {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const location = locate(target, issue.path);
    const key = JSON.stringify(location);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ ...location, ...issueCode(issue, input) });
  }
  const status = target === 'json' || target === 'form' ? 422 : 400;
  return new ApiProblem(status, 'validation', { issues, params: { count: issues.length } });
}

/**
 * The OpenAPIHono `defaultHook`: every route's refused input looks the same. Routes must not pass a
 * hook of their own. (The hook receives the raw input as `data`, also when validation fails.)
 */
export function validationHook(result: { success: boolean; target: string; error?: z.ZodError; data?: unknown }, c: Context) {
  if (!result.success && result.error) return validationProblem(c, result.error, result.target, result.data);
  return undefined;
}
