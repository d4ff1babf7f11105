import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { accountLabel } from './account-label.ts';
import { listLedgerEntries, type LedgerQuery } from './list-ledger-entries.ts';
import { minorPerMajor } from './money.ts';

/**
 * Ledger entries as CSV, with the filters of the ledger page (account, year, kind), newest first: headings
 * and kinds in `locale`, accounts named as the page names them and by their ledger names too, amounts plain
 * numbers (a point for decimals, no grouping) seen from the account asked about. Pages of entries are read
 * while the file is sent. Refusals are thrown before the stream exists; the export is audited.
 */
export async function exportLedgerCsv(ctx: CoreContext, { query, locale }: { query: Omit<LedgerQuery, 'after'>; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  let page = await listLedgerEntries(ctx, query);
  const actor = ctx.actor;
  if (actor.kind === 'user') await ctx.db.transaction((tx) => recordAudit(tx, { ...ctx, db: tx }, { action: 'ledger.exported', recordType: 'ledger', recordId: query.account ?? (query.year ? `year:${query.year}` : 'all'), after: { ...query, format: 'csv' } }));
  const i18n = createTranslator(locale);
  const { t } = i18n;
  const encoder = new TextEncoder();
  const headings = [
    t('finance.column.posted'),
    t('finance.column.kind'),
    t('finance.entry.year'),
    t('finance.entry.from'),
    t('finance.entry.to'),
    t('finance.csv.fromAccount'),
    t('finance.csv.toAccount'),
    t('finance.column.amount'),
    t('finance.csv.currency'),
    t('finance.column.why'),
    t('finance.entry.document'),
    t('finance.column.by'),
    t('finance.csv.id'),
    t('finance.entry.corrects'),
  ];
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        controller.enqueue(encoder.encode(stringify([headings], { bom: true })));
        first = false;
      }
      if (done) {
        controller.close();
        return;
      }
      const rows = page.entries.map((e) => [
        e.postedAt.toISOString(),
        t(`finance.kind.${e.kind}`),
        e.year,
        accountLabel(i18n, e.from),
        accountLabel(i18n, e.to),
        e.from.account,
        e.to.account,
        (e.signedMinor / minorPerMajor(e.currency)).toFixed(Math.log10(minorPerMajor(e.currency))),
        e.currency,
        e.reason,
        e.documentRef ?? '',
        e.postedBy.startsWith('system:') ? t('finance.postedBy.system') : e.postedBy,
        e.id,
        e.correctsEntryId ?? '',
      ]);
      controller.enqueue(encoder.encode(stringify(rows)));
      if (page.next) page = await listLedgerEntries(ctx, { ...query, after: page.next });
      else done = true;
    },
  });
}
