import type { FixTarget } from '../../core/open-data/iati/iati-activity.ts';

/** The page where a problem's value is typed, at its field where the page has one; null for the server's configuration. */
export function iatiFixHref(locale: string, fix: FixTarget): string | null {
  switch (fix.record) {
    case 'partnership':
      return `/${locale}/partnerships/${fix.id}`;
    case 'application':
      return `/${locale}/applications/${fix.id}`;
    case 'organisation':
      return `/${locale}/organisations/${fix.id}/edit${fix.field ? `#${fix.field}` : ''}`;
    case 'ledgerEntry':
      return `/${locale}/finance/ledger/${fix.id}`;
    case 'agency':
      return null;
  }
}
