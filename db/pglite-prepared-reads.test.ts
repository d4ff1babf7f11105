import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withPreparedReads } from './pglite-prepared-reads.ts';

/** The table every test reads, made once and dumped: each test loads its own copy (0.4 s) instead of making a database (1.5–2.4 s). */
let made: File | Blob;
beforeAll(async () => {
  const maker = await PGlite.create();
  await maker.exec(`create table t (id uuid primary key, n numeric, at timestamptz, tags text[], data jsonb, big bigint, note text);
    insert into t values ('6f1c1e1a-0000-4000-8000-000000000001', 12.50, '2026-03-01T10:00:00Z', '{a,b}', '{"x": [1, 2]}', 9007199254740993, null)`);
  made = await maker.dumpDataDir('none');
  await maker.close();
});
const opened: PGlite[] = [];
async function database(options?: { maxStatements?: number }) {
  const client = await PGlite.create({ loadDataDir: made });
  opened.push(client);
  withPreparedReads(client, options);
  return client;
}
/** The statements kept, asked through `exec` (the simple protocol), which is not one of them. */
const kept = async (client: PGlite) => (await client.exec(`select name, generic_plans, custom_plans from pg_prepared_statements`))[0]!.rows as { name: string; generic_plans: number; custom_plans: number }[];
afterEach(async () => {
  for (const client of opened.splice(0)) await client.close();
});

describe('reads as prepared statements on PGlite', () => {
  it('answer as PGlite’s own query does, for every kind of value, in both row modes', async () => {
    const client = await database();
    // The same table without prepared reads: PGlite's own answers.
    const plain = await PGlite.create({ loadDataDir: made });
    opened.push(plain);
    const sql = 'select * from t where id = $1 and at < $2 and n > $3';
    const params = ['6f1c1e1a-0000-4000-8000-000000000001', new Date('2027-01-01T00:00:00Z'), 1];
    for (const options of [undefined, { rowMode: 'array' as const }]) {
      const mine = await client.query(sql, params, options);
      const theirs = await plain.query(sql, params, options);
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.fields).toEqual(theirs.fields);
      expect(mine.rows).toHaveLength(1);
    }
    expect((await client.query('select $1::text as x', [null])).rows).toEqual([{ x: null }]);
    // A query's own parsers (drizzle gives each query some) apply to that query, over the client's, as in PGlite's own.
    const asText = { parsers: { 1184: (value: string) => `at ${value}` } };
    const own = await client.query<{ at: string; n: number }>('select at, n from t', [], asText);
    expect(own.rows).toEqual((await plain.query('select at, n from t', [], asText)).rows);
    expect(own.rows[0]!.at).toMatch(/^at 2026-03-01/);
    expect((await client.query<{ at: unknown }>('select at from t')).rows[0]!.at).toBeInstanceOf(Date);
  });

  it('parse each statement once and keep its plan', async () => {
    const client = await database();
    for (let i = 0; i < 8; i++) await client.query('select id from t where n > $1', [i]);
    const [statement] = (await kept(client)).filter((s) => s.name.startsWith('mx_read_'));
    expect(statement!.generic_plans + statement!.custom_plans).toBe(8);
    expect(statement!.generic_plans).toBeGreaterThan(0);
  });

  it('keep the most recently used statements only', async () => {
    const client = await database({ maxStatements: 2 });
    for (const column of ['id', 'n', 'at', 'n']) await client.query(`select ${column} from t`);
    expect((await kept(client)).filter((s) => s.name.startsWith('mx_read_')).map((s) => s.name).sort()).toEqual(['mx_read_2', 'mx_read_3']);
  });

  it('wait for another caller’s transaction, never reading inside it', async () => {
    const client = await database();
    let finish!: () => void;
    const transaction = client.transaction(async (tx) => {
      await tx.query(`insert into t (id) values ('6f1c1e1a-0000-4000-8000-000000000002')`);
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    let answered = false;
    const read = client.query<{ count: number }>('select count(*)::int as count from t').then((result) => ((answered = true), result));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    finish();
    await transaction;
    expect((await read).rows).toEqual([{ count: 2 }]);
  });

  it('throw PostgreSQL’s error with its code, and go on answering', async () => {
    const client = await database();
    await expect(client.query('select * from t where id = $1', ['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    await expect(client.query('select nothing from t')).rejects.toMatchObject({ code: '42703' });
    expect((await client.query('select * from t where id = $1', ['6f1c1e1a-0000-4000-8000-000000000001'])).rows).toHaveLength(1);
  });

  it('parse a statement again when its table changed, and leave writes to PGlite’s own path', async () => {
    const client = await database();
    expect(Object.keys((await client.query('select * from t')).rows[0]!)).not.toContain('extra');
    await client.query('alter table t add column extra text');
    await client.query(`update t set extra = 'yes'`);
    expect((await client.query<{ extra: string }>('select * from t')).rows[0]!.extra).toBe('yes');
  });
});
