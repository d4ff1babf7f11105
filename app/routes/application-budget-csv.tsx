import { exportApplicationBudgetCsv } from '../../core/budgets/export-application-budget.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import type { Route } from './+types/application-budget-csv';

/** An application's budget as CSV: every line of every round. Whoever may read the application. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const body = await exportApplicationBudgetCsv(context.core, { applicationId: params.id, locale: translatorFor(params.lang).locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition('budget.csv'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
