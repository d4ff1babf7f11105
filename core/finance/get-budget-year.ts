import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { preparedPerHandle } from '../../db/prepared-per-handle.ts';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { calls } from '../../db/schema/calls.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { listProgrammeNames } from '../programmes/list-programme-names.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { BASE_CURRENCY, sumMinor } from './money.ts';

/** The figures of one level (the year, a programme, a call), each a net sum over ledger entries, in minor units. */
export interface BudgetFigures {
  appropriated: number;
  allocated: number;
  reserved: number;
  committed: number;
  disbursed: number;
  /** What this level has not passed on: the year's money not allocated to programmes, a programme's not allocated to calls, a call's not committed. */
  unallocated: number;
}

export interface BudgetYear {
  year: number;
  currency: string;
  /** Appropriated, allocated to programmes, reserved, committed, disbursed, and `remaining` = appropriated − reserved − committed. */
  totals: BudgetFigures & { remaining: number };
  programmes: { id: string; name: string; account: string; figures: BudgetFigures; calls: { id: string; title: string; account: string; ceilingMinor: number; figures: BudgetFigures }[] }[];
  /** Years with entries, newest first, for choosing another. */
  years: number[];
}

/** Net flow between two kinds of account: forwards counts, backwards (a release, a correction) takes away. */
const flow = (from: string, to: string) =>
  sql<string>`coalesce(sum(case when ${ledgerEntries.fromAccount} like ${`${from}%`} and ${ledgerEntries.toAccount} like ${`${to}%`} then ${ledgerEntries.amountMinor}
                        when ${ledgerEntries.fromAccount} like ${`${to}%`} and ${ledgerEntries.toAccount} like ${`${from}%`} then -${ledgerEntries.amountMinor} else 0 end), 0)`;

/** The year's entries summed per programme and call, one statement prepared once per database handle (db/prepared-per-handle.ts). */
function flowsOfYear(db: Database) {
  return preparedPerHandle(db, 'budget_year_flows', (name) =>
    db
      .select({
        programmeId: ledgerEntries.programmeId,
        callId: ledgerEntries.callId,
        appropriated: flow('parliament', 'year:'),
        toProgrammes: flow('year:', 'programme:'),
        toCalls: flow('programme:', 'call:'),
        reserved: flow('call:', 'reservation:'),
        committed: flow('call:', 'stage:'),
        disbursed: flow('stage:', 'partner:'),
      })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.year, sql.placeholder('year')))
      .groupBy(ledgerEntries.programmeId, ledgerEntries.callId)
      .prepare(name),
  );
}

/** The calls that open in a year, prepared once per database handle. */
function callsOfYear(db: Database) {
  return preparedPerHandle(db, 'budget_year_calls', (name) =>
    db
      .select({ id: calls.id, title: calls.title, programmeId: calls.programmeId, ceilingMinor: calls.budgetCeilingMinor })
      .from(calls)
      .where(and(gte(calls.opensOn, sql.placeholder('from')), lt(calls.opensOn, sql.placeholder('to'))))
      .orderBy(asc(calls.opensOn), asc(calls.title))
      .prepare(name),
  );
}

/**
 * A budget year as the finance officer reads it: appropriated, allocated, reserved, committed, disbursed
 * and remaining, for the year and per programme and call (every programme, and every call that opens that
 * year, also those without money yet). One grouped query over the year's ledger entries.
 */
export async function getBudgetYear(ctx: CoreContext, year: number): Promise<BudgetYear> {
  requirePermission(ctx.actor, 'finance:read');
  const grouped = await flowsOfYear(ctx.db).execute({ year });
  const rows = grouped.map((r) => ({
    programmeId: r.programmeId,
    callId: r.callId,
    appropriated: Number(r.appropriated),
    toProgrammes: Number(r.toProgrammes),
    toCalls: Number(r.toCalls),
    reserved: Number(r.reserved),
    committed: Number(r.committed),
    disbursed: Number(r.disbursed),
  }));
  const total = (pick: (r: (typeof rows)[number]) => number, where: (r: (typeof rows)[number]) => boolean = () => true) => sumMinor(rows.filter(where).map(pick));
  const [programmeRows, callRows, yearRows] = await Promise.all([
    listProgrammeNames(ctx),
    callsOfYear(ctx.db).execute({ from: `${year}-01-01`, to: `${year + 1}-01-01` }),
    // The years that have entries, for the year choice: the same for every reader, kept between writes.
    sharedRead(ctx.db, 'ledger-years', () => rawRows<{ year: number }>(ctx.db, sql`select distinct year from ledger_entries order by year desc`)),
  ]);
  const callFigures = (id: string): BudgetFigures => {
    const mine = (r: (typeof rows)[number]) => r.callId === id;
    const allocated = total((r) => r.toCalls, mine);
    const reserved = total((r) => r.reserved, mine);
    const committed = total((r) => r.committed, mine);
    return { appropriated: 0, allocated, reserved, committed, disbursed: total((r) => r.disbursed, mine), unallocated: allocated - reserved - committed };
  };
  const programmeList = programmeRows.map((p) => {
    const mine = (r: (typeof rows)[number]) => r.programmeId === p.id;
    const allocated = total((r) => r.toProgrammes, mine);
    const toCalls = total((r) => r.toCalls, mine);
    return {
      id: p.id,
      name: p.name,
      account: ledgerAccount.programme(p.id, year),
      figures: { appropriated: 0, allocated, reserved: total((r) => r.reserved, mine), committed: total((r) => r.committed, mine), disbursed: total((r) => r.disbursed, mine), unallocated: allocated - toCalls },
      calls: callRows.filter((c) => c.programmeId === p.id).map((c) => ({ id: c.id, title: c.title, account: ledgerAccount.call(c.id), ceilingMinor: c.ceilingMinor, figures: callFigures(c.id) })),
    };
  });
  const appropriated = total((r) => r.appropriated);
  const allocated = total((r) => r.toProgrammes);
  const reserved = total((r) => r.reserved);
  const committed = total((r) => r.committed);
  return {
    year,
    currency: BASE_CURRENCY,
    totals: { appropriated, allocated, reserved, committed, disbursed: total((r) => r.disbursed), unallocated: appropriated - allocated, remaining: appropriated - reserved - committed },
    programmes: programmeList,
    years: [...new Set([...yearRows.map((r) => Number(r.year)), year])].sort((a, b) => b - a),
  };
}
