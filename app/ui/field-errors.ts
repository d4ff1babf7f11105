import type { ZodError } from 'zod';
import { DomainError, FieldProblemsError, type FieldProblem } from '../../core/errors.ts';
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
    // A length limit is said in the message ("at most 200 characters"), from the schema itself.
    const limit: Record<string, number> = issue.code === 'too_big' ? { max: Number(issue.maximum) } : issue.code === 'too_small' ? { min: Number(issue.minimum) } : {};
    // A custom issue carries the values its own message names ("between {first} and {last}").
    const own = Object.fromEntries(Object.entries((issue as { params?: Record<string, unknown> }).params ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
    errors.push({ field, message: messageFor(t, issue.message, { ...limit, ...params, ...own }) });
  }
  return errors;
}

export function domainFieldError(t: Translator, error: DomainError, fallbackField = 'form'): FieldError {
  return { field: error.field ?? fallbackField, message: messageFor(t, error.code, error.params) };
}

/** One translated message per field a core rule refused (`FieldProblem`s), first problem per field kept. */
export function problemFieldErrors(t: Translator, problems: FieldProblem[], fieldOf: (field: string) => string = (field) => field): FieldError[] {
  return mergeFieldErrors(problems.map((p) => ({ field: fieldOf(p.field), message: messageFor(t, p.code, p.params) })));
}

/** Every field a refusal names: all of a `FieldProblemsError`'s problems, or the one of any other DomainError. */
export function domainFieldErrors(t: Translator, error: DomainError, fallbackField = 'form'): FieldError[] {
  return error instanceof FieldProblemsError ? problemFieldErrors(t, error.problems) : [domainFieldError(t, error, fallbackField)];
}

/**
 * Lists of errors as one, a field named once (its first message), ordered as `order` lists the fields
 * (the form's order, so the summary reads top to bottom) and the others after them as they came.
 */
export function mergeFieldErrors(errors: FieldError[], order: readonly string[] = []): FieldError[] {
  const seen = new Set<string>();
  const merged = errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return merged.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.field) - rank(b.e.field) || a.i - b.i).map(({ e }) => e);
}
