import { exportTranchesXlsx } from '../../core/finance/export-tranches-xlsx.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { budgetYearParam } from '../../core/finance/budget-year.ts';
import type { Route } from './+types/finance-tranches-xlsx';

/** A budget year's tranches as an Excel workbook (`?year=2026`, else this year in Førde). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = budgetYearParam(new URL(request.url).searchParams.get('year'), context.core.now());
    const body = await exportTranchesXlsx(context.core, { year, locale: translatorFor(params.lang).locale });
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachmentDisposition(`tranches-${year}.xlsx`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
