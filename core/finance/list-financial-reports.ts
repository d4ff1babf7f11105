import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { FINANCIAL_REPORT_STATUSES, financialReportLines, financialReports } from '../../db/schema/financial-reports.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { decodeCursor } from '../pagination/keyset-cursor.ts';
import { decisionQueueOrder } from '../pagination/decision-queue-order.ts';
import { keysetPage } from '../pagination/keyset-page.ts';
import { financialReportScope } from './financial-report-record.ts';

export const FINANCIAL_REPORTS_PAGE_SIZE = 50;

export const financialReportQueryInput = z.object({
  status: z.enum(FINANCIAL_REPORT_STATUSES, { message: 'invalid' }).optional(),
  after: z.string().optional(),
});
export type FinancialReportQuery = z.infer<typeof financialReportQueryInput>;

/** Reports waiting for a decision first, then the others; the most recently changed first within each. */
const order = decisionQueueOrder(financialReports);

/**
 * The financial reports the actor may read (the agency every one, partner staff their organisations'),
 * reports to review first, filtered by status, 50 a page with a keyset cursor (`after`).
 */
export async function listFinancialReports(ctx: CoreContext, query: FinancialReportQuery = {}) {
  requirePermission(ctx.actor, 'financial-report:read');
  const { status, after } = financialReportQueryInput.parse(query);
  const scope = financialReportScope(ctx.actor);
  const cursor = decodeCursor(after);
  if (scope === null) return { items: [], total: 0, next: null };
  const filters: (SQL | undefined)[] = [scope, status ? eq(financialReports.status, status) : undefined];
  const where = and(...filters);
  // The total rides on every row (counted by the same filters in the same statement), as keysetPage expects.
  const count = () => ctx.db.select({ total: sql<number>`count(*)::int` }).from(financialReports).where(where);
  const rows = await ctx.db
    .select({
      id: financialReports.id,
      status: financialReports.status,
      currency: financialReports.currency,
      updatedAt: financialReports.updatedAt,
      submittedAt: financialReports.submittedAt,
      rank: order.rank,
      changed: order.changed,
      stageId: financialReports.stageId,
      roundNumber: partnershipStages.roundNumber,
      startsOn: partnershipStages.startsOn,
      partnershipId: partnerships.id,
      partnershipTitle: partnerships.title,
      organisationId: financialReports.organisationId,
      organisationName: organisations.legalName,
      budgetMinor: sql<string>`coalesce((select sum(${financialReportLines.budgetMinor}) from ${financialReportLines} where ${financialReportLines.reportId} = ${financialReports.id}), 0)`,
      actualMinor: sql<string>`coalesce((select sum(${financialReportLines.actualMinor}) from ${financialReportLines} where ${financialReportLines.reportId} = ${financialReports.id}), 0)`,
      total: sql<number>`(${count()})`.mapWith(Number),
    })
    .from(financialReports)
    .innerJoin(partnershipStages, eq(partnershipStages.id, financialReports.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(organisations, eq(organisations.id, financialReports.organisationId))
    .where(and(where, order.after(cursor)))
    .orderBy(...order.orderBy)
    .limit(FINANCIAL_REPORTS_PAGE_SIZE + 1);
  const page = await keysetPage(rows, { size: FINANCIAL_REPORTS_PAGE_SIZE, cursor, count, key: order.key });
  return {
    ...page,
    items: page.items.map(({ rank: _rank, changed: _changed, budgetMinor, actualMinor, roundNumber, ...r }) => ({ ...r, roundNumber: roundNumber ?? 1, budgetMinor: Number(budgetMinor), actualMinor: Number(actualMinor) })),
  };
}
export type FinancialReportListItem = Awaited<ReturnType<typeof listFinancialReports>>['items'][number];
