import { createTranslator } from '../../i18n/translator.ts';
import type { CoreContext } from '../context.ts';
import { getParticipantStatistics, STATISTICS_TABLES } from '../stats/get-participant-statistics.ts';
import type { StatisticsFilters } from '../stats/statistics-filters.ts';
import { statisticsLabel } from '../stats/statistics-labels.ts';
import { loadOpenDataOrganisations } from './open-data-organisations.ts';
import { loadOpenDataPartnerships } from './open-data-partnerships.ts';
import { loadOpenDataResults, type ResultsCursor } from './open-data-results.ts';
import type { OpenDataset } from './open-data-columns.ts';
import { streamOpenDataRows, type OpenDataFormat, type OpenDataRow } from './stream-open-data-rows.ts';

export const OPEN_DATA_PAGE_SIZE = 500;

/**
 * The aggregated participant statistics as rows: every table of the public statistics page (the same
 * aggregate, the same small-cell suppression: a suppressed cell has no `people` and `suppressed` true), one
 * row per table and code, names in English. Counts only, never a person. Read from the maintained aggregate,
 * so the whole set is small whatever the number of participants.
 */
export async function openDataStatisticsRows(ctx: CoreContext, filters: StatisticsFilters): Promise<OpenDataRow[]> {
  const stats = await getParticipantStatistics(ctx, { filters });
  const i18n = createTranslator('en');
  return STATISTICS_TABLES.flatMap((table) =>
    stats.tables[table].rows.map((r) => ({
      dimension: table,
      code: r.key,
      label: table === 'year' ? r.key : statisticsLabel(i18n, table, r.key, stats).name,
      people: r.people,
      suppressed: r.people === null,
      provisional: table === 'year' && Number(r.key) === stats.provisionalYear,
    })),
  );
}

/**
 * One open dataset (partnerships, organisations, statistics, results) as CSV or JSON, streamed a keyset page
 * at a time. Public: no permission is asked, and each loader reads public fields only (see each file).
 * `filters` apply to the statistics (those of `GET /v1/statistics`).
 */
export async function streamOpenData(ctx: CoreContext, { dataset, format, filters = {}, pageSize = OPEN_DATA_PAGE_SIZE }: { dataset: OpenDataset; format: OpenDataFormat; filters?: StatisticsFilters; pageSize?: number }): Promise<ReadableStream<Uint8Array>> {
  switch (dataset) {
    case 'partnerships':
      return streamOpenDataRows<string>(dataset, format, (after) => loadOpenDataPartnerships(ctx.db, { after, limit: pageSize }));
    case 'organisations':
      return streamOpenDataRows<string>(dataset, format, (after) => loadOpenDataOrganisations(ctx.db, { after, limit: pageSize }));
    case 'results':
      return streamOpenDataRows<ResultsCursor>(dataset, format, (after) => loadOpenDataResults(ctx.db, { after, limit: pageSize }));
    case 'statistics': {
      // Read before the stream starts, so that a refused filter is an answer, not a broken file.
      const rows = await openDataStatisticsRows(ctx, filters);
      return streamOpenDataRows<number>(dataset, format, async (after = 0) => ({ rows: rows.slice(after, after + pageSize), next: after + pageSize < rows.length ? after + pageSize : undefined }));
    }
  }
}
