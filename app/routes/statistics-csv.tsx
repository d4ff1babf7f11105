import { data } from 'react-router';
import { STATISTICS_TABLES, type StatisticsTableId } from '../../core/stats/get-participant-statistics.ts';
import { exportStatisticsCsv } from '../../core/stats/export-statistics-csv.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { statisticsFiltersOrRefuse } from '../statistics/statistics-view.server.ts';
import type { Route } from './+types/statistics-csv';

/** One table of the statistics page (`?table=year`, with the page's filters) as a CSV download that streams. Public. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const i18n = translatorFor(params.lang);
    const url = new URL(request.url);
    const table = url.searchParams.get('table') ?? 'year';
    if (!(STATISTICS_TABLES as readonly string[]).includes(table)) throw data({ message: i18n.t('statistics.error.table') }, { status: 400 });
    const filters = statisticsFiltersOrRefuse(i18n, url);
    const body = await exportStatisticsCsv(context.core, { table: table as StatisticsTableId, filters, locale: i18n.locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`statistics-${table}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=300',
      },
    });
  });
}
