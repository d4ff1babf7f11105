import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { listTranches, type TrancheLine } from './list-tranches.ts';
import { minorPerMajor, sumMinor } from './money.ts';
import { trancheExportHeadings, trancheExportRow } from './tranche-labels.ts';

const MONEY_FORMAT = '#,##0.00';

/** Every tranche of a budget year in the list's order (to approve, to pay, paid), page by page. */
export async function allTranchesOf(ctx: CoreContext, year: number): Promise<TrancheLine[]> {
  const lines: TrancheLine[] = [];
  let after: string | undefined;
  do {
    const page = await listTranches(ctx, { year, after });
    lines.push(...page.tranches);
    after = page.next ?? undefined;
  } while (after);
  return lines;
}

/**
 * A budget year's tranches as an Excel workbook: one row per tranche (partnership, stage, coordinating
 * partner, number, condition, status, amount, paid on, bank reference), labels in `locale`, amounts plain
 * numbers in kroner, and the total a SUM formula over the rows stored with its result. Finance readers;
 * audited.
 */
export async function exportTranchesXlsx(ctx: CoreContext, { year, locale }: { year: number; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  const lines = await allTranchesOf(ctx, year);
  if (ctx.actor.kind === 'user') await ctx.db.transaction((tx) => recordAudit(tx, { ...ctx, db: tx }, { action: 'tranches.exported', recordType: 'budget-year', recordId: String(year), after: { format: 'xlsx' } }));
  const i18n = createTranslator(locale);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Mutual exchange for development';
  const write = async () => {
    const sheet = workbook.addWorksheet(i18n.t('tranches.xlsx.sheet', { year }));
    sheet.columns = [{ width: 44 }, { width: 24 }, { width: 36 }, { width: 8 }, { width: 30 }, { width: 14 }, { width: 18, style: { numFmt: MONEY_FORMAT } }, { width: 8 }, { width: 12 }, { width: 36 }];
    sheet.addRow(trancheExportHeadings(i18n)).commit();
    for (const line of lines) sheet.addRow(trancheExportRow(i18n, line)).commit();
    const result = sumMinor(lines.map((l) => l.amountMinor)) / minorPerMajor('NOK');
    const total = sheet.addRow([i18n.t('finance.xlsx.total'), '', '', '', '', '', { formula: lines.length ? `SUM(G2:G${lines.length + 1})` : '0', result }]);
    total.font = { bold: true };
    total.commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
