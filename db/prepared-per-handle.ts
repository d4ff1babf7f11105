import type { Database } from './database.ts';

/**
 * A statement that many requests send, built once per database handle under its name and prepared
 * (`prepare(name)`): drizzle then writes its SQL once instead of on every request, and on PostgreSQL the
 * connection parses and plans it once. `name` is the statement's name on the server, so each shape of a query
 * has its own (`list_tranches_sy`, a list filtered by status and year): values change, the SQL under a name
 * never does, and what differs goes in as placeholders (`sql.placeholder`).
 */
const kept = new WeakMap<Database, Map<string, unknown>>();

export function preparedPerHandle<P>(db: Database, name: string, prepare: (name: string) => P): P {
  let byName = kept.get(db);
  if (!byName) kept.set(db, (byName = new Map()));
  let statement = byName.get(name) as P | undefined;
  if (statement === undefined) byName.set(name, (statement = prepare(name)));
  return statement;
}
