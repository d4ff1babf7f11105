import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { CoreContext } from '../context.ts';
import { getParticipantStatistics, type StatisticsTableId } from './get-participant-statistics.ts';
import type { StatisticsFilters } from './statistics-filters.ts';
import { statisticsLabel } from './statistics-labels.ts';
import { SUPPRESSED_MARK } from './suppress-small-cells.ts';

/**
 * One table of the statistics page as CSV, with the page's filters: the same rows and numbers as the table
 * (a suppressed cell is `<5`), codes beside names so the file can be joined with others. Headings and
 * names in `locale`. Public: counts only.
 */
export async function exportStatisticsCsv(ctx: CoreContext, { table, filters, locale }: { table: StatisticsTableId; filters: StatisticsFilters; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  const stats = await getParticipantStatistics(ctx, { filters });
  const i18n = createTranslator(locale);
  const { t } = i18n;
  const label = (id: StatisticsTableId, key: string) => statisticsLabel(i18n, id, key, stats).name;
  const people = (n: number | null) => (n === null ? SUPPRESSED_MARK : n);
  const rows: (string | number)[][] =
    table === 'flows'
      ? [
          [t('statistics.csv.fromCode'), t('statistics.csv.from'), t('statistics.csv.toCode'), t('statistics.csv.to'), t('statistics.csv.direction'), t('statistics.csv.people')],
          ...stats.flows.map((f) => [f.home, label('home-country', f.home), f.host, label('host-country', f.host), label('direction', f.direction), people(f.people)]),
        ]
      : [[t('statistics.csv.code'), t(`statistics.table.${table}`), t('statistics.csv.people')], ...stats.tables[table].rows.map((r) => [r.key, label(table, r.key), people(r.people)])];
  const encoder = new TextEncoder();
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= rows.length) {
        controller.close();
        return;
      }
      // A few hundred rows at a time: the file starts at once and never sits whole in memory twice.
      const chunk = rows.slice(sent, sent + 500);
      controller.enqueue(encoder.encode(stringify(chunk, { bom: sent === 0 })));
      sent += chunk.length;
    },
  });
}
