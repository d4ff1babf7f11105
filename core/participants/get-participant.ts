import { asc, eq } from 'drizzle-orm';
import { participants, participantStatusHistory } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { exceptionsOf } from './get-participant-eligibility.ts';
import { participantScope, withinScope } from './participant-scope.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * One participant, if the actor may see them; otherwise "not found", the same as a wrong id. With the
 * eligibility exceptions advisers granted (so every page that shows the participant can show them), the
 * status history, and `version` for the decisions and moves that follow.
 */
export async function getParticipant(ctx: CoreContext, { participantId: id }: { participantId: string }) {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(id)) throw new NotFoundError('participant');
  const [row] = await ctx.db.select().from(participants).where(withinScope(participantScope(actor), eq(participants.id, id)));
  if (!row) throw new NotFoundError('participant');
  const [exceptions, history] = await Promise.all([
    exceptionsOf(ctx.db, [row.id]),
    ctx.db
      .select({ from: participantStatusHistory.fromStatus, to: participantStatusHistory.toStatus, reason: participantStatusHistory.reason, by: participantStatusHistory.actorLabel, at: participantStatusHistory.at })
      .from(participantStatusHistory)
      .where(eq(participantStatusHistory.participantId, row.id))
      .orderBy(asc(participantStatusHistory.at), asc(participantStatusHistory.id)),
  ]);
  return { ...row, version: row.updatedAt.toISOString(), eligibilityExceptions: exceptions.map(({ participantId: _, ...e }) => e), statusHistory: history };
}
