import { exportApplicationBudgetXlsx } from '../../core/budgets/export-application-budget.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import type { Route } from './+types/application-budget-xlsx';

/** An application's budget as an Excel workbook: every line of every round, totals as SUM formulas. Whoever may read the application. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const body = await exportApplicationBudgetXlsx(context.core, { applicationId: params.id, locale: translatorFor(params.lang).locale });
    return new Response(body, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachmentDisposition('budget.xlsx'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
