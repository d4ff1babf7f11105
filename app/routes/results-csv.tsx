import { data } from 'react-router';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { exportResultsCsv } from '../../core/results/export-results-csv.ts';
import { RESULT_DIMENSIONS, resultsFilterInput, type ResultDimension } from '../../core/results/results-dashboard.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { filtersFrom } from '../results/results-filters.ts';
import type { Route } from './+types/results-csv';

/** One results dashboard's table (`by`: programme, sdg, theme, country or year) with the page's filters, as a CSV download. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const url = new URL(request.url);
    const by = url.searchParams.get('by') ?? 'programme';
    if (!RESULT_DIMENSIONS.includes(by as ResultDimension)) throw data({ message: t.t('error.invalid') }, { status: 400 });
    const parsed = resultsFilterInput.safeParse(filtersFrom(url));
    if (!parsed.success) throw data({ message: zodFieldErrors(t, parsed.error).map((e) => e.message).join(' ') }, { status: 400 });
    const body = await exportResultsCsv(context.core, { dimension: by as ResultDimension, filter: parsed.data, locale: t.locale });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachmentDisposition(`results-by-${by}-${context.core.now().toISOString().slice(0, 10)}.csv`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
