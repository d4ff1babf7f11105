import type { ZodError } from 'zod';
import { callInput } from '../../core/calls/call-input.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors.ts';
import type { Translator } from '../../i18n/translator.ts';
import { mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import type { CallValues } from './call-fields.tsx';

/** What the call form sent, as typed: criteria rows pair the n-th name with the n-th weight. */
export function readCallForm(form: FormData): CallValues {
  const text = (name: string) => String(form.get(name) ?? '');
  const names = form.getAll('criterionName').map(String);
  const weights = form.getAll('criterionWeight').map(String);
  return {
    title: text('title'),
    programmeId: text('programmeId'),
    stage: text('stage'),
    opensOn: text('opensOn'),
    deadline: text('deadline'),
    budgetCeiling: text('budgetCeiling'),
    priorities: text('priorities'),
    criteria: Array.from({ length: Math.max(names.length, weights.length) }, (_, i) => ({ name: names[i] ?? '', weight: weights[i] ?? '' })),
  };
}

/** A stored call as the form shows it: the ceiling back in whole kroner, grouped as the locale writes numbers. */
export function callValues(
  t: Translator,
  call: { title: string; programmeId: string; stage: string; opensOn: string; deadline: string; budgetCeilingMinor: number; priorities: string[] },
  criteria: { name: string; weight: number }[],
): CallValues {
  return {
    title: call.title,
    programmeId: call.programmeId,
    stage: call.stage,
    opensOn: call.opensOn,
    deadline: call.deadline,
    budgetCeiling: t.number(call.budgetCeilingMinor / 100),
    priorities: call.priorities.join('\n'),
    criteria: criteria.map((c) => ({ name: c.name, weight: String(c.weight) })),
  };
}

// Custom issues carry the values their message names (the weights' sum, the row): pass them on.
function issueParams(error: ZodError): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const issue of error.issues) {
    for (const [key, value] of Object.entries((issue as { params?: Record<string, unknown> }).params ?? {})) {
      if (!(key in params) && (typeof value === 'string' || typeof value === 'number')) params[key] = value;
    }
  }
  return params;
}

/** The form's fields from top to bottom, so its error summary reads in the same order. */
const fieldOrder = ['title', 'programmeId', 'stage', 'opensOn', 'deadline', 'budgetCeiling', 'priorities', 'criteria'] as const satisfies readonly (keyof CallValues)[];

/** Parses the form: the input for core, or one translated message per refused field, all of them at once. */
export function parseCallForm(t: Translator, values: CallValues) {
  const parsed = callInput.safeParse(values);
  if (parsed.success) return { input: parsed.data, errors: [] as FieldError[] };
  return { input: null, errors: mergeFieldErrors(zodFieldErrors(t, parsed.error, issueParams(parsed.error)), fieldOrder) };
}

/** A refusal to show on the form (weights, programme, stale version), not one for guarded() to turn into a page. */
export function isFormRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && !(error instanceof ForbiddenError || error instanceof UnauthenticatedError || error instanceof NotFoundError);
}
