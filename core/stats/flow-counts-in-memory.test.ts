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
    // Rows of two transactions whose ids read in another order as text (…999 and …1000): the first's few rows,
    // the second's a full page. Ordered as text, the second's page came first and the next page began after it,
    // past the first's rows. The ids are written as the rows' own, just above the current one: waiting for the
    // database's ids to reach a power of ten took from a second to hours, depending on where they stood.
    const current = await currentXid();
    const boundary = 10n ** BigInt(String(current + 2n).length);
    const write = (rows: number, ageBand: string, xid: bigint) =>
      testDb.db.execute(sql`
        insert into participant_flow_counts (sdg_goal, year, home_country, host_country, programme_id, shape, sector_code, gender, age_band, people, changed_xid)
        select '', 1000 + g, 'MW', 'NO', ${programme.id}, 'north_south', '', 'female', ${ageBand}, 1, ${String(xid)}::xid8 from generate_series(1, ${rows}) g`);
    await write(10, 'a', boundary - 1n);
    await write(FLOW_COUNTS_READ_PAGE, 'b', boundary);
    expect(String(boundary - 1n).length).toBeLessThan(String(boundary).length);
    expect(people(await flowCountsInMemory(testDb.db))).toBe(10 + FLOW_COUNTS_READ_PAGE);
  });
});
