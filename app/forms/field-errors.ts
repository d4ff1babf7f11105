import type { ZodError } from 'zod';
import { DomainError } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** A message for an error code: `error.<code>`, or the general "check this field" when unknown. */
function messageFor(t: Translator, code: string, params: Record<string, string | number> = {}): string {
  const key = `error.${code}`;
  return key in catalogs.en ? t.t(key as MessageKey, params) : t.t('error.invalid');
}

/** Turns zod's issues (whose messages are our error codes) into one translated message per field. */
export function zodFieldErrors(
  t: Translator,
  error: ZodError,
  params: Record<string, string | number> = {},
  /** The form field an issue's path names, when the form's names differ from the schema's shape. */
  fieldOf: (path: PropertyKey[]) => string = (path) => String(path[0] ?? 'form'),
): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: messageFor(t, issue.message, params) });
  }
  return errors;
}

export function domainFieldError(t: Translator, error: DomainError, fallbackField = 'form'): FieldError {
  return { field: error.field ?? fallbackField, message: messageFor(t, error.code, error.params) };
}
