import { spreadsheetCsv } from '../files/spreadsheet-csv.ts';
import ExcelJS from 'exceljs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { financialReportLines, financialReports } from '../../db/schema/financial-reports.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator, type Translator } from '../../i18n/translator.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { flowNames } from './get-financial-report.ts';
import { reportLineName } from './report-line-name.ts';
import { minorPerMajor, sumMinor } from './money.ts';

/** One row of the export: a line of a report of a round starting in the year. */
export interface FinancialReportExportRow {
  partnership: string;
  round: number;
  partner: string;
  line: string;
  budgetMinor: number;
  actualMinor: number | null;
  varianceMinor: number | null;
  explanation: string;
  status: string;
  currency: string;
}

/**
 * Every line of every financial report on a round that starts in `year` (the stage's `startsOn`), for the
 * agency's finance readers: partnership, round, partner, line, budget, actual, variance, explanation and
 * the report's status, labels in `locale`. Audited as an export.
 */
export async function financialReportExportRows(ctx: CoreContext, { year, locale, format }: { year: number; locale: Locale; format: 'xlsx' | 'csv' }) {
  requirePermission(ctx.actor, 'finance:read');
  const rows = await ctx.db
    .select({
      partnership: partnerships.title,
      round: partnershipStages.roundNumber,
      partner: organisations.legalName,
      status: financialReports.status,
      currency: financialReports.currency,
      kind: financialReportLines.kind,
      label: financialReportLines.label,
      flowId: financialReportLines.flowId,
      budgetMinor: financialReportLines.budgetMinor,
      actualMinor: financialReportLines.actualMinor,
      explanation: financialReportLines.explanation,
    })
    .from(financialReportLines)
    .innerJoin(financialReports, eq(financialReports.id, financialReportLines.reportId))
    .innerJoin(partnershipStages, eq(partnershipStages.id, financialReports.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(organisations, eq(organisations.id, financialReports.organisationId))
    .where(and(sql`extract(year from ${partnershipStages.startsOn}) = ${year}`))
    .orderBy(asc(partnerships.title), asc(partnershipStages.roundNumber), asc(organisations.legalName), asc(financialReportLines.position));
  const flows = await flowNames(ctx.db, [...new Set(rows.flatMap((r) => (r.flowId ? [r.flowId] : [])))]);
  const t = createTranslator(locale);
  if (ctx.actor.kind === 'user') await ctx.db.transaction((tx) => recordAudit(tx, { ...ctx, db: tx }, { action: 'financial-reports.exported', recordType: 'financial-reports', recordId: String(year), after: { format, lines: rows.length } }));
  return rows.map(
    (r): FinancialReportExportRow => ({
      partnership: r.partnership,
      round: r.round ?? 1,
      partner: r.partner,
      line: reportLineName(t, { kind: r.kind, label: r.label, flow: r.flowId ? (flows.get(r.flowId) ?? null) : null }),
      budgetMinor: r.budgetMinor,
      actualMinor: r.actualMinor,
      varianceMinor: r.actualMinor === null ? null : r.actualMinor - r.budgetMinor,
      explanation: r.explanation,
      status: t.t(`financialReports.status.${r.status}`),
      currency: r.currency,
    }),
  );
}

function headings(t: Translator) {
  return ['partnership', 'round', 'partner', 'line', 'budget', 'actual', 'variance', 'explanation', 'status'].map((k) => t.t(`financialReports.export.${k}` as MessageKey));
}
/** Kroner as a plain number for a cell (the øre exact). */
const major = (minor: number | null, currency: string) => (minor === null ? null : minor / minorPerMajor(currency));

/** The year's report lines as an Excel workbook: one row per line, amounts plain numbers in kroner, a total row of SUM formulas stored with their results. */
export async function exportFinancialReportsXlsx(ctx: CoreContext, { year, locale }: { year: number; locale: Locale }): Promise<Uint8Array> {
  const rows = await financialReportExportRows(ctx, { year, locale, format: 'xlsx' });
  const t = createTranslator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutual exchange for development';
  const sheet = workbook.addWorksheet(t.t('financialReports.export.sheet', { year }));
  const money = { numFmt: '#,##0.00' };
  sheet.columns = [{ width: 40 }, { width: 8 }, { width: 36 }, { width: 44 }, { width: 16, style: money }, { width: 16, style: money }, { width: 16, style: money }, { width: 50 }, { width: 14 }];
  sheet.addRow(headings(t));
  for (const r of rows) sheet.addRow([r.partnership, r.round, r.partner, r.line, major(r.budgetMinor, r.currency), major(r.actualMinor, r.currency), major(r.varianceMinor, r.currency), r.explanation, r.status]);
  const first = 2;
  const last = rows.length + 1;
  const currency = rows[0]?.currency ?? 'NOK';
  const total = (column: string, values: (number | null)[]) => ({ formula: rows.length > 0 ? `SUM(${column}${first}:${column}${last})` : '0', result: major(sumMinor(values.map((v) => v ?? 0)), currency) ?? 0 });
  const totalRow = sheet.addRow([
    t.t('financialReports.export.total'),
    null,
    null,
    null,
    total('E', rows.map((r) => r.budgetMinor)),
    total('F', rows.map((r) => r.actualMinor)),
    total('G', rows.map((r) => r.varianceMinor)),
  ]);
  totalRow.font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The year's report lines as CSV: UTF-8 with a byte-order mark, a translated header, plain numbers (a point for decimals), formulas escaped. */
export async function exportFinancialReportsCsv(ctx: CoreContext, { year, locale }: { year: number; locale: Locale }): Promise<ReadableStream<Uint8Array>> {
  const rows = await financialReportExportRows(ctx, { year, locale, format: 'csv' });
  const t = createTranslator(locale);
  const plain = (minor: number | null, currency: string) => (minor === null ? '' : String(major(minor, currency)));
  return spreadsheetCsv([headings(t), ...rows.map((r) => [r.partnership, String(r.round), r.partner, r.line, plain(r.budgetMinor, r.currency), plain(r.actualMinor, r.currency), plain(r.varianceMinor, r.currency), r.explanation, r.status])]);
}
