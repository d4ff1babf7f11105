import { and, eq } from 'drizzle-orm';
import { applicationGoals } from '../../db/schema/applications.ts';
import type { Database } from '../../db/database.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * Who owns a goal decides who may change it and whose confirmation the change withdraws: a partner's
 * goal is that partner's (its coordinators and the coordinating partner's may change it; it alone
 * confirms again), a shared goal everyone's (the coordinating partner changes it; all confirm again).
 */
export const confirmedPart = (organisationId: string | null) => (organisationId ? ({ part: 'partnerGoals', organisationId } as const) : ({ part: 'sharedGoals' } as const));

/** The goal, if it is this application's (read before the lock, to know whose it is; read again under it). */
export async function goalOf(db: Database, id: string, goalId: string) {
  if (!isRecordId(goalId) || !isRecordId(id)) return undefined;
  const [goal] = await db.select().from(applicationGoals).where(and(eq(applicationGoals.id, goalId), eq(applicationGoals.applicationId, id)));
  return goal;
}
