import type { Database } from './database.ts';

/**
 * Reads that every request answers alike (the agency in the header, the directories' filter choices),
 * kept in memory between writes. The server reads and writes through a handle made by
 * `withSharedReadCache` (server/start-server.ts); through any other handle (tests, scripts, the email
 * worker's, a transaction's own) `sharedRead` simply reads.
 *
 * Correctness rests on one rule: an answer is used only while no transaction has ended since the read
 * began. Every write in core runs in `db.transaction` (the audit entry is written in it), and each one
 * that ends, committed or not, starts a new generation; an answer is stored with the generation seen
 * when its read began, so a read that overlapped a commit is never kept. A second server on the same
 * PostgreSQL does not see this server's writes: answers are therefore also dropped after `maxAgeMs`.
 */
interface CacheState {
  generation: number;
  maxAgeMs: number;
  /** At most this many answers: the oldest stored goes first (a key per record, as the partnership pages have, is bounded so). */
  maxEntries: number;
  entries: Map<string, Entry>;
  /** Answers bounded apart from the others, by name: rendered pages are large, so there are fewer of them. */
  pools: Map<string, Map<string, Entry>>;
}
interface Entry {
  generation: number;
  storedAt: number;
  value: Promise<unknown>;
}

/**
 * The state hangs on the handle under a registered symbol, not in a module-level map: the pages' build
 * (build/server/index.js) and the server's bundle (build/server.js) each carry a copy of this module.
 */
const stateKey = Symbol.for('mutual-exchange.shared-read-cache');
type CachingHandle = Database & { [stateKey]?: CacheState };

/**
 * A handle on the same database whose transactions keep the cache honest. Writes made through another
 * handle are not seen (the email worker's outbox claims, which no cached read depends on).
 */
export function withSharedReadCache(base: Database, { maxAgeMs = 60_000, maxEntries = 1000 }: { maxAgeMs?: number; maxEntries?: number } = {}): Database {
  const db = Object.create(base) as CachingHandle;
  const state: CacheState = { generation: 0, maxAgeMs, maxEntries, entries: new Map(), pools: new Map() };
  Object.defineProperty(db, stateKey, { value: state, enumerable: false });
  const transaction = base.transaction.bind(base);
  db.transaction = (async (...args: Parameters<typeof transaction>) => {
    try {
      return await transaction(...args);
    } finally {
      forgetSharedReads(db);
    }
  }) as typeof db.transaction;
  return db;
}

/**
 * Everything kept on the handle ended now, as a transaction's end does: for writes made where the handle does
 * not see them (better-auth's own, on sessions: server/auth/create-auth.ts). Any other handle: nothing to do.
 */
export function forgetSharedReads(db: Database): void {
  const state = Object.hasOwn(db, stateKey) ? (db as CachingHandle)[stateKey] : undefined;
  if (!state) return;
  state.generation += 1;
  state.entries.clear();
  state.pools.clear();
}

/** A pool of answers kept apart: at most `maxEntries`, none older than `maxAgeMs` when given (else the handle's bound). */
export interface SharedReadPool {
  name: string;
  maxEntries: number;
  maxAgeMs?: number;
}

/**
 * `load()`'s answer, from memory when the cache is on and nothing was written since it was read. A `pool`
 * keeps its answers apart, at most `maxEntries` of them (answers of a few hundred bytes share the handle's bound).
 */
export function sharedRead<T>(db: Database, key: string, load: () => PromiseLike<T>, pool?: SharedReadPool): Promise<T> {
  const state = Object.hasOwn(db, stateKey) ? (db as CachingHandle)[stateKey] : undefined;
  if (!state) return Promise.resolve(load());
  let entries = state.entries;
  if (pool) {
    const pooled = state.pools.get(pool.name);
    if (pooled) entries = pooled;
    else state.pools.set(pool.name, (entries = new Map()));
  }
  const now = Date.now();
  const entry = entries.get(key);
  if (entry && entry.generation === state.generation && now - entry.storedAt < Math.min(state.maxAgeMs, pool?.maxAgeMs ?? Infinity)) return entry.value as Promise<T>;
  const generation = state.generation;
  // Settled once and kept as a promise: a drizzle query is a thenable that runs its statement again every
  // time it is awaited, so the builder itself must never be what is kept.
  const value = Promise.resolve(load());
  entries.delete(key);
  entries.set(key, { generation, storedAt: now, value });
  // A Map keeps insertion order: the first key is the answer stored longest ago.
  if (entries.size > (pool?.maxEntries ?? state.maxEntries)) entries.delete(entries.keys().next().value!);
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
