import { max, notInArray } from 'drizzle-orm';
import type { Database } from '../../../db/database.ts';
import { auditLog } from '../../../db/schema/audit.ts';

/**
 * Records the IATI export never reads: people, their sign-ins and invitations, participants and their
 * reports, courses and incidents. Their changes (the most frequent: every sign-in is audited) do not make
 * the stored check old. Any other record type counts, a new one included, so a change is never missed.
 */
const OUTSIDE_THE_EXPORT = ['user', 'account', 'invitation', 'participant', 'participant_report', 'course', 'incident'];

/** The latest audit entry that may change what the IATI export says (0 when there is none). */
export async function latestExportChange(db: Database): Promise<number> {
  const [row] = await db.select({ upTo: max(auditLog.id) }).from(auditLog).where(notInArray(auditLog.recordType, OUTSIDE_THE_EXPORT));
  return Number(row?.upTo ?? 0);
}
