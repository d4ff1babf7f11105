import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import type { applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import type { CoreContext } from '../context.ts';
import { releaseApplicationReservation } from './release-application-reservation.ts';
import { reserveApplicationBudget } from './reserve-application-budget.ts';

type ApplicationRow = typeof applications.$inferSelect;

/**
 * The rule that money is reserved for exactly as long as the agency reviews an application, applied in
 * the transaction of every status change (core/applications/change-application-status.ts): leaving
 * `in_review` (approved, rejected, returned) releases what was reserved, entering it reserves the budget.
 * On approval the release comes before the granted stage's commitment.
 */
export async function holdReviewReservation(tx: Database, ctx: CoreContext, before: ApplicationRow, after: ApplicationRow) {
  const leaving = before.status === 'in_review' && after.status !== 'in_review';
  const entering = after.status === 'in_review' && before.status !== 'in_review';
  if (!leaving && !entering) return;
  const [call] = await tx.select({ id: calls.id, programmeId: calls.programmeId, opensOn: calls.opensOn }).from(calls).where(eq(calls.id, after.callId));
  if (!call) return;
  if (leaving) await releaseApplicationReservation(tx, { ...ctx, db: tx }, after, call);
  if (entering) await reserveApplicationBudget(tx, { ...ctx, db: tx }, after, call);
}
