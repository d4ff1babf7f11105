import type { LedgerAccountDescription } from '../../core/finance/describe-ledger-accounts.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** An account as people say it: "Parliament", "Budget year 2026", "Health (ESTHER) 2026", a call's title, "Round 2 of …". */
export function useAccountName() {
  const { t } = useI18n();
  return (a: LedgerAccountDescription): string => {
    switch (a.kind) {
      case 'parliament':
        return t('finance.account.parliament');
      case 'year':
        return t('finance.account.year', { year: a.year ?? 0 });
      case 'programme':
        return t('finance.account.programme', {
          name: a.label,
          year: a.year ?? 0,
        });
      case 'call':
        return t('finance.account.call', { name: a.label });
      case 'stage':
        return a.roundNumber ? t('finance.account.round', { round: a.roundNumber, name: a.label }) : t('finance.account.stage', { name: a.label });
      case 'partner':
        return t('finance.account.partner', {
          name: a.label,
          partnership: a.partnership?.title ?? '',
        });
    }
  };
}
