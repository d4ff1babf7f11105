import { ApiProblem, type FieldIssue } from './problem.ts';

/** An ISO 8601 UTC timestamp with milliseconds, as `Date.toISOString()` writes it. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A record's version is its `updatedAt`, given out as the ETag and the `version` field. A write must
 * send back the version it is based on, so that a stale write is refused (409) instead of silently
 * overwriting someone else's change (docs/architecture.md#optimistic-locking).
 */
export const etagFor = (updatedAt: Date) => `"${updatedAt.toISOString()}"`;

/**
 * The version a write is based on: the If-Match header (an ETag from a GET), else the body's
 * `version`. Neither → 428 Precondition Required; not a version we give out → 400.
 */
export function requireVersion(ifMatch: string | undefined, bodyVersion: string | undefined): string {
  const raw = ifMatch?.trim() || bodyVersion?.trim();
  if (!raw) throw new ApiProblem(428, 'versionRequired');
  const value = raw.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (!isoInstant.test(value) || Number.isNaN(Date.parse(value))) {
    const issue: FieldIssue = ifMatch?.trim() ? { header: 'if-match', code: 'invalidVersion' } : { pointer: '/version', code: 'invalidVersion' };
    throw new ApiProblem(400, 'invalidVersion', { issues: [issue] });
  }
  return value;
}
