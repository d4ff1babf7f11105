import type { SQL } from 'drizzle-orm';
import type { Database } from './database.ts';

/** The rows of a raw SQL query: both drivers (PGlite and node-postgres) answer with `{ rows }`. */
export async function rawRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
