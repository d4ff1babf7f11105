import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { participantConsents } from '../../db/schema/participant-self.ts';
import { participants } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { lockParticipant, type ParticipantRow } from './participant-record.ts';

/** The version of the consent text the pages show: its words are the catalogs' `consent.v1.*` messages. */
export const CONSENT_VERSION = 'consent.v1';

/**
 * The participant record, locked, for a change only the person themself makes (their profile, emergency
 * contacts, consent, documents): someone else who may see the participant (a coordinator, the agency) is
 * refused; anyone else finds nothing, as with a guessed id.
 */
export async function lockOwnParticipant(ctx: CoreContext, tx: Database, id: string): Promise<ParticipantRow> {
  const { row } = await lockParticipant(ctx, tx, id);
  if (ctx.actor.kind !== 'user' || !ctx.actor.participantIds.includes(row.id)) throw new ForbiddenError('participant:self');
  return row;
}

/**
 * The participation the person's own page is about: of the participant records tied to their account,
 * the one that started last (a person may come back for a second exchange). None → not found.
 */
export async function ownParticipantId(ctx: CoreContext): Promise<string> {
  const actor = ctx.actor;
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  if (actor.kind !== 'user' || actor.participantIds.length === 0) throw new NotFoundError('participant');
  const [row] = await ctx.db
    .select({ id: participants.id })
    .from(participants)
    .where(inArray(participants.id, actor.participantIds))
    .orderBy(desc(participants.startsOn), desc(participants.createdAt))
    .limit(1);
  if (!row) throw new NotFoundError('participant');
  return row.id;
}

/** The consent in force: the latest given and not withdrawn. */
export async function consentInForce(db: Database, participantId: string) {
  const [row] = await db
    .select()
    .from(participantConsents)
    .where(and(eq(participantConsents.participantId, participantId), isNull(participantConsents.withdrawnAt)))
    .orderBy(desc(participantConsents.consentedAt))
    .limit(1);
  return row ?? null;
}
