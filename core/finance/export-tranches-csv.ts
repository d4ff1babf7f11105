import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { allTranchesOf } from './export-tranches-xlsx.ts';
import { minorPerMajor } from './money.ts';
import { trancheExportHeadings, trancheExportRow } from './tranche-labels.ts';

/**
 * A budget year's tranches as CSV (UTF-8 with a byte-order mark): the Excel export's columns, labels in
 * `locale`, amounts plain numbers with a point for decimals and no grouping. Finance readers; audited.
 */
export async function exportTranchesCsv(ctx: CoreContext, { year, locale }: { year: number; locale: Locale }): Promise<string> {
  const lines = await allTranchesOf(ctx, year);
  if (ctx.actor.kind === 'user') await ctx.db.transaction((tx) => recordAudit(tx, { ...ctx, db: tx }, { action: 'tranches.exported', recordType: 'budget-year', recordId: String(year), after: { format: 'csv' } }));
  const i18n = createTranslator(locale);
  const rows = lines.map((line) => {
    const row = trancheExportRow(i18n, line);
    row[6] = (line.amountMinor / minorPerMajor(line.currency)).toFixed(Math.log10(minorPerMajor(line.currency)));
    return row;
  });
  return stringify([trancheExportHeadings(i18n), ...rows], { bom: true });
}
