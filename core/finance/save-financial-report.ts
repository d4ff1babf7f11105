import { and, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { financialReportLines, financialReports } from '../../db/schema/financial-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems, type FieldProblem } from '../errors.ts';
import { text } from '../input/text.ts';
import { isRecordId } from '../records/record-id.ts';
import { findFinancialReport, reportLines, requireEditable, requireVersion } from './financial-report-record.ts';
import { lineField, OTHER_LINE_KIND } from './financial-report-rules.ts';
import { parseWholeAmount } from './money.ts';

/** What was spent on a line, in minor units: a whole, non-negative amount, or null while not known yet. */
/** At most ten billion kroner on one line: far beyond any round, and 300 such lines still add up within the safe integers. */
export const MAX_ACTUAL_MINOR = 1_000_000_000_000;
export const actualMinorInput = z.number({ message: 'financialReportActualInvalid' }).int('financialReportActualInvalid').min(0, 'financialReportActualInvalid').max(MAX_ACTUAL_MINOR, 'financialReportActualInvalid').nullable();
export const explanationInput = text().trim().max(2000, 'tooLong');
export const otherLabelInput = text().trim().min(1, 'financialReportOtherLineLabel').max(200, 'tooLong');

export const reportLineInput = z.object({
  /** An existing line; left out for a new line the partner adds. */
  id: z.string().optional(),
  /** Only for lines the partner adds (`other`): what the cost was. */
  label: z.string().optional(),
  actualMinor: actualMinorInput,
  explanation: explanationInput.default(''),
});
export const saveFinancialReportInput = z.object({ version: z.number().int(), lines: z.array(reportLineInput).max(300, 'financialReportTooManyLines') });
export type ReportLineInput = z.input<typeof reportLineInput>;

/** Whole kroner as typed on the page ("12 500"), in minor units; '' is not known yet (null); anything else undefined (refused). */
export function typedActual(typed: string, currency: string): number | null | undefined {
  if (typed.trim() === '') return null;
  return parseWholeAmount(typed, currency) ?? undefined;
}

/**
 * Saves what the partner typed into its draft (or returned) report, incomplete or not: for each line given
 * by `id`, the actual amount and explanation (and the label of a line it added); lines without `id` are new
 * lines of its own (`other`: a label, budget 0). Lines it added before and leaves out are removed; budget
 * lines left out stay as they are. Against the report's version (`staleEdit`, 409). Every refused value at
 * once, each on its line's field.
 */
export async function saveFinancialReport(ctx: CoreContext, { reportId, ...input }: { reportId: string; version: number; lines: ReportLineInput[] }): Promise<{ version: number }> {
  const parsed = saveFinancialReportInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report } = await findFinancialReport(tctx, tx, reportId, { lock: true });
    requireEditable(ctx, report);
    requireVersion(report, parsed.version);
    const before = await reportLines(tx, report.id);
    const byId = new Map(before.map((l) => [l.id, l]));
    const problems: FieldProblem[] = [];
    const updates: { id: string; label: string; actualMinor: number | null; explanation: string }[] = [];
    const added: { label: string; actualMinor: number | null; explanation: string; field: string }[] = [];
    parsed.lines.forEach((line, index) => {
      const existing = line.id !== undefined && isRecordId(line.id) ? byId.get(line.id) : undefined;
      if (line.id !== undefined && !existing) {
        problems.push({ field: `lines.${index}.id`, code: 'financialReportUnknownLine' });
        return;
      }
      const isOther = existing ? existing.kind === OTHER_LINE_KIND : true;
      let label = '';
      if (isOther) {
        const checked = otherLabelInput.safeParse(line.label ?? '');
        if (!checked.success) problems.push({ field: existing ? lineField(existing.id, 'label') : `new.${index}.label`, code: checked.error.issues[0]!.message as FieldProblem['code'], params: { max: 200 } });
        else label = checked.data;
      }
      if (existing) updates.push({ id: existing.id, label, actualMinor: line.actualMinor, explanation: line.explanation });
      else added.push({ label, actualMinor: line.actualMinor, explanation: line.explanation, field: `new.${index}` });
    });
    refuseProblems(problems);
    const kept = updates.map((u) => u.id);
    const removed = before.filter((l) => l.kind === OTHER_LINE_KIND && !kept.includes(l.id));
    if (removed.length > 0) await tx.delete(financialReportLines).where(and(eq(financialReportLines.reportId, report.id), eq(financialReportLines.kind, OTHER_LINE_KIND), notInArray(financialReportLines.id, kept.length > 0 ? kept : ['00000000-0000-0000-0000-000000000000'])));
    for (const u of updates) {
      const old = byId.get(u.id)!;
      if (old.actualMinor === u.actualMinor && old.explanation === u.explanation && (old.kind !== OTHER_LINE_KIND || old.label === u.label)) continue;
      await tx
        .update(financialReportLines)
        .set({ actualMinor: u.actualMinor, explanation: u.explanation, ...(old.kind === OTHER_LINE_KIND ? { label: u.label } : {}) })
        .where(eq(financialReportLines.id, u.id));
    }
    let position = before.reduce((max, l) => Math.max(max, l.position), 0);
    if (added.length > 0) await tx.insert(financialReportLines).values(added.map((a) => ({ reportId: report.id, position: ++position, kind: OTHER_LINE_KIND, flowId: null, label: a.label, budgetMinor: 0, actualMinor: a.actualMinor, explanation: a.explanation })));
    const [saved] = await tx.update(financialReports).set({ version: report.version + 1, updatedAt: ctx.now() }).where(eq(financialReports.id, report.id)).returning({ version: financialReports.version });
    const changed = updates.filter((u) => {
      const old = byId.get(u.id)!;
      return old.actualMinor !== u.actualMinor || old.explanation !== u.explanation || (old.kind === OTHER_LINE_KIND && old.label !== u.label);
    });
    await recordAudit(tx, tctx, {
      action: 'financial-report.saved',
      recordType: 'financial_report',
      recordId: report.id,
      before: { version: report.version, lines: changed.map((u) => ({ id: u.id, actualMinor: byId.get(u.id)!.actualMinor })), removed: [] },
      after: { version: saved!.version, lines: changed.map((u) => ({ id: u.id, actualMinor: u.actualMinor })), removed: removed.map((l) => ({ id: l.id, label: l.label })), added: added.map((a) => ({ label: a.label, actualMinor: a.actualMinor })) },
    });
    return { version: saved!.version };
  });
}

