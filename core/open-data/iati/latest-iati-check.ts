import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../../db/database.ts';
import { iatiChecks } from '../../../db/schema/iati-checks.ts';

/** The latest finished check of the export under this organisation identifier, or undefined before the first. */
export async function latestIatiCheck(db: Database, organisationIdentifier: string) {
  const [latest] = await db
    .select()
    .from(iatiChecks)
    .where(and(eq(iatiChecks.organisationIdentifier, organisationIdentifier), isNotNull(iatiChecks.finishedAt)))
    .orderBy(desc(iatiChecks.finishedAt))
    .limit(1);
  return latest;
}

/**
 * Whether a check is behind, so a newer one is due: a change the export reads was audited after the one it
 * saw (`latestChange`, latest-export-change.ts), or the publisher's date (`today`) has moved on since.
 */
export function iatiCheckIsBehind(check: { checkedOn: string; auditUpTo: number }, latestChange: number, today: string): boolean {
  return latestChange > check.auditUpTo || check.checkedOn !== today;
}
