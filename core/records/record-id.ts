/**
 * Record ids are UUIDs. A value that is not one can name no record: use-cases answer "not found" (or
 * ignore it) before asking the database, which would otherwise fail on the malformed uuid.
 */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: string): boolean {
  return uuidPattern.test(value);
}
