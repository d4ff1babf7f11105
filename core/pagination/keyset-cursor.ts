/**
 * Opaque cursors for keyset pagination: the sort key and id of the last row on a page, base64url JSON.
 * A damaged or forged cursor decodes to null, and the list starts from the first page instead of failing.
 */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return [value[0] as string, value[1] as string];
  } catch {
    // fall through: start from the first page
  }
  return null;
}
