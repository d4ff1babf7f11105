import { DomainError } from '../errors.ts';
import { isStorableText } from '../input/text.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * Opaque cursors for keyset pagination: the text sort key and the id of the last row on a page,
 * base64url JSON. Every list decodes its `after` here, and only here.
 */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/**
 * The sort key and id a cursor holds, or null for the first page. A cursor this platform did not make
 * (damaged when copied, or forged) never reaches the database: it is refused as `invalidCursor` on the
 * `after` field, so a client learns its link is bad instead of silently getting the first page again.
 */
export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const refused = new DomainError('invalidCursor', { field: 'after' });
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw refused;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!Array.isArray(value) || value.length !== 2) throw refused;
  const [sortKey, id] = value as unknown[];
  if (typeof sortKey !== 'string' || typeof id !== 'string' || !isStorableText(sortKey) || !isRecordId(id)) throw refused;
  return [sortKey, id];
}
