import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationPartners } from '../../db/schema/applications.ts';
import { financialReportLines, financialReports } from '../../db/schema/financial-reports.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';

/** Where a granted stage's financial reporting stands: the last tranche waits for every partner's approved report. */
export interface StageReportSettlement {
  /** The stage's partners (those of the application that granted it). */
  partners: number;
  /** Partners whose report a finance officer has approved. */
  approved: number;
  allApproved: boolean;
  /** What the approved reports say was spent, in minor units (0 until one is approved). */
  actualMinor: number;
}

/** Reads how many of a stage's partners have an approved financial report, and what those reports spent. */
export async function stageReportSettlement(db: Database, stageId: string): Promise<StageReportSettlement> {
  const [partners] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applicationPartners)
    .innerJoin(partnershipStages, eq(partnershipStages.applicationId, applicationPartners.applicationId))
    .where(eq(partnershipStages.id, stageId));
  const [approved] = await db
    .select({ n: sql<number>`count(distinct ${financialReports.id})::int`, actual: sql<string>`coalesce(sum(${financialReportLines.actualMinor}), 0)` })
    .from(financialReports)
    .leftJoin(financialReportLines, eq(financialReportLines.reportId, financialReports.id))
    .where(and(eq(financialReports.stageId, stageId), eq(financialReports.status, 'approved')));
  const partnerCount = Number(partners?.n ?? 0);
  const approvedCount = Number(approved?.n ?? 0);
  return { partners: partnerCount, approved: approvedCount, allApproved: partnerCount > 0 && approvedCount >= partnerCount, actualMinor: Number(approved?.actual ?? 0) };
}
