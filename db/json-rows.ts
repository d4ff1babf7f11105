import { sql, type Column, type SQL } from 'drizzle-orm';

/** A row of these columns as the query builder reads it: each column's type, null where the column allows it. */
export type JsonRow<C extends Record<string, Column>> = { [K in keyof C]: C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `json_build_object` of these columns under their TypeScript names: one row of a `json_agg` subselect, so that
 * a record and its lists come back in one statement instead of one query per list (each costs a round trip
 * and its own parse and plan). Read the list back with `fromJsonRows`.
 */
export function jsonObjectOf(columns: Record<string, Column>): SQL {
  return sql`json_build_object(${sql.join(
    Object.entries(columns).map(([key, column]) => {
      if (!identifier.test(key)) throw new Error(`jsonObjectOf: ${key} is not a plain name`);
      return sql`${sql.raw(`'${key}'`)}, ${column}`;
    }),
    sql`, `,
  )})`;
}

/**
 * The rows of a `json_agg(jsonObjectOf(columns))` as the query builder would have read them: each value through
 * its column's own mapping (timestamps as Date, numeric as number or string as the column says, JSON as is).
 */
export function fromJsonRows<C extends Record<string, Column>>(columns: C, rows: readonly Record<string, unknown>[] | null): JsonRow<C>[] {
  return (rows ?? []).map((row) => {
    const read: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns)) {
      const value = row[key];
      read[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return read as JsonRow<C>;
  });
}
