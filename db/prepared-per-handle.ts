import type { Database } from './database.ts';
import { sql, type Placeholder } from 'drizzle-orm';

/**
 * A statement that many requests send, built once per database handle under its name and prepared
 * (`prepare(name)`): drizzle then writes its SQL once instead of on every request, and on PostgreSQL the
 * connection parses and plans it once. `name` is the statement's name on the server, so each shape of a query
 * has its own (`list_tranches_sy`, a list filtered by status and year): values change, the SQL under a name
 * never does, and what differs goes in as placeholders (`sql.placeholder`). PostgreSQL keeps a name's first 63
 * characters: two names alike in those would be one statement, so names stay short (letters for filters).
 */
const kept = new WeakMap<Database, Map<string, unknown>>();

export function preparedPerHandle<P>(db: Database, name: string, prepare: (name: string) => P): P {
  let byName = kept.get(db);
  if (!byName) kept.set(db, (byName = new Map()));
  let statement = byName.get(name) as P | undefined;
  if (statement === undefined) byName.set(name, (statement = prepare(name)));
  return statement;
}

/**
 * How a query written once takes its values: as they are, for a statement built for one request
 * (`inlineValues`), or as placeholders of the same names, for one prepared per handle and sent with the values
 * (`placeholderValues`). A list whose scope names the reader's organisations is built per request; the agency's,
 * the same for everyone in it, is prepared.
 */
export type Bind = <T>(name: string, value: T) => T | Placeholder;
export const inlineValues: Bind = (_name, value) => value;
export const placeholderValues: Bind = (name) => sql.placeholder(name);

/** A query drizzle can send as it is or prepare under a name. */
interface PreparableQuery<R> extends PromiseLike<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R> };
}

/**
 * A query written once with `Bind`, sent: with `name`, prepared once per handle under it and sent with `values`
 * (a scope the same for everyone who has it); without, built for this request with the values inline.
 */
export async function sendQuery<R>(db: Database, name: string | null, build: (bind: Bind) => PreparableQuery<R>, values: Record<string, unknown>): Promise<R> {
  if (name === null) return build(inlineValues);
  return preparedPerHandle(db, name, (statement) => build(placeholderValues).prepare(statement)).execute(values);
}
