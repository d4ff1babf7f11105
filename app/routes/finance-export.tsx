import { budgetYearParam } from '../../core/finance/budget-year.ts';
import { exportBudgetYearXlsx } from '../../core/finance/export-budget-year-xlsx.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import type { Route } from './+types/finance-export';

/** A budget year as an Excel workbook (`?year=2026`, else this year), streamed while it is written. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = budgetYearParam(new URL(request.url).searchParams.get('year'), context.core.now());
    const body = await exportBudgetYearXlsx(context.core, { year, locale: translatorFor(params.lang).locale });
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachmentDisposition(`budget-${year}.xlsx`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
