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
import { jsonPageFields, readJsonPage } from '../../db/json-rows.ts';

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

/** Tranches in the list's order, filtered by status and budget year, `limit` at most after the cursor's row. */
function filtersOf({ status, year }: TrancheQuery): SQL[] {
  const where: SQL[] = [];
  if (status) where.push(eq(stageTranches.status, status));
  if (year) where.push(gte(calls.opensOn, `${year}-01-01`), lt(calls.opensOn, `${year + 1}-01-01`));
  return where;
}

/** How many tranches match the filters, over all pages (inside a page's statement, its tables are its own). */
function countTranches(db: Database, query: TrancheQuery) {
  return db
    .select({ total: sql<number>`count(*)::int` })
    .from(stageTranches)
    .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId))
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(...filtersOf(query)));
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

/** A page of tranches after the query's cursor, `limit` at most, each row carrying the filters' total; read as one JSON value (db/json-rows.ts). */
async function queryTranches(db: Database, query: TrancheQuery, limit: number) {
  const cursor = decodeCursor(query.after);
  const where = filtersOf(query);
  if (cursor) {
    const m = /^([0-2])\|(\d{4}-\d{2}-\d{2})\|(\d{1,4})$/.exec(cursor[0]);
    if (!m) throw new DomainError('invalidCursor', { field: 'after' });
    where.push(sql`(${rank}, ${partnershipStages.startsOn}, ${stageTranches.number}, ${stageTranches.id}) > (${Number(m[1])}, ${m[2]}::date, ${Number(m[3])}, ${cursor[1]}::uuid)`);
  }
  const page = db
    .select({ ...jsonPageFields(lineColumns, sql`${rank}, ${partnershipStages.startsOn}, ${stageTranches.number}, ${stageTranches.id}`), total: sql<number>`(${countTranches(db, query)})`.as('total') })
    .from(stageTranches)
    .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.coordinatorOrganisationId))
    .where(and(...where))
    .orderBy(asc(rank), asc(partnershipStages.startsOn), asc(stageTranches.number), asc(stageTranches.id))
    .limit(limit)
    .as('page');
  return {
    cursor,
    rows: (await readJsonPage(db, lineColumns, page)).map(
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
    count: () => countTranches(ctx.db, query),
    key: (last) => [`${rankOf(last.status)}|${last.stage.startsOn}|${last.number}`, last.id],
  });
  return { tranches: page.items, total: page.total, next: page.next };
}
