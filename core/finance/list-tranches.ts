import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { stageTranches, TRANCHE_STATUSES } from '../../db/schema/disbursements.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { decodeCursor } from '../pagination/keyset-cursor.ts';
import { keysetPage } from '../pagination/keyset-page.ts';
import { fromJsonPage, jsonPageFields, jsonPageQuery } from '../../db/json-rows.ts';
import { preparedPerHandle } from '../../db/prepared-per-handle.ts';

export const trancheQueryInput = z.object({
  status: z.enum(TRANCHE_STATUSES, { message: 'chooseStatus' }).optional(),
  year: z.coerce.number({ message: 'chooseYear' }).int('chooseYear').min(2001, 'chooseYear').max(2100, 'chooseYear').optional(),
  after: z.string().max(2000, 'invalidCursor').optional(),
});
export type TrancheQuery = z.infer<typeof trancheQueryInput>;

export const TRANCHE_PAGE_SIZE = 50;

/** To approve first, then to pay, then paid. */
const rank = sql<number>`(case ${stageTranches.status} when 'planned' then 0 when 'approved' then 1 else 2 end)`;

/** One tranche as lists and exports show it. */
export interface TrancheLine {
  id: string;
  stageId: string;
  number: number;
  shareBasisPoints: number;
  amountMinor: number;
  currency: string;
  condition: (typeof stageTranches.$inferSelect)['condition'];
  status: (typeof stageTranches.$inferSelect)['status'];
  paidOn: string | null;
  bankReference: string | null;
  ledgerEntryId: string | null;
  version: number;
  partnership: { id: string; title: string };
  stage: { kind: (typeof partnershipStages.$inferSelect)['kind']; roundNumber: number | null; startsOn: string };
  coordinator: { id: string; name: string };
  /** The budget year of the stage's money (the year its call opens). */
  year: number;
}

/**
 * Which filters a request uses. Each combination is a statement of its own, prepared once per database handle
 * (db/prepared-per-handle.ts); the filters' values go in as its placeholders.
 */
interface Shape {
  status: boolean;
  year: boolean;
  after: boolean;
}
const statementName = (list: string, shape: Shape) => `${list}_${shape.status ? 's' : ''}${shape.year ? 'y' : ''}${shape.after ? 'a' : ''}`;

/** The placeholders' values for a query: the status, the budget year's first day and the next year's. */
function filterValues({ status, year }: TrancheQuery) {
  return { ...(status ? { status } : {}), ...(year ? { yearFrom: `${year}-01-01`, yearTo: `${year + 1}-01-01` } : {}) };
}

/** Tranches filtered by status and budget year (the year the stage's call opens). */
function filtersOf(shape: Shape): SQL[] {
  const where: SQL[] = [];
  if (shape.status) where.push(eq(stageTranches.status, sql.placeholder('status')));
  if (shape.year) where.push(gte(calls.opensOn, sql.placeholder('yearFrom')), lt(calls.opensOn, sql.placeholder('yearTo')));
  return where;
}

/** How many tranches match the filters, over all pages (inside a page's statement, its tables are its own). */
function countQuery(db: Database, shape: Shape) {
  return db
    .select({ total: sql<number>`count(*)::int` })
    .from(stageTranches)
    .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId))
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(...filtersOf(shape)));
}

/** What a line of the list shows: one JSON object per tranche, under these names (db/json-rows.ts). */
const lineColumns = {
  id: stageTranches.id,
  stageId: stageTranches.stageId,
  number: stageTranches.number,
  shareBasisPoints: stageTranches.shareBasisPoints,
  amountMinor: stageTranches.amountMinor,
  currency: stageTranches.currency,
  condition: stageTranches.condition,
  status: stageTranches.status,
  paidOn: stageTranches.paidOn,
  bankReference: stageTranches.bankReference,
  ledgerEntryId: stageTranches.ledgerEntryId,
  version: stageTranches.version,
  partnershipId: partnerships.id,
  title: partnerships.title,
  kind: partnershipStages.kind,
  roundNumber: partnershipStages.roundNumber,
  startsOn: partnershipStages.startsOn,
  coordinatorId: organisations.id,
  coordinatorName: organisations.legalName,
  opensOn: calls.opensOn,
};

