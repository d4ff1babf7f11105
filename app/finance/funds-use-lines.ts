import type { FundsShortError } from '../../core/finance/funds-short-error.ts';
import type { Translator } from '../../i18n/translator.ts';

export interface FundsUseLine {
  label: string;
  amount: string;
  postedBy: string;
  postedAt: string;
}

/** Who posted an entry, as people read it: the platform itself (the demo data, jobs) rather than its technical label. */
export function postedByName(t: Translator, label: string): string {
  return label.startsWith('system:') ? t.t('finance.postedBy.system') : label;
}

/** Where an account's money went, formatted for the page that was refused. */
export function fundsUseLines(t: Translator, error: FundsShortError): FundsUseLine[] {
  return error.usedBy.map((u) => ({
    label: u.label,
    amount: t.money(u.amountMinor, error.currency),
    postedBy: postedByName(t, u.postedBy),
    postedAt: t.date(u.postedAt),
  }));
}
