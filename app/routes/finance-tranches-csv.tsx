import { exportTranchesCsv } from '../../core/finance/export-tranches-csv.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { budgetYearParam } from '../../core/finance/budget-year.ts';
import type { Route } from './+types/finance-tranches-csv';

/** A budget year's tranches as CSV (`?year=2026`, else this year in Førde). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = budgetYearParam(new URL(request.url).searchParams.get('year'), context.core.now());
    const body = await exportTranchesCsv(context.core, { year, locale: translatorFor(params.lang).locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`tranches-${year}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
