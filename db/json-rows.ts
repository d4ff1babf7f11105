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

/**
 * `(select json_agg(row order by …) from … where …)`: the list of rows of these columns, null when there are
 * none; read it back with `fromJsonRows`. `from` is the rest of the subselect (its tables, joins and where).
 * The subselect's clauses come as SQL of their own on purpose: in a query of a single table (no join), Drizzle
 * writes the columns at the top of a selected SQL field without their table, so a correlation such as
 * `call_criteria.call_id = applications.call_id` written there would become `"call_id" = "call_id"`, true for
 * every row. Columns inside a nested SQL keep their table whatever the outer query is.
 */
export function jsonList(columns: Record<string, Column>, { from, orderBy }: { from: SQL; orderBy?: SQL }): SQL<Record<string, unknown>[] | null> {
  return sql<Record<string, unknown>[] | null>`(select json_agg(${jsonObjectOf(columns)}${orderBy ? sql` order by ${orderBy}` : sql``}) ${from})`;
}

