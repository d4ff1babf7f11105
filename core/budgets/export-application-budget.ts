import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { asc, eq } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { applicationPartners } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { minorPerMajor } from '../finance/money.ts';
import { getApplicationBudget } from '../unit-costs/get-application-budget.ts';

const MONEY_FORMAT = '#,##0.00';
/** A text cell a spreadsheet would take for a formula is written with a leading apostrophe. */
const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** One line of the export, and the partner and round it is under. */
interface ExportLine {
  round: number;
  partner: string;
  organisationId: string;
  flow: string;
  kind: string;
  quantity: number;
  unitCost: number | null;
  amount: number | null;
  justification: string;
}

/** Every line of every round of an application's stored budget, in the reader's language (whoever may read the application). */
async function exportLines(ctx: CoreContext, { applicationId, locale }: { applicationId: string; locale: Locale }) {
  const { rounds } = await getApplicationBudget(ctx, { applicationId });
  const partners = await ctx.db
    .select({ id: organisations.id, name: organisations.legalName })
    .from(applicationPartners)
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .where(eq(applicationPartners.applicationId, applicationId))
    .orderBy(asc(applicationPartners.position));
  const nameOf = new Map(partners.map((p) => [p.id, p.name]));
  const { t } = createTranslator(locale);
  const result: { round: number; currency: string; partners: { organisationId: string; name: string; totalMinor: number; lines: ExportLine[] }[]; totalMinor: number }[] = [];
  for (const round of rounds) {
    if (!round.budget) continue;
    const budget = round.budget;
    const major = (minor: number | null) => (minor === null ? null : minor / minorPerMajor(budget.currency));
    const flowOf = new Map(round.flows.map((f) => [f.id, t('budget.flowShort', { from: f.from, to: f.to })]));
    result.push({
      round: round.round,
      currency: budget.currency,
      totalMinor: budget.totalMinor,
      partners: budget.partners.map((p) => ({
        organisationId: p.organisationId,
        name: nameOf.get(p.organisationId) ?? p.organisationId,
        totalMinor: p.totalMinor,
        lines: budget.lines
          .filter((l) => l.organisationId === p.organisationId)
          .map((l) => ({
            round: round.round,
            partner: nameOf.get(p.organisationId) ?? p.organisationId,
            organisationId: p.organisationId,
            flow: l.flowId ? (flowOf.get(l.flowId) ?? '') : '',
            kind: l.other ? `${t('budget.kind.other')}: ${l.other.label}` : t(`budget.kind.${l.kind}`),
            quantity: l.quantity,
            unitCost: major(l.unitCostMinor),
            amount: major(l.amountMinor),
            justification: l.other?.justification ?? '',
          })),
      })),
    });
  }
  return { rounds: result, t };
}

const headings = (t: ReturnType<typeof createTranslator>['t']) =>
  (['round', 'partner', 'flow', 'kind', 'quantity', 'unitCost', 'amount', 'currency', 'justification'] as const).map((c) => t(`budgets.export.column.${c}`));

/**
 * An application's budget as an Excel workbook: every line of every round (round, partner, flow, kind,
 * quantity, unit cost, amount, currency, justification), labels in `locale`, amounts plain numbers in
 * kroner; under each partner's lines a SUM formula of them, and under each round a SUM of its partners'
 * totals, each stored with its result (the page's figures).
 */
export async function exportApplicationBudgetXlsx(ctx: CoreContext, options: { applicationId: string; locale: Locale }): Promise<Uint8Array<ArrayBuffer>> {
  const { rounds, t } = await exportLines(ctx, options);
  const book = new ExcelJS.Workbook();
  book.creator = 'Mutual exchange for development';
  const sheet = book.addWorksheet(t('budgets.export.sheet'));
  sheet.columns = [{ width: 8 }, { width: 36 }, { width: 40 }, { width: 36 }, { width: 10 }, { width: 16, style: { numFmt: MONEY_FORMAT } }, { width: 18, style: { numFmt: MONEY_FORMAT } }, { width: 10 }, { width: 50 }];
  sheet.addRow(headings(t));
  for (const round of rounds) {
    const major = (minor: number) => minor / minorPerMajor(round.currency);
    const partnerTotalRows: number[] = [];
    for (const partner of round.partners) {
      const first = sheet.rowCount + 1;
      for (const l of partner.lines) sheet.addRow([l.round, safeText(l.partner), safeText(l.flow), safeText(l.kind), l.quantity, l.unitCost, l.amount, round.currency, safeText(l.justification)]);
      const last = sheet.rowCount;
      const row = sheet.addRow([round.round, safeText(t('budget.partnerTotal', { name: partner.name })), '', '', null, null, { formula: last >= first ? `SUM(G${first}:G${last})` : '0', result: major(partner.totalMinor) }, round.currency, '']);
      row.font = { bold: true };
      partnerTotalRows.push(row.number);
    }
    const total = sheet.addRow([round.round, t('budget.roundTotal', { round: round.round }), '', '', null, null, { formula: partnerTotalRows.length ? `SUM(${partnerTotalRows.map((r) => `G${r}`).join(',')})` : '0', result: major(round.totalMinor) }, round.currency, '']);
    total.font = { bold: true };
  }
  return new Uint8Array(await book.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}

/** The same lines as CSV (UTF-8 with a BOM, headings in `locale`, plain numbers with a point), without total rows. */
export async function exportApplicationBudgetCsv(ctx: CoreContext, options: { applicationId: string; locale: Locale }): Promise<string> {
  const { rounds, t } = await exportLines(ctx, options);
  const rows = rounds.flatMap((round) => round.partners.flatMap((p) => p.lines.map((l) => [l.round, safeText(l.partner), safeText(l.flow), safeText(l.kind), l.quantity, l.unitCost ?? '', l.amount ?? '', round.currency, safeText(l.justification)])));
  return stringify([headings(t), ...rows], { bom: true });
}
