/**
 * Errors a use-case throws on purpose. `code` names a message in the catalogs (i18n/messages,
 * key `error.<code>`); `field` names the input it is about; `params` fill the message's placeholders.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
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