/** A page of tranches after the cursor's row, `limit` at most, each row carrying the filters' total, as one JSON value (db/json-rows.ts). */
function pageQuery(db: Database, shape: Shape) {
  const where = filtersOf(shape);
  if (shape.after) {
    where.push(
      sql`(${rank}, ${partnershipStages.startsOn}, ${stageTranches.number}, ${stageTranches.id}) > (${sql.placeholder('afterRank')}, ${sql.placeholder('afterStartsOn')}::date, ${sql.placeholder('afterNumber')}, ${sql.placeholder('afterId')}::uuid)`,
    );
  }
  const page = db
    .select({ ...jsonPageFields(lineColumns, sql`${rank}, ${partnershipStages.startsOn}, ${stageTranches.number}, ${stageTranches.id}`), total: sql<number>`(${countQuery(db, shape)})`.as('total') })
    .from(stageTranches)
    .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.coordinatorOrganisationId))
    .where(and(...where))
    .orderBy(asc(rank), asc(partnershipStages.startsOn), asc(stageTranches.number), asc(stageTranches.id))
    .limit(sql.placeholder('limit'))
    .as('page');
  return jsonPageQuery(db, page);
}

/** A page of tranches after the query's cursor, `limit` at most, each row carrying the filters' total. */
async function queryTranches(db: Database, query: TrancheQuery, limit: number) {
  const cursor = decodeCursor(query.after);
  let after = {};
  if (cursor) {
    const m = /^([0-2])\|(\d{4}-\d{2}-\d{2})\|(\d{1,4})$/.exec(cursor[0]);
    if (!m) throw new DomainError('invalidCursor', { field: 'after' });
    after = { afterRank: Number(m[1]), afterStartsOn: m[2], afterNumber: Number(m[3]), afterId: cursor[1] };
  }
  const shape = { status: Boolean(query.status), year: Boolean(query.year), after: Boolean(cursor) };
  const statement = preparedPerHandle(db, statementName('list_tranches', shape), (name) => pageQuery(db, shape).prepare(name));
  const answer = await statement.execute({ ...filterValues(query), ...after, limit });
  return {
    cursor,
    rows: fromJsonPage(lineColumns, answer).map(
      (r): TrancheLine & { total: number } => ({
        id: r.id,
        stageId: r.stageId,
        number: r.number,
        shareBasisPoints: r.shareBasisPoints,
        amountMinor: r.amountMinor,
        currency: r.currency,
        condition: r.condition,
        status: r.status,
        paidOn: r.paidOn,
        bankReference: r.bankReference,
        ledgerEntryId: r.ledgerEntryId,
        version: r.version,
        partnership: { id: r.partnershipId, title: r.title },
        stage: { kind: r.kind, roundNumber: r.roundNumber, startsOn: r.startsOn },
        coordinator: { id: r.coordinatorId, name: r.coordinatorName },
        year: Number(r.opensOn.slice(0, 4)),
        total: r.total,
      }),
    ),
  };
}

const rankOf = (status: TrancheLine['status']) => (status === 'planned' ? 0 : status === 'approved' ? 1 : 2);

/**
 * Every stage's tranches for the finance officer, 50 a page: those to approve first, then those to pay,
 * then the paid ones, each by the stage's start; by status and by budget year (the year the stage's call
 * opens). Agency staff who read finance.
 */
export async function listTranches(ctx: CoreContext, query: TrancheQuery) {
  requirePermission(ctx.actor, 'finance:read');
  const { cursor, rows } = await queryTranches(ctx.db, query, TRANCHE_PAGE_SIZE + 1);
  const page = await keysetPage(rows, {
    size: TRANCHE_PAGE_SIZE,
    cursor,
    count: () => {
      const shape = { status: Boolean(query.status), year: Boolean(query.year), after: false };
      return preparedPerHandle(ctx.db, statementName('count_tranches', shape), (name) => countQuery(ctx.db, shape).prepare(name)).execute(filterValues(query));
    },
    key: (last) => [`${rankOf(last.status)}|${last.stage.startsOn}|${last.number}`, last.id],
  });
  return { tranches: page.items, total: page.total, next: page.next };
}
