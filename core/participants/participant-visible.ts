import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { partiesOf, type ParticipantRow } from './participant-record.ts';
import type { ParticipantParty } from './participant-lifecycle.ts';
import { participantScope, withinScope } from './participant-scope.ts';

export interface VisibleParticipant {
  row: ParticipantRow;
  programme: { id: string; name: string };
  homeOrganisation: string;
  hostOrganisation: string;
  /** How the actor stands to the participant (none for the person themself). */
  parties: ParticipantParty[];
  /** The actor is the participant. */
  isSelf: boolean;
}

/**
 * A participant the actor may see (core/participants/participant-scope.ts), with their programme and
 * organisations' names, read without a lock: a guessed id outside the scope is "not found".
 */
export async function visibleParticipant(ctx: CoreContext, id: string): Promise<VisibleParticipant> {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(id)) throw new NotFoundError('participant');
  const [found] = await ctx.db
    .select({ row: participants, programmeId: programmes.id, programmeName: programmes.name })
    .from(participants)
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(withinScope(participantScope(actor), eq(participants.id, id)));
  if (!found) throw new NotFoundError('participant');
  const { row } = found;
  const names = await ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(eq(organisations.id, row.homeOrganisationId));
  const hostNames = await ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(eq(organisations.id, row.hostOrganisationId));
  return {
    row,
    programme: { id: found.programmeId, name: found.programmeName },
    homeOrganisation: names[0]?.name ?? '',
    hostOrganisation: hostNames[0]?.name ?? '',
    parties: await partiesOf(ctx.db, actor, row, found.programmeId),
    isSelf: actor.kind === 'user' && actor.participantIds.includes(row.id),
  };
}
