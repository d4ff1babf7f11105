import type { Database } from '../database.ts';
import { financialReportLines, financialReports, type FinancialReportStatus } from '../schema/financial-reports.ts';

export interface FinancialReportOverrides {
  stageId: string;
  organisationId: string;
  status?: FinancialReportStatus;
  currency?: string;
  /** The lines' actual amounts in minor units (one 'other' line each); budget = actual unless given. */
  lines?: { actualMinor: number; budgetMinor?: number; kind?: string }[];
}

/**
 * A partner's financial report on a stage, straight into the database (the report pages' rules do not
 * apply): approved by default, with one line per actual amount given. For tests of what waits for the
 * reports (the last tranche and the stage's settlement).
 */
export async function createFinancialReport(db: Database, { stageId, organisationId, status = 'approved', currency = 'NOK', lines = [] }: FinancialReportOverrides) {
  const decided = status === 'approved' || status === 'returned';
  const [report] = await db
    .insert(financialReports)
    .values({ stageId, organisationId, status, currency, submittedAt: status === 'draft' ? null : new Date(), decidedAt: decided ? new Date() : null, decidedByLabel: decided ? 'finance@agency.example' : null })
    .returning();
  if (!report) throw new Error('financial report insert returned nothing');
  if (lines.length)
    await db.insert(financialReportLines).values(lines.map((l, i) => ({ reportId: report.id, position: i + 1, kind: l.kind ?? 'other', label: l.kind ? '' : 'Costs', budgetMinor: l.budgetMinor ?? l.actualMinor, actualMinor: l.actualMinor })));
  return report;
}
