import { Column, is, sql, type SQL, type Subquery } from 'drizzle-orm';
import type { Database } from './database.ts';

/** What a JSON object may hold: columns, read back through their own mapping, and expressions, read as JSON gives them. */
type JsonColumns = Record<string, Column | SQL>;

/** A row of these columns as the query builder reads it: each column's type, null where the column allows it; an expression's declared type. */
export type JsonRow<C extends JsonColumns> = {
  [K in keyof C]: C[K] extends Column ? (C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null) : C[K] extends SQL<infer T> ? T : never;
};

/**
 * `json_build_array` of these columns' values, in the order the object lists them: one row of a `json_agg`
 * subselect, so that a record and its lists come back in one statement instead of one query per list (each costs
 * a round trip and its own parse and plan). An array rather than an object: no names to write and read for
 * every value, so the database builds it in two thirds of the time and sends 40 % fewer characters (the tranche
 * list's page: 0.83 against 1.24 ms, 17.7 against 30.0 thousand characters, measured on the embedded database).
 * Read the list back with `fromJsonRows`.
 */
export function jsonRowOf(columns: JsonColumns): SQL {
  return sql`json_build_array(${sql.join(Object.values(columns), sql`, `)})`;
}

/**
 * The rows of a `json_agg(jsonRowOf(columns))` as the query builder would have read them, under the columns'
 * names: each value through its column's own mapping (timestamps as Date, numeric as number or string as the
 * column says, JSON as is).
 */
export function fromJsonRows<C extends JsonColumns>(columns: C, rows: readonly unknown[][] | null): JsonRow<C>[] {
  const readers = readersOf(columns);
  return (rows ?? []).map((row) => {
    const read: Record<string, unknown> = {};
    readers.forEach(([key, column], i) => {
      const value = row[i];
      read[key] = value === null || value === undefined ? null : column ? column.mapFromDriverValue(value) : value;
    });
    return read as JsonRow<C>;
  });
}

/** Each name with its column (null for an expression), worked out once per set of columns: lists use the same set on every request. */
const readersByColumns = new WeakMap<JsonColumns, [string, Column | null][]>();
function readersOf(columns: JsonColumns): [string, Column | null][] {
  let readers = readersByColumns.get(columns);
  if (!readers) {
    readers = Object.entries(columns).map(([key, column]) => [key, is(column, Column) ? column : null]);
    readersByColumns.set(columns, readers);
  }
  return readers;
}

/**
 * `(select json_agg(row order by …) from … where …)`: the list of rows of these columns, null when there are
 * none; read it back with `fromJsonRows`. `from` is the rest of the subselect (its tables, joins and where).
 * The subselect's clauses come as SQL of their own on purpose: in a query of a single table (no join), Drizzle
 * writes the columns at the top of a selected SQL field without their table, so a correlation such as
 * `call_criteria.call_id = applications.call_id` written there would become `"call_id" = "call_id"`, true for
 * every row. Columns inside a nested SQL keep their table whatever the outer query is.
 */
export function jsonList(columns: Record<string, Column>, { from, orderBy }: { from: SQL; orderBy?: SQL }): SQL<unknown[][] | null> {
  return sql<unknown[][] | null>`(select json_agg(${jsonRowOf(columns)}${orderBy ? sql` order by ${orderBy}` : sql``}) ${from})`;
}

/**
 * The fields that make a page's query read as one JSON value (`jsonPageQuery`): each row as one array of
 * `columns` (`line`), and its place in `order` (`n`), so the page keeps its order once aggregated.
 */
export function jsonPageFields(columns: JsonColumns, order: SQL) {
  return { line: sql`${jsonRowOf(columns)}`.as('line'), n: sql<number>`row_number() over (order by ${order})`.as('n') };
}

/**
 * A page of rows, ordered and limited in `page` (a subquery selecting `jsonPageFields` and the list's
 * `total`), read as one JSON value instead of a row per line: on the embedded database every value of every
 * row costs a few microseconds on its way out of its WebAssembly, and a page of 51 tranches took 2.2 ms as rows
 * against 0.9 ms as one value (measured on the demo, 300 runs each). Each row carries the total, as
 * core/pagination/keyset-page.ts expects. Read its answer with `fromJsonPage`.
 */
export function jsonPageQuery(db: Database, page: Subquery & { line: SQL.Aliased<unknown>; n: SQL.Aliased<number>; total: SQL.Aliased<number> }) {
  return db.select({ lines: sql<unknown[][] | null>`json_agg(${page.line} order by ${page.n})`, total: sql<number | null>`max(${page.total})` }).from(page);
}

/** The rows of a `jsonPageQuery`'s answer, each with the list's total. */
export function fromJsonPage<C extends JsonColumns>(columns: C, [result]: { lines: unknown[][] | null; total: number | null }[]): (JsonRow<C> & { total: number })[] {
  const total = Number(result?.total ?? 0);
  return fromJsonRows(columns, result?.lines ?? null).map((row) => ({ ...row, total }));
}
