import { eq } from 'drizzle-orm';
import { participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { participantScope, withinScope } from './participant-scope.ts';
import { isRecordId } from '../records/record-id.ts';

/** One participant, if the actor may see them; otherwise "not found", the same as a wrong id. */
export async function getParticipant(ctx: CoreContext, { participantId: id }: { participantId: string }) {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(id)) throw new NotFoundError('participant');
  const [row] = await ctx.db.select().from(participants).where(withinScope(participantScope(actor), eq(participants.id, id)));
  if (!row) throw new NotFoundError('participant');
  return row;
}
