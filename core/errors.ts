import type { MessageKey } from '../i18n/catalogs.ts';

/**
 * The closed set of error codes: every `error.<code>` message of the English catalog (the typed source of
 * all five), plus the three refusals that pages answer with a page of their own. A code without its
 * message does not compile, so no refusal silently becomes "check this field".
 */
export type ErrorCode = (MessageKey extends infer K ? (K extends `error.${infer C}` ? C : never) : never) | 'forbidden' | 'unauthenticated' | 'notFound';

/**
 * Errors a use-case throws on purpose. `code` names a message in the catalogs (i18n/messages,
 * key `error.<code>`); `field` names the input it is about; `params` fill the message's placeholders.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: { field?: string; params?: Record<string, string | number>; status?: number } = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
  get field() {
    return this.options.field;
  }
  get params() {
    return this.options.params ?? {};
  }
  get status() {
    return this.options.status ?? 400;
  }
}

/** The actor may not do this. UI: a 403 page or sign-in; API: 403 problem+json. */
export class ForbiddenError extends DomainError {
  constructor(readonly permission: string) {
    super('forbidden', { status: 403 });
    this.name = 'ForbiddenError';
  }
}

/** Signing in is needed first. */
export class UnauthenticatedError extends DomainError {
  constructor() {
    super('unauthenticated', { status: 401 });
    this.name = 'UnauthenticatedError';
  }
}

/** Not found, or not visible to this actor: the two look the same from outside, on purpose. */
export class NotFoundError extends DomainError {
  constructor(readonly recordType: string) {
    super('notFound', { status: 404 });
    this.name = 'NotFoundError';
  }
}

/** One refused value: the input it is about, a message code `error.<code>` and the message's values. */
export interface FieldProblem {
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/**
 * Several values refused together, so the person sees every one at once rather than one per attempt
 * (app/ui/field-errors.ts `domainFieldErrors`). `code`, `field` and `params` are the first
 * problem's, for callers that show a single message.
 */
export class FieldProblemsError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super(problems[0]!.code, { field: problems[0]!.field, params: problems[0]!.params });
    this.name = 'FieldProblemsError';
  }
}

/** Throws every problem at once, if there is any. */
export function refuseProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new FieldProblemsError(problems);
}
