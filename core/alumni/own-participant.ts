import { desc, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/**
 * The participant record of the signed-in participant (their latest placement when they have several):
 * a person without one is refused. `lock` takes a row lock for the caller's transaction.
 */
export async function ownParticipant(ctx: CoreContext, db: Database = ctx.db, { lock = false }: { lock?: boolean } = {}) {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (actor.participantIds.length === 0) throw new ForbiddenError('participant:own');
  const query = db.select().from(participants).where(inArray(participants.id, actor.participantIds)).orderBy(desc(participants.startsOn)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new ForbiddenError('participant:own');
  return row;
}

/** Statuses after the placement ended: activities at home can be logged from then on. */
export const BACK_HOME = ['returned', 'completed', 'alumni', 'ended_early'] as const;
