import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { participantAccounts, programmeAdvisers } from '../../db/schema/access.ts';
import { agency } from '../../db/schema/agency.ts';
import { user } from '../../db/schema/auth.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants, participantStatusHistory, type ParticipantStatus } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { isLocale } from '../../i18n/locales.ts';
import { createTranslator, type MessageValues } from '../../i18n/translator.ts';
import { coordinatorsOf } from '../applications/notify-partners.ts';
import type { CoreContext } from '../context.ts';
import { enqueueEmail, type EmailTemplate } from '../email/enqueue-email.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { isRecordId } from '../records/record-id.ts';
import type { ParticipantParty } from './participant-lifecycle.ts';
import { participantScope, withinScope } from './participant-scope.ts';

export type ParticipantRow = typeof participants.$inferSelect;

/**
 * The participant, locked for this transaction, if the actor may see them (participant-scope.ts):
 * otherwise, and for an id that is no id, "not found", exactly like a record that does not exist.
 * With it, how the actor stands to the participant.
 */
export async function lockParticipant(ctx: CoreContext, tx: Database, id: string): Promise<{ row: ParticipantRow; programmeId: string; parties: ParticipantParty[] }> {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(id)) throw new NotFoundError('participant');
  const [row] = await tx.select().from(participants).where(withinScope(participantScope(ctx.actor), eq(participants.id, id))).for('update');
  if (!row) throw new NotFoundError('participant');
  const [partnership] = await tx.select({ programmeId: partnerships.programmeId }).from(partnerships).where(eq(partnerships.id, row.partnershipId));
  return { row, programmeId: partnership!.programmeId, parties: await partiesOf(tx, ctx.actor, row, partnership!.programmeId) };
}

/**
 * The actor's parts: the agency (administrators; programme advisers only for a programme they follow),
 * the sending partner's or the host partner's coordinator. A participant on their own record has none.
 */
export async function partiesOf(tx: Database, actor: Actor, row: Pick<ParticipantRow, 'homeOrganisationId' | 'hostOrganisationId'>, programmeId: string): Promise<ParticipantParty[]> {
  if (actor.kind === 'system') return ['adviser', 'sending', 'host'];
  if (actor.kind !== 'user') return [];
  const parties: ParticipantParty[] = [];
  if (actor.agencyRoles.includes('administrator')) parties.push('adviser');
  else if (actor.agencyRoles.includes('programme_adviser')) {
    const [follows] = await tx
      .select({ userId: programmeAdvisers.userId })
      .from(programmeAdvisers)
      .where(and(eq(programmeAdvisers.userId, actor.userId), eq(programmeAdvisers.programmeId, programmeId)));
    if (follows) parties.push('adviser');
  }
  const coordinates = (organisationId: string) => actor.memberships.some((m) => m.role === 'partner_coordinator' && m.organisationId === organisationId);
  if (coordinates(row.homeOrganisationId)) parties.push('sending');
  if (coordinates(row.hostOrganisationId)) parties.push('host');
  return parties;
}

/**
 * A nomination awaiting the host's answer, locked, for a coordinator of the host partner: another
 * coordinator who may see the participant (the sending partner's) is refused, anyone else finds nothing.
 */
export async function lockNominationForHost(ctx: CoreContext, tx: Database, id: string, version: string): Promise<ParticipantRow> {
  const { row, parties } = await lockParticipant(ctx, tx, id);
  if (!parties.includes('host')) throw new ForbiddenError('participant:decide-nomination');
  requireVersion(row, version);
  if (row.status !== 'nominated' || row.hostDecision !== 'pending') throw new DomainError('nominationDecided', { status: 409 });
  return row;
}

/**
 * Optimistic locking (docs/architecture.md#optimistic-locking): the row's `updatedAt` must still be the
 * version the person loaded, compared at millisecond precision; otherwise someone else changed the
 * participant first and this change is refused (409) before anything else is decided.
 */
export function requireVersion(row: Pick<ParticipantRow, 'updatedAt'>, version: string): void {
  const expected = new Date(version);
  if (Number.isNaN(expected.getTime()) || expected.getTime() !== row.updatedAt.getTime()) throw new DomainError('staleEdit', { status: 409 });
}

/** Appends a line to the participant's status history, in the caller's transaction. */
export async function recordStatusChange(
  tx: Database,
  ctx: CoreContext,
  change: { participantId: string; from: ParticipantStatus | null; to: ParticipantStatus; reason?: string | null; at: Date },
): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(participantStatusHistory).values({
    participantId: change.participantId,
    fromStatus: change.from,
    toStatus: change.to,
    reason: change.reason ?? null,
    actorId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: actor.kind === 'user' ? actor.email : actor.kind === 'system' ? `system:${actor.label}` : 'visitor',
    at: change.at,
  });
}

/**
 * The participant, as an email recipient: their account's address and language once they have one,
 * else the address and invitation language of the nomination. None for a record without an email.
 */
async function participantRecipient(tx: Database, row: ParticipantRow): Promise<{ email: string; name: string; locale: string } | null> {
  const [account] = await tx
    .select({ email: user.email, name: user.name, locale: user.locale, anonymisedAt: user.anonymisedAt })
    .from(participantAccounts)
    .innerJoin(user, eq(user.id, participantAccounts.userId))
    .where(eq(participantAccounts.participantId, row.id));
  if (account && !account.anonymisedAt) return { email: account.email, name: account.name, locale: account.locale };
  if (account?.anonymisedAt || !row.email) return null;
  return { email: row.email, name: `${row.givenName} ${row.familyName}`, locale: row.locale };
}

export interface ParticipantEmailValues {
  participant: string;
  sender: string;
  host: string;
  /** The link to the participant's page in that reader's language. */
  url: string;
}

/**
 * One email to each person concerned, each in their own language (the reader's locale picks the catalog,
 * and `params` may depend on it): the participant, when `participant` is true, and the coordinators of the
 * organisations named in `to`. Queued in the caller's transaction, so sent only if the change commits.
 */
export async function emailParticipantParties(
  tx: Database,
  ctx: CoreContext,
  row: ParticipantRow,
  { template, organisations: to, participant, params }: { template: EmailTemplate; organisations: string[]; participant: boolean; params: (locale: string, names: ParticipantEmailValues) => MessageValues },
): Promise<void> {
  const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
  const names = new Map(
    (await tx.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(eq(organisations.id, row.homeOrganisationId)))
      .concat(await tx.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(eq(organisations.id, row.hostOrganisationId)))
      .map((o) => [o.id, o.name]),
  );
  const recipients = [...(participant ? [await participantRecipient(tx, row)] : []), ...(await coordinatorsOf(tx, to))].filter((r) => r !== null);
  const seen = new Set<string>();
  for (const person of recipients) {
    if (seen.has(person.email)) continue;
    seen.add(person.email);
    const locale = isLocale(person.locale) ? person.locale : 'en';
    const values: ParticipantEmailValues = {
      participant: `${row.givenName} ${row.familyName}`,
      sender: names.get(row.homeOrganisationId) ?? '',
      host: names.get(row.hostOrganisationId) ?? '',
      url: `${ctx.publicUrl ?? ''}/${locale}/participants/${row.id}`,
    };
    await enqueueEmail(tx, { to: person.email, name: person.name, locale, template, params: { ...values, ...params(locale, values) }, agencyName: agencyRow?.name ?? '' });
  }
}

/** A status's name in a reader's language, for emails. */
export function statusName(locale: string, status: ParticipantStatus): string {
  return createTranslator(isLocale(locale) ? locale : 'en').t(`participantStatus.${status}`);
}
