import { describe, expect, it } from 'vitest';
import { agency } from './schema/agency.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';
import { withSharedReadCache, sharedRead } from './shared-read-cache.ts';
import type { Database } from './database.ts';

const testDb = useTestDatabase();

/** A counting read of the agency's names: how often the database was really asked. */
function countingRead(db: Database) {
  let reads = 0;
  const read = () =>
    sharedRead(db, 'agency-names', async () => {
      reads += 1;
      const rows = await db.select({ name: agency.name }).from(agency);
      return rows.map((r) => r.name);
    });
  return { read, reads: () => reads };
}

describe('the shared-read cache', () => {
  it('reads every time through a handle without the cache', async () => {
    const { read, reads } = countingRead(testDb.db);
    await read();
    await read();
    expect(reads()).toBe(2);
  });

  it('keeps the answer of a query builder, not the builder (awaiting a builder runs its statement again)', async () => {
    const db = withSharedReadCache(testDb.db);
    let statements = 0;
    const query = db.select({ name: agency.name }).from(agency);
    const run = query.then.bind(query);
    query.then = ((...args: Parameters<typeof run>) => {
      statements += 1;
      return run(...args);
    }) as typeof query.then;
    const first = await sharedRead(db, 'agency-builder', () => query);
    expect(await sharedRead(db, 'agency-builder', () => query)).toEqual(first);
    expect(statements).toBe(1);
  });

  it('answers from memory until a transaction ends, then reads the new data', async () => {
    const db = withSharedReadCache(testDb.db);
    const { read, reads } = countingRead(db);
    const before = await read();
    expect(await read()).toEqual(before);
    expect(reads()).toBe(1);
    await db.transaction(async (tx) => {
      await tx.insert(agency).values({ name: 'Norec Førde', shortName: 'Norec', city: 'Førde', countryCode: 'NO' });
    });
    expect(await read()).toEqual([...before, 'Norec Førde']);
    expect(reads()).toBe(2);
    // A transaction that fails also ends a generation: nothing is assumed about what it changed.
    await expect(db.transaction(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await read();
    expect(reads()).toBe(3);
  });

  it('keeps at most maxEntries answers, dropping the one stored longest ago', async () => {
    const db = withSharedReadCache(testDb.db, { maxEntries: 2 });
    let reads = 0;
    const read = (key: string) => sharedRead(db, key, async () => (reads += 1));
    await read('a');
    await read('b');
    await read('c'); // 'a' goes
    await read('b');
    await read('c');
    expect(reads).toBe(3);
    await read('a');
    expect(reads).toBe(4);
  });

  it('bounds a pool apart from the other answers, and a transaction ends the pool\'s answers too', async () => {
    const db = withSharedReadCache(testDb.db, { maxEntries: 10 });
    const pool = { name: 'pages', maxEntries: 1 };
    let reads = 0;
    const page = (key: string) => sharedRead(db, key, async () => (reads += 1), pool);
    const other = (key: string) => sharedRead(db, key, async () => (reads += 1));
    await other('a');
    await page('p');
    await page('q'); // 'p' goes, 'a' stays
    expect(reads).toBe(3);
    await other('a');
    await page('q');
    expect(reads).toBe(3);
    await page('p');
    expect(reads).toBe(4);
    await db.transaction(async () => undefined);
    await page('p');
    expect(reads).toBe(5);
  });

  it('never keeps an answer whose read began before a commit', async () => {
    const db = withSharedReadCache(testDb.db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const writing = db.transaction(async (tx) => {
      inside();
      await held;
      await tx.insert(agency).values({ name: 'Norec Oslo', shortName: 'Norec', city: 'Oslo', countryCode: 'NO' });
    });
    await opened;
    const { read, reads } = countingRead(db);
    const during = read(); // begun while the transaction is open
    release();
    await writing;
    await during;
    expect(await read()).toContain('Norec Oslo');
    expect(reads()).toBe(2);
  });

  it('does not keep a failed read, and drops answers older than their age limit', async () => {
    const db = withSharedReadCache(testDb.db, { maxAgeMs: 0 });
    let calls = 0;
    const load = async (fail: boolean) => {
      calls += 1;
      if (fail) throw new Error('database away');
      return calls;
    };
    await expect(sharedRead(db, 'figures', () => load(true))).rejects.toThrow('database away');
    await sharedRead(db, 'figures', () => load(false));
    await sharedRead(db, 'figures', () => load(false));
    expect(calls).toBe(3);
  });
});
