import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { accountLabel } from './account-label.ts';
import { getBudgetYear } from './get-budget-year.ts';
import { listLedgerEntries } from './list-ledger-entries.ts';
import { minorPerMajor } from './money.ts';

/** Kroner as a plain number for a spreadsheet cell (two decimals at most, the øre exact). */
const kroner = (minor: number, currency: string) => minor / minorPerMajor(currency);
const MONEY_FORMAT = '#,##0.00';

/**
 * A budget year as an Excel workbook, streamed as it is written (exceljs's streaming writer): the year's
 * totals, the programmes and the calls with the figures of the finance page, and every ledger entry of
 * the year. Labels are in `locale`, amounts plain numbers in kroner, and each table's total row is a SUM
 * formula over its rows, stored with its result: the programmes' columns add up to the year's figures
 * on the screen. The export is
 * recorded in the audit trail before it starts.
 */
export async function exportBudgetYearXlsx(ctx: CoreContext, { year, locale }: { year: number; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  const budget = await getBudgetYear(ctx, year);
  const actor = ctx.actor;
  if (actor.kind === 'user') await ctx.db.transaction((tx) => recordAudit(tx, { ...ctx, db: tx }, { action: 'budget-year.exported', recordType: 'budget-year', recordId: String(year), after: { format: 'xlsx' } }));
  const i18n = createTranslator(locale);
  const { t } = i18n;
  const money = (minor: number) => kroner(minor, budget.currency);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Mutual exchange for development';

  const write = async () => {
    const totals = workbook.addWorksheet(t('finance.xlsx.sheet.totals'));
    totals.columns = [{ width: 34 }, { width: 20, style: { numFmt: MONEY_FORMAT } }];
    totals.addRow([t('finance.year.title', { year }), budget.currency]).commit();
    for (const key of ['appropriated', 'allocated', 'reserved', 'committed', 'disbursed', 'remaining'] as const) totals.addRow([t(`finance.figure.${key}`), money(budget.totals[key])]).commit();
    totals.commit();

    const figureHeadings = [t('finance.figure.allocated'), t('finance.figure.committed'), t('finance.figure.disbursed')];
    const programmes = workbook.addWorksheet(t('finance.xlsx.sheet.programmes'));
    programmes.columns = [{ width: 34 }, ...[0, 1, 2, 3].map(() => ({ width: 18, style: { numFmt: MONEY_FORMAT } }))];
    programmes.addRow([t('finance.column.programme'), ...figureHeadings, t('finance.column.notPassedOn')]).commit();
    for (const p of budget.programmes) programmes.addRow([p.name, money(p.figures.allocated), money(p.figures.committed), money(p.figures.disbursed), money(p.figures.unallocated)]).commit();
    addTotalRow(programmes, t('finance.xlsx.total'), 2, budget.programmes.length, ['B', 'C', 'D', 'E'], [
      budget.programmes.map((p) => p.figures.allocated),
      budget.programmes.map((p) => p.figures.committed),
      budget.programmes.map((p) => p.figures.disbursed),
      budget.programmes.map((p) => p.figures.unallocated),
    ].map((list) => money(list.reduce((a, b) => a + b, 0))));
    programmes.commit();

    const callRows = budget.programmes.flatMap((p) => p.calls.map((c) => ({ ...c, programme: p.name })));
    const calls = workbook.addWorksheet(t('finance.xlsx.sheet.calls'));
    calls.columns = [{ width: 44 }, { width: 24 }, ...[0, 1, 2, 3, 4].map(() => ({ width: 18, style: { numFmt: MONEY_FORMAT } }))];
    calls.addRow([t('finance.column.call'), t('finance.column.programme'), t('finance.column.ceiling'), ...figureHeadings, t('finance.column.uncommitted')]).commit();
    for (const c of callRows) calls.addRow([c.title, c.programme, money(c.ceilingMinor), money(c.figures.allocated), money(c.figures.committed), money(c.figures.disbursed), money(c.figures.unallocated)]).commit();
    addTotalRow(calls, t('finance.xlsx.total'), 2, callRows.length, ['C', 'D', 'E', 'F', 'G'], [
      callRows.map((c) => c.ceilingMinor),
      callRows.map((c) => c.figures.allocated),
      callRows.map((c) => c.figures.committed),
      callRows.map((c) => c.figures.disbursed),
      callRows.map((c) => c.figures.unallocated),
    ].map((list) => money(list.reduce((a, b) => a + b, 0))));
    calls.commit();

    const ledger = workbook.addWorksheet(t('finance.xlsx.sheet.ledger'));
    ledger.columns = [{ width: 20 }, { width: 16 }, { width: 40 }, { width: 40 }, { width: 18, style: { numFmt: MONEY_FORMAT } }, { width: 40 }, { width: 30 }];
    ledger.addRow([t('finance.column.posted'), t('finance.column.kind'), t('finance.entry.from'), t('finance.entry.to'), t('finance.column.amount'), t('finance.column.why'), t('finance.column.by')]).commit();
    let after: string | undefined;
    do {
      const page = await listLedgerEntries(ctx, { year, after });
      for (const e of page.entries) {
        ledger.addRow([e.postedAt, t(`finance.kind.${e.kind}`), accountLabel(i18n, e.from), accountLabel(i18n, e.to), money(e.amountMinor), e.reason || e.documentRef || '', e.postedBy.startsWith('system:') ? t('finance.postedBy.system') : e.postedBy]).commit();
      }
      after = page.next ?? undefined;
    } while (after);
    ledger.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** The total row under `count` data rows starting at `firstRow`: a SUM per column, stored with the result the page shows. */
function addTotalRow(sheet: ExcelJS.Worksheet, label: string, firstRow: number, count: number, columns: string[], results: number[]) {
  const last = firstRow + count - 1;
  const cells = columns.map((col, i) => ({ formula: count > 0 ? `SUM(${col}${firstRow}:${col}${last})` : '0', result: results[i] ?? 0 }));
  const blanks = columns[0]!.charCodeAt(0) - 'B'.charCodeAt(0);
  const row = sheet.addRow([label, ...Array.from({ length: blanks }, () => ''), ...cells]);
  row.font = { bold: true };
  row.commit();
}
