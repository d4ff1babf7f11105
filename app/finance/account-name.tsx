import { accountLabel } from '../../core/finance/account-label.ts';
import type { LedgerAccountDescription } from '../../core/finance/describe-ledger-accounts.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** An account as people say it, in the page's language (core/finance/account-label.ts). */
export function useAccountName() {
  const i18n = useI18n();
  return (a: LedgerAccountDescription): string => accountLabel(i18n, a);
}
