import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../core/errors.ts';
import { FundsShortError } from '../core/finance/funds-short-error.ts';
import type { MessageValues } from '../i18n/translator.ts';
import { jsonPointer } from './json-pointer.ts';
import { firstMessage, requestTranslator } from './request-translator.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where one invalid value was: `pointer` into the JSON body (RFC 6901), or the query/path `parameter` or `header`. */
export type FieldLocation = { pointer: string } | { parameter: string } | { header: string };

/** One invalid value, before translation: where it was, and the error code that names its message. */
export type FieldIssue = FieldLocation & { code: string; params?: MessageValues };

export interface ProblemOptions {
  /** Values for the detail message's placeholders. */
  params?: MessageValues;
  issues?: FieldIssue[];
  /** Extension members (RFC 9457 §3.2), e.g. `similar` for a possible duplicate. */
  extensions?: Record<string, unknown>;
  /** A detail that is not in the catalogs (only for texts that come from a library). */
  detail?: string;
}

/**
 * A refusal decided in the API layer itself (a missing If-Match, a duplicate warning), thrown like a
 * DomainError and rendered by the same error handler, so handlers only ever return their success answer.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly options: ProblemOptions = {},
  ) {
    super(code);
    this.name = 'ApiProblem';
  }
}

/** The general message family for a status, used when a code has no title or detail of its own. */
const statusFamilies: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  413: 'tooLarge',
  415: 'unsupportedMediaType',
  422: 'validation',
  428: 'versionRequired',
};

/** Problem types are documented on the docs page, one anchor per code: /api/docs#problem-staleEdit. */
export const problemType = (code: string) => `/api/docs#problem-${code}`;

/**
 * An RFC 9457 problem+json answer. Title and detail are translated by Accept-Language: the title from
 * `api.problem.<code>.title` or the status's family, the detail from `api.problem.<code>.detail`,
 * `api.error.<code>` or `error.<code>` (the catalogs the web forms use), then the status's family.
 */
export function problemResponse(c: Context, status: number, code: string, options: ProblemOptions = {}): Response {
  const t = requestTranslator(c);
  const family = statusFamilies[status] ?? 'badRequest';
  const title = firstMessage(t, [`api.problem.${code}.title`, `api.problem.${family}.title`]) ?? code;
  const detail =
    options.detail ??
    firstMessage(t, [`api.problem.${code}.detail`, `api.error.${code}`, `error.${code}`, `api.problem.${family}.detail`, 'api.problem.badRequest.detail'], options.params) ??
    title;
  const errors = options.issues?.map(({ code: issueCode, params, ...location }) => ({
    ...location,
    code: issueCode,
    detail: firstMessage(t, [`api.error.${issueCode}`, `error.${issueCode}`, `api.problem.${issueCode}.detail`], params) ?? firstMessage(t, ['error.invalid'])!,
  }));
  const requestId = c.get('requestId') as string | undefined;
  const body = {
    type: problemType(code),
    title,
    status,
    detail,
    instance: c.req.path,
    code,
    ...(errors?.length ? { errors } : {}),
    ...(requestId ? { requestId } : {}),
    ...options.extensions,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-language': t.locale,
  });
}

/**
 * The problem answer for an error thrown by a handler or a core use-case, or undefined for an error
 * that is a bug (left to the server's error handler, which logs it).
 */
export function problemForError(c: Context, error: Error): Response | undefined {
  if (error instanceof ApiProblem) return problemResponse(c, error.status, error.code, error.options);
  if (error instanceof FundsShortError) {
    // Not enough money: the figures, and where the rest went, as members a client can show.
    const money = (amountMinor: number) => ({ amountMinor, currency: error.currency });
    const usedBy = error.usedBy.map((u) => ({ entryId: u.entryId, label: u.label, ...money(u.amountMinor), postedBy: u.postedBy, postedAt: u.postedAt.toISOString() }));
    return problemResponse(c, error.status, error.code, { params: error.params, extensions: { needed: money(error.neededMinor), left: money(error.leftMinor), usedBy } });
  }
  if (error instanceof DomainError) {
    // A request without a body (a list's `after`, a filter) can only be wrong in its query parameters.
    const field = error.field;
    const location = (name: string) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? { parameter: name } : { pointer: jsonPointer([name]) });
    const issues = field ? [{ ...location(field), code: error.code, params: error.params }] : undefined;
    return problemResponse(c, error.status, error.code, { params: error.params, issues });
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's body parsing: a body that is not JSON, or a content type the endpoint does not take.
    if (error.status === 400 && /malformed json/i.test(error.message)) return problemResponse(c, 400, 'malformedJson');
    if (error.status === 415) return problemResponse(c, 415, 'unsupportedMediaType');
    return problemResponse(c, error.status, statusFamilies[error.status] ?? 'refused', { detail: error.message || undefined });
  }
  return undefined;
}

/**
 * The API's `onError`: core refusals (DomainError and its kinds), ApiProblem and unreadable bodies as
 * problem+json. Anything else is a bug, rethrown to the server's handler, which logs it with the request id.
 */
export function handleApiError(error: Error, c: Context): Response {
  const problem = problemForError(c, error);
  if (problem) return problem;
  throw error;
}
