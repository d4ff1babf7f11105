import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPreparedReads } from './pglite-prepared-reads.ts';
import { openPgliteThread, type PgliteThread } from './pglite-thread.ts';

const table = `create table t (id uuid primary key, n numeric, at timestamptz, day date, tags text[], data jsonb, big bigint, flag boolean, bytes bytea, note text unique)`;
const row = `insert into t values ('6f1c1e1a-0000-4000-8000-000000000001', 12.50, '2026-03-01T10:00:00Z', '2026-03-01', '{a,b}', '{"x": [1, 2]}', 9007199254740993, true, '\\x00ff', 'first')`;
/** drizzle's parsers for a query: dates and timestamps stay PostgreSQL's text. */
const keepText = { 1184: (value: string) => value, 1082: (value: string) => value };

let thread: PgliteThread;
let plain: PGlite;
beforeAll(async () => {
  // One database made, then loaded by the thread too: the same table and row on both sides, one initdb.
  plain = await PGlite.create();
  await plain.exec(`${table}; ${row}`);
  thread = await openPgliteThread({ loadDataDir: await plain.dumpDataDir('none') });
  withPreparedReads(plain);
});
afterAll(async () => {
  await thread.close();
  await plain.close();
});
const count = async () => (await thread.query<{ count: number }>('select count(*)::int as count from t')).rows[0]!.count;

describe('the embedded database in its own thread', () => {
  it('answers as PGlite in the same thread does, for every kind of value, in both row modes, with drizzle’s parsers', async () => {
    const text = 'select * from t where id = $1 and at < $2 and n > $3';
    const params = ['6f1c1e1a-0000-4000-8000-000000000001', new Date('2027-01-01T00:00:00Z'), 1];
    for (const options of [undefined, { rowMode: 'array' as const }, { rowMode: 'array' as const, parsers: keepText }, { parsers: keepText }]) {
      const mine = await thread.query(text, params, options);
      const theirs = await plain.query(text, params, options);
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.fields).toEqual(theirs.fields);
      expect(mine.rows).toHaveLength(1);
    }
    const [asText] = (await thread.query<{ at: unknown; day: unknown }>('select at, day from t', [], { parsers: keepText })).rows;
    expect(asText).toEqual({ at: '2026-03-01 10:00:00+00', day: '2026-03-01' });
    expect((await thread.query<{ at: unknown }>('select at from t')).rows[0]!.at).toBeInstanceOf(Date);
  });

  it('refuses a parser it cannot carry across rather than dropping it', async () => {
    await expect(thread.query('select at from t', [], { parsers: { 1184: (value: string) => `at ${value}` } })).rejects.toThrow(/text only/);
  });

  it('passes PostgreSQL’s errors on with their code and constraint, and goes on answering', async () => {
    await expect(thread.query('select * from t where id = $1', ['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    await expect(thread.query(`insert into t (id, note) values ('6f1c1e1a-0000-4000-8000-000000000009', 'first')`)).rejects.toMatchObject({
      code: '23505',
      constraint: 't_note_key',
      message: expect.stringContaining('duplicate key'),
    });
    expect(await count()).toBe(1);
  });

  it('commits drizzle’s transaction when its callback returns and rolls it back when it throws, savepoints included', async () => {
    const db = drizzle({ client: thread as unknown as PGlite });
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id, note) values ('6f1c1e1a-0000-4000-8000-000000000002', 'second')`);
      // A nested transaction that fails is undone alone; the outer one goes on.
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(sql`insert into t (id, note) values ('6f1c1e1a-0000-4000-8000-000000000003', 'third')`);
          await inner.execute(sql`insert into t (id, note) values ('6f1c1e1a-0000-4000-8000-000000000004', 'first')`);
        }),
      ).rejects.toMatchObject({ cause: { code: '23505' } });
    });
    expect((await thread.query<{ note: string }>('select note from t order by note')).rows.map((r) => r.note)).toEqual(['first', 'second']);

    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`delete from t where note = 'second'`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(2);
    await db.execute(sql`delete from t where note = 'second'`);
  });

  it('holds a read until another caller’s transaction has ended, never reading inside it', async () => {
    let finish!: () => void;
    const transaction = thread.transaction(async (tx) => {
      await tx.query(`insert into t (id, note) values ('6f1c1e1a-0000-4000-8000-000000000005', 'fifth')`);
      await new Promise<void>((resolve) => (finish = resolve));
      await tx.query(`insert into t (id, note) values ('6f1c1e1a-0000-4000-8000-000000000006', 'sixth')`);
    });
    while (!finish) await new Promise((resolve) => setTimeout(resolve, 5));
    let answered = false;
    const read = count().then((n) => ((answered = true), n));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    finish();
    await transaction;
    expect(await read).toBe(3);
    await thread.query(`delete from t where note in ('fifth', 'sixth')`);
  });

  it('answers many callers at once, each with its own answer', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => thread.query<{ i: number }>('select $1::int as i', [i])));
    expect(answers.map((a) => a.rows[0]!.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('fails to open, with PGlite’s reason, where the database cannot be made', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'pglite-thread-'));
    try {
      const file = join(dir, 'not-a-directory');
      writeFileSync(file, 'x');
      await expect(openPgliteThread({ dataDir: join(file, 'pglite') })).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps what it wrote in its data directory, and refuses work once closed', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'pglite-thread-'));
    try {
      const first = await openPgliteThread({ dataDir });
      await first.query('create table kept (note text)');
      await first.query(`insert into kept values ('still here')`);
      await first.close();
      await expect(first.query('select 1')).rejects.toThrow(/closed/);
      const again = await openPgliteThread({ dataDir });
      expect((await again.query('select note from kept')).rows).toEqual([{ note: 'still here' }]);
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
