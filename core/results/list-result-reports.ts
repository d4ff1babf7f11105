import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { applicationPartners } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { RESULT_REPORT_STATUSES, resultReports } from '../../db/schema/result-reports.ts';
import type { CoreContext } from '../context.ts';
import { organisationScope, requirePermission } from '../identity/permissions.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { decodeCursor } from '../pagination/keyset-cursor.ts';
import { cursorValues, decisionQueueOrder } from '../pagination/decision-queue-order.ts';
import { keysetPage } from '../pagination/keyset-page.ts';
import { fromJsonPage, jsonPageFields, jsonPageQuery } from '../../db/json-rows.ts';
import { sendQuery, type Bind } from '../../db/prepared-per-handle.ts';
import type { Database } from '../../db/database.ts';
import { resultReportScope } from './result-report-record.ts';

export const RESULT_REPORTS_PAGE_SIZE = 50;

export const resultReportQueryInput = z.object({
  status: z.enum(RESULT_REPORT_STATUSES, { message: 'invalid' }).optional(),
  after: z.string().optional(),
});
export type ResultReportQuery = z.infer<typeof resultReportQueryInput>;

/** Reports waiting for a decision first, then the others; the most recently changed first within each. */
const order = decisionQueueOrder(resultReports);

/** What a line of the list shows: one JSON object per report, under these names (db/json-rows.ts). */
const lineColumns = {
  id: resultReports.id,
  status: resultReports.status,
  updatedAt: resultReports.updatedAt,
  submittedAt: resultReports.submittedAt,
  rank: order.rank,
  changed: order.changed,
  stageId: resultReports.stageId,
  roundNumber: partnershipStages.roundNumber,
  startsOn: partnershipStages.startsOn,
  endsOn: partnershipStages.endsOn,
  partnershipId: partnerships.id,
  partnershipTitle: partnerships.title,
  organisationId: resultReports.organisationId,
  organisationName: organisations.legalName,
};

/**
 * The page's statement and the count for a page past the end, written once: `bind` gives each value as it is
 * or as a placeholder of its name (db/prepared-per-handle.ts).
 */
function listQueries(db: Database, scope: SQL | undefined, status: ResultReportQuery['status'], cursor: [string, string] | null, bind: Bind) {
  const where = and(scope, status ? eq(resultReports.status, bind('status', status)) : undefined);
  // The total rides on every row (counted by the same filters in the same statement), as keysetPage expects.
  const count = db.select({ total: sql<number>`count(*)::int` }).from(resultReports).innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId)).where(where);
  const page = db
    .select({ ...jsonPageFields(lineColumns, sql.join(order.orderBy, sql`, `)), total: sql<number>`(${count})`.as('total') })
    .from(resultReports)
    .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(organisations, eq(organisations.id, resultReports.organisationId))
    .where(and(where, order.after(cursor, bind)))
    .orderBy(...order.orderBy)
    .limit(RESULT_REPORTS_PAGE_SIZE + 1)
    .as('page');
  return { list: jsonPageQuery(db, page), count };
}

/**
 * The results reports the actor may read (the agency every one, partner staff those on their partnerships),
 * reports to decide on first, filtered by status, 50 a page with a keyset cursor (`after`).
 */
export async function listResultReports(ctx: CoreContext, query: ResultReportQuery = {}) {
  requirePermission(ctx.actor, 'result-report:read');
  const { status, after } = parseOrRefuse(resultReportQueryInput, query);
  const scope = resultReportScope(ctx.actor);
  const cursor = decodeCursor(after);
  if (scope === null) return { items: [], total: 0, next: null };
  // The agency reads every report: one statement per filter shape, prepared once per handle. Partner staff's scope
  // names their organisations: built for each request (db/prepared-per-handle.ts).
  const shape = scope === undefined ? `${status ? 's' : ''}${cursor ? 'a' : ''}` : null;
  const values = { ...(status ? { status } : {}), ...(cursor ? cursorValues(cursor) : {}) };
  const answer = await sendQuery(ctx.db, shape === null ? null : `list_result_reports_${shape}`, (bind) => listQueries(ctx.db, scope, status, cursor, bind).list, values);
  const count = () => sendQuery(ctx.db, shape === null ? null : `count_result_reports_${shape}`, (bind) => listQueries(ctx.db, scope, status, cursor, bind).count, values);
  const page = await keysetPage(fromJsonPage(lineColumns, answer), { size: RESULT_REPORTS_PAGE_SIZE, cursor, count, key: order.key });
  return { ...page, items: page.items.map(({ rank: _rank, changed: _changed, roundNumber, ...r }) => ({ ...r, roundNumber: roundNumber ?? 1 })) };
}
export type ResultReportListItem = Awaited<ReturnType<typeof listResultReports>>['items'][number];

/**
 * The granted rounds the actor's organisations report results on (those it is a coordinator of), each with
 * its report's status, or none yet (then the page offers to start it). Latest rounds first. Agency staff who
 * are not partner staff have none.
 */
export async function listResultRounds(ctx: CoreContext) {
  if (ctx.actor.kind !== 'user') return [];
  const mine = ctx.actor.memberships.length > 0 ? (organisationScope({ ...ctx.actor, agencyRoles: [] }, 'result-report:write') ?? []) : [];
  if (mine.length === 0) return [];
  const rows = await ctx.db
    .select({
      stageId: partnershipStages.id,
      roundNumber: partnershipStages.roundNumber,
      startsOn: partnershipStages.startsOn,
      endsOn: partnershipStages.endsOn,
      partnershipId: partnerships.id,
      partnershipTitle: partnerships.title,
      organisationId: organisations.id,
      organisationName: organisations.legalName,
      reportId: resultReports.id,
      status: resultReports.status,
    })
    .from(partnershipStages)
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(applicationPartners, eq(applicationPartners.applicationId, partnershipStages.applicationId))
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .leftJoin(resultReports, and(eq(resultReports.stageId, partnershipStages.id), eq(resultReports.organisationId, applicationPartners.organisationId)))
    .where(and(eq(partnershipStages.kind, 'round'), inArray(applicationPartners.organisationId, mine)))
    .orderBy(desc(partnershipStages.startsOn), asc(partnerships.title), asc(organisations.legalName))
    .limit(500);
  return rows.map((r) => ({ ...r, roundNumber: r.roundNumber ?? 1 }));
}
export type ResultRound = Awaited<ReturnType<typeof listResultRounds>>[number];
