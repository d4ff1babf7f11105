import { exportBudgetYearXlsx } from '../../core/finance/export-budget-year-xlsx.ts';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import type { Route } from './+types/finance-export';

/** A budget year as an Excel workbook (`?year=2026`, else this year), streamed while it is written. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const asked = new URL(request.url).searchParams.get('year') ?? '';
    const year = /^\d{4}$/.test(asked) && Number(asked) >= 2001 && Number(asked) <= 2100 ? Number(asked) : Number(context.core.now().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' }).slice(0, 4));
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
