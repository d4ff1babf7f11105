import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../tests/support/test-database.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL);

describe.skipIf(!onPostgres)('reads as named statements on PostgreSQL', () => {
  // One connection, so the prepared statements asked about are the ones the reads made.
  const testDb = useTestDatabase({ maxConnections: 1 });
  type Prepared = { name: string; statement: string; generic_plans: number; custom_plans: number };
  const prepared = async () => ((await testDb.db.execute(sql`select name, statement, generic_plans::int as generic_plans, custom_plans::int as custom_plans from pg_prepared_statements`)) as unknown as { rows: Prepared[] }).rows;

  it('name each read once per connection and keep its plan; writes stay unnamed', async () => {
    for (let i = 0; i < 7; i++) await testDb.db.execute(sql`select count(*) from agency where name <> ${`none ${i}`}`);
    await testDb.db.execute(sql`update agency set name = name where false`);
    const statements = await prepared();
    const read = statements.find((s) => s.statement.includes('from agency where name <>'));
    expect(read!.name).toMatch(/^mx_[0-9a-f]{24}$/);
    expect(read!.generic_plans + read!.custom_plans).toBe(7);
    expect(statements.some((s) => s.statement.startsWith('update'))).toBe(false);
  });
});
