import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { FLOW_COUNTS_READ_PAGE, flowCountsInMemory, type FlowCounts } from './flow-counts-in-memory.ts';

const testDb = useTestDatabase();

const people = (counts: FlowCounts) => counts.people.subarray(0, counts.size).reduce((sum, n) => sum + n, 0);
const currentXid = async () => BigInt((await rawRows<{ xid: string }>(testDb.db, sql`select pg_current_xact_id()::text as xid`))[0]!.xid);

describe('the copy of participant_flow_counts in memory', () => {
  it('reads every row written since its last read, pages of them in transaction order, where the ids gain a digit', async () => {
    const programme = await createProgramme(testDb.db, { code: 'xid-order' });
    const counts = await flowCountsInMemory(testDb.db);
    expect(people(counts)).toBe(0);
    // Two transactions whose ids read in another order as text (…999 and …1000): the first writes a few rows,
    // the second a full page of them. Ordered as text, the second's page came first and the next page began
    // after it, past the first's rows.
    let xid = await currentXid();
    const boundary = 10n ** BigInt(String(xid + 3n).length);
    while (xid < boundary - 2n) xid = await currentXid();
    const write = (rows: number, ageBand: string) =>
      testDb.db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into participant_flow_counts (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band, people)
          select '', 1000 + g, 'MW', 'NO', ${programme.id}, 'north_south', '', 'female', ${ageBand}, 1 from generate_series(1, ${rows}) g`);
        return BigInt((await rawRows<{ xid: string }>(tx, sql`select pg_current_xact_id()::text as xid`))[0]!.xid);
      });
    const first = await write(10, 'a');
    const second = await write(FLOW_COUNTS_READ_PAGE, 'b');
    expect(String(first).length).toBeLessThan(String(second).length);
    expect(people(await flowCountsInMemory(testDb.db))).toBe(10 + FLOW_COUNTS_READ_PAGE);
  });
});
