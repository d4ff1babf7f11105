import { data } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { FundsShortError } from '../../core/finance/funds-short-error.ts';
import type { Translator } from '../../i18n/translator.ts';
import { domainFieldErrors, mergeFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { fundsUseLines, type FundsUseLine } from './funds-use-lines.ts';

/** What a money form comes back with when core refused it: which form, every message, what was typed, where the money went. */
export interface MoneyFormResult {
  intent: string;
  errors: FieldError[];
  values: Record<string, string>;
  usedBy: FundsUseLine[];
}

/**
 * Core's refusal of a tranche or onward-payment form as the page shows it: every problem beside its
 * field (core's `amountMinor` is the form's `amount`), 400 for values, 409 for the record's state; a
 * refusal that is not about the form (not allowed, not found) is rethrown for `guarded`.
 */
export function refusedForm(t: Translator, error: unknown, intent: string, values: Record<string, string>, order: readonly string[]) {
  if (!(error instanceof DomainError) || error.status === 401 || error.status === 403 || error.status === 404 || error.status >= 500) throw error;
  const errors = domainFieldErrors(t, error, 'form').map((e) => ({ ...e, field: e.field === 'amountMinor' ? 'amount' : e.field }));
  return data<MoneyFormResult>({ intent, errors: mergeFieldErrors(errors, order), values, usedBy: error instanceof FundsShortError ? fundsUseLines(t, error) : [] }, { status: error.status });
}
