import { asc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { inlineValues, type Bind } from '../../db/prepared-per-handle.ts';

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
    /** The rows after a decoded cursor (undefined for the first page), its values as they are or as placeholders (db/prepared-per-handle.ts). */
    after(cursor: [string, string] | null, bind: Bind = inlineValues): SQL | undefined {
      if (!cursor) return undefined;
      const values = cursorValues(cursor);
      const [r, at, id] = [bind('afterRank', values.afterRank), bind('afterChanged', values.afterChanged), bind('afterId', values.afterId)];
      return sql`(${rank} > ${r} or (${rank} = ${r} and (${changed} < ${at} or (${changed} = ${at} and ${table.id} > ${id}))))`;
    },
    /** The cursor of a page's last row. */
    key: (last: { rank: number; changed: string; id: string }): [string, string] => [`${last.rank}:${last.changed}`, last.id],
  };
}

/** A decoded cursor's values under the names `after` gives their placeholders. */
export function cursorValues([key, id]: [string, string]) {
  return { afterRank: Number(key.slice(0, 1)), afterChanged: key.slice(2), afterId: id };
}
