import { and, eq, gt, or, type Placeholder, type SQL } from 'drizzle-orm';
import { encodeCursor } from './keyset-cursor.ts';

/**
 * The rows after a cursor's place in a list ordered by a text key, then id: the condition a page's
 * query adds (undefined for the first page), its values as they are or as placeholders (db/prepared-per-handle.ts).
 * Every keyset-paged list says it this way.
 */
type Column = Parameters<typeof gt>[0];

export function afterCursor(sortKey: Column, id: Column, cursor: [string | Placeholder, string | Placeholder] | null): SQL | undefined {
  if (!cursor) return undefined;
  return or(gt(sortKey, cursor[0]), and(eq(sortKey, cursor[0]), gt(id, cursor[1])));
}

/**
 * A page of a keyset-paged list from what its query gave: the query asks for `size + 1` rows (one more
 * tells that a next page exists) and each row carries the list's total, counted by the same filters in
 * the same statement. `count` is asked only for a page past the end, which has no row to carry it.
 */
export async function keysetPage<Row extends { total: number }>(
  rows: Row[],
  { size, cursor, count, key }: { size: number; cursor: [string, string] | null; count: () => Promise<{ total: number }[]>; key: (item: Omit<Row, 'total'>) => [string, string] },
): Promise<{ items: Omit<Row, 'total'>[]; total: number; next: string | null }> {
  const total = rows[0]?.total ?? (cursor ? ((await count())[0]?.total ?? 0) : 0);
  const items = rows.slice(0, size).map(({ total: _, ...item }) => item);
  const last = items.at(-1);
  return { items, total, next: rows.length > size && last ? encodeCursor(...key(last)) : null };
}
