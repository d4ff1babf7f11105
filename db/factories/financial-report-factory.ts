import type { Database } from '../database.ts';
import { financialReportLines, financialReports, type FinancialReportStatus } from '../schema/financial-reports.ts';

export type FinancialReportRow = typeof financialReports.$inferSelect;

export interface FinancialReportLineSpec {
  kind?: string;
  flowId?: string | null;
  label?: string;
  budgetMinor?: number;
  actualMinor?: number | null;
  explanation?: string;
}

export interface FinancialReportOverrides {
  stageId: string;
  organisationId: string;
  status?: FinancialReportStatus;
  currency?: string;
  remark?: string;
  /** The report's lines in order; defaults to one travel line of 10 000 kr, not yet reported on. */
  lines?: FinancialReportLineSpec[];
  submittedAt?: Date | null;
  decidedAt?: Date | null;
  decidedByLabel?: string | null;
}

/**
 * A partner's financial report on a round, straight into the database (no rules applied): its status and
 * lines as given. Submitted and decided reports get plausible dates unless given.
 */
export async function createFinancialReport(db: Database, { stageId, organisationId, status = 'draft', currency = 'NOK', remark = '', lines, submittedAt, decidedAt, decidedByLabel }: FinancialReportOverrides): Promise<FinancialReportRow & { lineIds: string[] }> {
  const submitted = status === 'draft' ? null : (submittedAt ?? new Date('2026-02-10T10:00:00Z'));
  const decided = status === 'approved' || status === 'returned' ? (decidedAt ?? new Date('2026-02-20T10:00:00Z')) : null;
  const [report] = await db
    .insert(financialReports)
    .values({ stageId, organisationId, status, currency, remark, submittedAt: submitted, decidedAt: decided, decidedByLabel: decided ? (decidedByLabel ?? 'finance@demo.example') : null })
    .returning();
  if (!report) throw new Error('financial report insert returned nothing');
  const specs = lines ?? [{ kind: 'travel', budgetMinor: 10_000_00 }];
  const inserted =
    specs.length === 0
      ? []
      : await db
          .insert(financialReportLines)
          .values(specs.map((l, i) => ({ reportId: report.id, position: i + 1, kind: l.kind ?? 'travel', flowId: l.flowId ?? null, label: l.label ?? '', budgetMinor: l.budgetMinor ?? 0, actualMinor: l.actualMinor ?? null, explanation: l.explanation ?? '' })))
          .returning({ id: financialReportLines.id, position: financialReportLines.position });
  return { ...report, lineIds: inserted.sort((a, b) => a.position - b.position).map((l) => l.id) };
}
