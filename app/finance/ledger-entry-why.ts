import type { MessageKey } from '../../i18n/catalogs.ts';

const byKind: Partial<Record<string, MessageKey>> = { reservation: 'finance.ledger.review', release: 'finance.ledger.reviewEnded' };

/** Why an entry was posted, as the ledger pages say it: its reason, or, for one an application's review or approval posted, what happened to the application. */
export function ledgerEntryWhy(t: (key: MessageKey) => string, entry: { kind: string; reason: string; documentType: string | null }, none = ''): string {
  if (entry.reason) return entry.reason;
  if (entry.documentType !== 'application') return none;
  return t(byKind[entry.kind] ?? 'finance.ledger.approval');
}
