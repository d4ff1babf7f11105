import { sql, type SQL } from 'drizzle-orm';

/** A rule of a generator's configuration: an SQL expression of a row's number (or seed). */
export type Rule = (row: SQL) => SQL;

/**
 * A number in [0, 1) from md5 of a salt and a row's number or seed: the same on every run and on PGlite
 * and PostgreSQL, so a generator's "random" choices are the same rows every time.
 */
export function uniform(salt: string, seed: SQL): SQL {
  return sql`(('x' || substr(md5(${sql.raw(`'${salt}:'`)} || ${seed}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
}

/** A whole number written into the SQL (generate_series needs typed bounds, not parameters). */
export function literal(x: number): SQL {
  return sql.raw(String(Math.trunc(x)));
}

/** A text as an SQL string literal. */
export function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A list of texts as an SQL array literal. */
export function textArray(list: readonly string[]): SQL {
  return sql.raw(`array[${list.map(quote).join(',')}]`);
}

/** A list of ids as an SQL uuid array literal. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql.raw(`array[${ids.map((id) => `${quote(id)}::uuid`).join(',')}]`);
}
