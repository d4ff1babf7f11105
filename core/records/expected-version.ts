import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * The where-clause of an optimistic-locking save: the row's `updatedAt` is still the version the editor
 * loaded. The database keeps microseconds, JavaScript dates milliseconds, so compare at millisecond
 * precision. A version that is not a date (a tampered form) matches nothing and is refused as stale.
 */
export function isVersion(updatedAt: AnyColumn, expected: string): SQL {
  const date = new Date(expected);
  if (Number.isNaN(date.getTime())) return sql`false`;
  return sql`date_trunc('milliseconds', ${updatedAt}) = ${date.toISOString()}::timestamptz`;
}
