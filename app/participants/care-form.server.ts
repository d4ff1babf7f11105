import { data } from 'react-router';
import type { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';

export type FormValues = Record<string, string>;

/** What a refused form of the care, engagement and alumni pages comes back with. */
export interface CareFormResult {
  intent: string;
  errors: FieldError[];
  values: FormValues;
}

/** Every field of a posted form as text (a file, which none of these forms has, as its name). */
export function formValues(form: FormData): FormValues {
  return Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]));
}

/**
 * Parses `values` with a core schema and runs the use-case with what it accepted. A refused value, or a
 * refusal from core about the form (400, 409: a stale save included), comes back as the form with
 * messages; "not found", "not allowed" and "sign in" are left to `guarded`.
 */
export async function submitForm<S extends z.ZodType, R>(
  t: Translator,
  intent: string,
  schema: S,
  values: FormValues,
  run: (input: z.infer<S>) => Promise<R>,
): Promise<R | ReturnType<typeof data<CareFormResult>>> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return data<CareFormResult>({ intent, errors: zodFieldErrors(t, parsed.error), values }, { status: 400 });
  try {
    return await run(parsed.data);
  } catch (error) {
    if (error instanceof DomainError && error.status !== 401 && error.status !== 403 && error.status !== 404 && error.status < 500) {
      return data<CareFormResult>({ intent, errors: domainFieldErrors(t, error), values }, { status: error.status });
    }
    throw error;
  }
}
