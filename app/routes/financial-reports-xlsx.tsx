import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { exportFinancialReportsXlsx } from '../../core/finance/export-financial-reports.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { budgetYearParam } from '../../core/finance/budget-year.ts';
import type { Route } from './+types/financial-reports-xlsx';

/** Every line of the financial reports on rounds starting in `?year=` as an Excel workbook, with total formulas. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = budgetYearParam(new URL(request.url).searchParams.get('year'), context.core.now());
    const body = await exportFinancialReportsXlsx(context.core, { year, locale: translatorFor(params.lang).locale });
    return new Response(Buffer.from(body), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachmentDisposition(`financial-reports-${year}.xlsx`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
