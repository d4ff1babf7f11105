import type { FundsShortError } from '../../core/finance/funds-short-error.ts';
import type { Translator } from '../../i18n/translator.ts';

export interface FundsUseLine {
  label: string;
  amount: string;
  postedBy: string;
  postedAt: string;
}

/** Where an account's money went, formatted for the page that was refused. */
export function fundsUseLines(t: Translator, error: FundsShortError): FundsUseLine[] {
  return error.usedBy.map((u) => ({
    label: u.label,
    amount: t.money(u.amountMinor, error.currency),
    postedBy: u.postedBy,
    postedAt: t.date(u.postedAt),
  }));
}
