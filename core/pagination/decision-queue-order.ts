import { asc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The order of a list of reports to decide on (results reports, financial reports): submitted ones, which
 * wait for a decision, first; then the others; the most recently changed first within each; then by id.
 * Selected as `rank` and `changed`, it pages by keyset with the cursor key `rank:changed`
 * (core/pagination/keyset-page.ts).
 */
export function decisionQueueOrder(table: { status: PgColumn; updatedAt: PgColumn; id: PgColumn }) {
  const rank = sql<number>`(case when ${table.status} = 'submitted' then 0 else 1 end)`;
  const changed = sql<string>`to_char(date_trunc('milliseconds', ${table.updatedAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return {
    rank,
    changed,
    orderBy: [asc(rank), sql`${changed} desc`, asc(table.id)],
    /** The rows after a decoded cursor (undefined for the first page). */
    after(cursor: [string, string] | null): SQL | undefined {
      if (!cursor) return undefined;
      const [key, id] = cursor;
      const [r, at] = [Number(key.slice(0, 1)), key.slice(2)];
      return sql`(${rank} > ${r} or (${rank} = ${r} and (${changed} < ${at} or (${changed} = ${at} and ${table.id} > ${id}))))`;
    },
    /** The cursor of a page's last row. */
    key: (last: { rank: number; changed: string; id: string }): [string, string] => [`${last.rank}:${last.changed}`, last.id],
  };
}
