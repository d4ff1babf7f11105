import { parentPort, workerData } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { createPglite } from './create-pglite.ts';
import type { ThreadReply, ThreadRequest, ThreadStart } from './pglite-thread.ts';

/**
 * The embedded database's own thread (db/pglite-thread.ts starts it; decision 026): PGlite, with its
 * prepared reads, answering the server's thread by message. Each statement runs as PGlite's own `query`
 * would run it in the server's thread, under the same lock, so transactions and reads keep their order.
 */
const start = workerData as ThreadStart;
const port = parentPort!;

/** A transaction held open for the server's thread: its statements come one message at a time. */
interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean) => void;
  settled: Promise<unknown>;
}
const transactions = new Map<number, OpenTransaction>();
let transactionCounter = 0;
/** Thrown inside PGlite's transaction to make it roll back; never leaves this file. */
const rollback = Symbol('rollback');
/** drizzle asks for dates, timestamps and intervals as PostgreSQL's text: the same parsers, one object per set of types. */
const textParsers = new Map<string, Record<number, (value: string) => string>>();

const client = await createPglite(start);

function parsersFor(types: number[]) {
  if (types.length === 0) return undefined;
  const key = types.join(',');
  let parsers = textParsers.get(key);
  if (!parsers) textParsers.set(key, (parsers = Object.fromEntries(types.map((type) => [type, (value: string) => value]))));
  return parsers;
}

async function answer(request: ThreadRequest): Promise<unknown> {
  switch (request.kind) {
    case 'query': {
      const target = request.transaction === undefined ? client : transactions.get(request.transaction)?.tx;
      if (!target) throw new Error('The transaction has already ended.');
      const result = await target.query(request.text, request.params, { rowMode: request.rowMode, parsers: parsersFor(request.textTypes) });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'begin': {
      const id = (transactionCounter += 1);
      let began!: () => void;
      const open = new Promise<void>((resolve) => (began = resolve));
      const settled = client.transaction(async (tx) => {
        const ended = new Promise<boolean>((resolve) => transactions.set(id, { tx, end: resolve, settled }));
        began();
        if (!(await ended)) throw rollback;
      });
      // A transaction that cannot begin (the database closed) rejects before it opens.
      await Promise.race([open, settled]);
      return id;
    }
    case 'end': {
      const open = transactions.get(request.transaction);
      if (!open) throw new Error('The transaction has already ended.');
      open.end(request.commit);
      try {
        await open.settled;
      } catch (error) {
        if (error !== rollback) throw error;
      } finally {
        transactions.delete(request.transaction);
      }
      return undefined;
    }
    case 'close':
      await client.close();
      return undefined;
  }
}

port.on('message', (request: ThreadRequest) => {
  answer(request).then(
    (value) => port.postMessage({ id: request.id, value } satisfies ThreadReply),
    (error: unknown) => port.postMessage({ id: request.id, error: describeError(error) } satisfies ThreadReply),
  );
});
port.postMessage({ id: 0, value: 'ready' } satisfies ThreadReply);

/** An error as plain data: its message, name, stack and PostgreSQL's fields (code, constraint, detail…). */
function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function') continue;
    if (typeof value === 'object' && value !== null) continue;
    fields[key] = value;
  }
  return { ...fields, message: error.message, name: error.name, stack: error.stack };
}
