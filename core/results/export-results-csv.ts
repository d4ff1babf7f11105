import { spreadsheetCsv } from '../files/spreadsheet-csv.ts';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { CoreContext } from '../context.ts';
import { dimensionLabel } from './dimension-label.ts';
import { getResultsDashboard, type ResultDimension, type ResultsFilter } from './results-dashboard.ts';

/**
 * One dashboard's table as CSV, with the page's filters: the group (its code and its name in `locale`) and
 * every figure the page shows beside the chart, in the same order, plain numbers. UTF-8 with a byte-order
 * mark, a translated header, formulas escaped, streamed.
 */
export async function exportResultsCsv(ctx: CoreContext, { dimension, filter, locale }: { dimension: ResultDimension; filter: ResultsFilter; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  const dashboard = await getResultsDashboard(ctx, filter);
  const { t } = createTranslator(locale);
  const header = [
    t('results.csv.code'),
    t(`results.dimension.${dimension}`),
    t('results.figure.reports'),
    t('results.figure.partnerships'),
    t('results.figure.indicators'),
    t('results.figure.onTarget'),
    t('results.figure.measured'),
    t('results.figure.women'),
    t('results.figure.men'),
    t('results.figure.other'),
    t('results.figure.people'),
  ];
  const rows = dashboard.groups[dimension].map((g) => [g.key, dimensionLabel(locale, dimension, g).label, g.reports, g.partnerships, g.indicators, g.onTarget, g.measured, g.women, g.men, g.other, g.people].map(String));
  return spreadsheetCsv([header, ...rows]);
}
