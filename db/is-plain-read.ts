/**
 * A statement that only reads and locks nothing: a SELECT without FOR UPDATE or FOR SHARE. drizzle writes
 * every read as one; a WITH may write, so it does not count. Such statements are kept prepared
 * (db/pglite-prepared-reads.ts, db/postgres-named-reads.ts).
 */
export function isPlainRead(text: string): boolean {
  return text.trimStart().slice(0, 6).toLowerCase() === 'select' && !/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(text);
}
