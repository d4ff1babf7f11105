import { Worker } from 'node:worker_threads';
import type { Results, RowMode } from '@electric-sql/pglite';

/** What the server's thread asks of the database's (db/pglite-thread-worker.ts). */
export type ThreadRequest = { id: number } & (
  | { kind: 'query'; text: string; params: unknown[]; rowMode: RowMode | undefined; textTypes: number[]; transaction?: number }
  | { kind: 'begin' }
  | { kind: 'end'; transaction: number; commit: boolean }
  | { kind: 'close' }
);
export type ThreadReply = { id: number; value?: unknown; error?: Record<string, unknown> };
export interface ThreadStart {
  dataDir?: string;
  loadDataDir?: Blob;
}

interface QueryOptions {
  rowMode?: RowMode;
  parsers?: Record<number, (value: string, typeId?: number) => unknown>;
  serializers?: unknown;
  blob?: unknown;
}
/** The part of PGlite that drizzle's PGlite driver uses: `query` and `transaction`. */
export interface ThreadQueryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>>;
}
export interface ThreadTransaction extends ThreadQueryable {
  closed: boolean;
}
export interface PgliteThread extends ThreadQueryable {
  transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The embedded database in a thread of its own (decision 026). PGlite runs PostgreSQL compiled to
 * WebAssembly, synchronously, in the thread that calls it: in the server's thread it was a third to
 * nearly half of a data page's CPU, and pages waited for each other's statements. Here it answers by
 * message from a worker thread, so rendering one page and running another's statements go on at once
 * on two cores.
 *
 * drizzle's PGlite driver takes this as its client: it calls `query` (with parsers that keep dates and
 * timestamps as PostgreSQL's text, which the worker applies itself, since functions cannot cross) and
 * `transaction`, whose statements run in the worker inside PGlite's own transaction, which commits
 * when the callback here returns and rolls back when it throws.
 */
export async function openPgliteThread(start: ThreadStart, { onStopped }: { onStopped?: (error: Error) => void } = {}): Promise<PgliteThread> {
  const here = import.meta.url;
  // Compiled, the worker sits beside the server's bundle; from the sources (tests, tsx) it is TypeScript,
  // imported through tsx's API, since a worker does not take the hooks its parent was started with.
  const worker = here.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./pglite-thread-worker.ts', here).href)}, ${JSON.stringify(here)}))`, {
        eval: true,
        workerData: start,
      })
    : new Worker(new URL('./pglite-thread-worker.js', here), { workerData: start });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let counter = 0;
  let failed: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => waiting.set(0, { resolve: () => resolve(), reject }));
  worker.on('message', (reply: ThreadReply) => {
    const waiter = waiting.get(reply.id);
    if (!waiter) return;
    waiting.delete(reply.id);
    if (reply.error) waiter.reject(errorFrom(reply.error));
    else waiter.resolve(reply.value);
  });
  let opened = false;
  const stop = (error: Error) => {
    failed = error;
    if (opened) onStopped?.(error);
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`The embedded database's thread stopped (exit code ${code}).`)));
  await ready;
  opened = true;

  function ask(request: DistributiveOmit<ThreadRequest, 'id'>): Promise<unknown> {
    if (failed) return Promise.reject(failed);
    const id = (counter += 1);
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  const query = (transaction: number | undefined) =>
    (async (text: string, params: unknown[] = [], options?: QueryOptions) => {
      if (options?.serializers || options?.blob) throw new Error('The embedded database thread takes no serializers or blobs.');
      return ask({ kind: 'query', text, params, rowMode: options?.rowMode, textTypes: textTypes(options?.parsers), ...(transaction === undefined ? {} : { transaction }) });
    }) as ThreadQueryable['query'];

  return {
    query: query(undefined),
    async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
      const id = (await ask({ kind: 'begin' })) as number;
      const tx: ThreadTransaction = { query: query(id), closed: false };
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        tx.closed = true;
        await ask({ kind: 'end', transaction: id, commit: false });
        throw error;
      }
      tx.closed = true;
      await ask({ kind: 'end', transaction: id, commit: true });
      return result;
    },
    async close() {
      if (failed) return;
      await ask({ kind: 'close' });
      worker.removeAllListeners('exit');
      await worker.terminate();
      failed = new Error('The embedded database is closed.');
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The types whose values are to stay PostgreSQL's text. Only parsers that give back what they are given
 * can be carried to the worker (by their types); any other is refused rather than silently dropped.
 */
function textTypes(parsers: QueryOptions['parsers']): number[] {
  if (!parsers) return [];
  // A prepared statement hands the same parsers with every run: their types are read once.
  let types = typesOfParsers.get(parsers);
  if (!types) {
    types = Object.entries(parsers).map(([type, parser]) => {
      if (parser('1', Number(type)) !== '1') throw new Error(`The embedded database thread keeps values as text only; type ${type} has another parser.`);
      return Number(type);
    });
    typesOfParsers.set(parsers, types);
  }
  return types;
}
const typesOfParsers = new WeakMap<NonNullable<QueryOptions['parsers']>, number[]>();

/** The worker's error, rebuilt here with PostgreSQL's fields (code, constraint, detail…) for the callers that read them. */
function errorFrom(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message));
  Object.assign(error, fields);
  return error;
}
