import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { exportFinancialReportsCsv } from '../../core/finance/export-financial-reports.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { budgetYearParam } from '../../core/finance/budget-year.ts';
import type { Route } from './+types/financial-reports-csv';

/** Every line of the financial reports on rounds starting in `?year=` as CSV (UTF-8 with a BOM, plain numbers). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = budgetYearParam(new URL(request.url).searchParams.get('year'), context.core.now());
    const body = await exportFinancialReportsCsv(context.core, { year, locale: translatorFor(params.lang).locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`financial-reports-${year}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
