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
    /**
     * The rows after a decoded cursor (undefined for the first page), or, for a statement prepared once and
     * sent with `cursorValues`, after the cursor its placeholders will hold.
     */
    after(cursor: [string, string] | null | 'placeholders'): SQL | undefined {
      if (!cursor) return undefined;
      const { afterRank: r, afterChanged: at, afterId: id } =
        cursor === 'placeholders' ? { afterRank: sql.placeholder('afterRank'), afterChanged: sql.placeholder('afterChanged'), afterId: sql.placeholder('afterId') } : cursorValues(cursor);
      return sql`(${rank} > ${r} or (${rank} = ${r} and (${changed} < ${at} or (${changed} = ${at} and ${table.id} > ${id}))))`;
    },
    /** The cursor of a page's last row. */
    key: (last: { rank: number; changed: string; id: string }): [string, string] => [`${last.rank}:${last.changed}`, last.id],
  };
}

/** A decoded cursor as the placeholders of `after('placeholders')` take it. */
export function cursorValues([key, id]: [string, string]) {
  return { afterRank: Number(key.slice(0, 1)), afterChanged: key.slice(2), afterId: id };
}
