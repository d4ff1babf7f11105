import type { Translator } from '../../i18n/translator.ts';
import type { LedgerAccountDescription } from './describe-ledger-accounts.ts';

/** An account as people say it, in the reader's language: "Parliament", "Budget year 2026", a call's title, "Round 2 of …". */
export function accountLabel({ t }: Pick<Translator, 't'>, a: LedgerAccountDescription): string {
  switch (a.kind) {
    case 'parliament':
      return t('finance.account.parliament');
    case 'year':
      return t('finance.account.year', { year: a.year ?? 0 });
    case 'programme':
      return t('finance.account.programme', { name: a.label, year: a.year ?? 0 });
    case 'call':
      return t('finance.account.call', { name: a.label });
    case 'reservation':
      return t('finance.account.reservation', { name: a.label });
    case 'stage':
      return a.roundNumber ? t('finance.account.round', { round: a.roundNumber, name: a.label }) : t('finance.account.stage', { name: a.label });
    case 'partner':
      return t('finance.account.partner', { name: a.label, partnership: a.partnership?.title ?? '' });
  }
}
