import { and, eq } from 'drizzle-orm';
import { coreContext } from '../../core/context.ts';
import { nominateParticipant, nominationInput, type NominationInput } from '../../core/participants/nominate-participant.ts';
import { createAgency } from '../../db/factories/agency-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { assignAdviser } from '../../db/factories/programme-adviser-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import type { Database } from '../../db/database.ts';
import { planFlows } from '../../db/schema/applications.ts';
import { agency } from '../../db/schema/agency.ts';

let people = 0;

/**
 * A Kathmandu hospital that sends one nurse to a Bergen hospital in its approved 2026 round (and Bergen
 * one person back), in a programme for ages 22–35 and stays of 6 or 12 months with a two-item documents
 * checklist; the coordinators of both, in different languages; an adviser following the programme, an
 * administrator, an adviser following another programme and a coordinator of an unrelated organisation.
 */
export async function participantWorld(db: Database) {
  if ((await db.select({ id: agency.id }).from(agency).limit(1)).length === 0) await createAgency(db);
  const kathmandu = await createOrganisation(db, { countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(db, { countryCode: 'NO', city: 'Bergen' });
  const lilongwe = await createOrganisation(db, { countryCode: 'MW', city: 'Lilongwe' });
  const programme = await createProgramme(db, { minAge: 22, maxAge: 35, stayMonths: [6, 12], documents: ['Signed contract', 'Insurance'] });
  const partnership = await createPartnership(db, { partners: [bergen, kathmandu], programmeId: programme.id });
  const round = await createPartnershipStage(db, {
    partnership,
    kind: 'round',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    flows: [
      { from: 1, to: 0, participants: 1, months: 6, startMonth: '2026-03' },
      { from: 0, to: 1, participants: 1, months: 6, startMonth: '2026-03' },
    ],
  });
  const agreement = await createPartnershipStage(db, { partnership, kind: 'agreement', flows: [{ from: 1, to: 0 }] });
  const flow = async (applicationId: string, sending: string) =>
    (await db.select().from(planFlows).where(and(eq(planFlows.applicationId, applicationId), eq(planFlows.sendingOrganisationId, sending))))[0]!;
  const sender = await createUser(db, { name: 'Ramesh Thapa', locale: 'en', memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const host = await createUser(db, { name: 'Ingrid Berg', locale: 'nb', memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(db, { name: 'Kari Vik', locale: 'nn', agencyRoles: ['programme_adviser'] });
  await assignAdviser(db, adviser.id, programme.id);
  const otherAdviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  await assignAdviser(db, otherAdviser.id, (await createProgramme(db)).id);
  const admin = await createUser(db, { agencyRoles: ['administrator'] });
  const stranger = await createUser(db, { memberships: [{ organisationId: lilongwe.id, role: 'partner_coordinator' }] });
  const now = () => new Date('2026-01-15T09:00:00Z');
  const as = (user: { actor: Parameters<typeof coreContext>[0]['actor'] }, clock: () => Date = now) => coreContext({ db, actor: user.actor, now: clock, publicUrl: 'https://exchange.example' });
  return {
    kathmandu,
    bergen,
    lilongwe,
    programme,
    partnership,
    round,
    /** Kathmandu → Bergen in the round: one person planned. */
    flow: await flow(round.applicationId, kathmandu.id),
    /** Bergen → Kathmandu in the round. */
    returnFlow: await flow(round.applicationId, bergen.id),
    /** Kathmandu → Bergen in the collaboration agreement's plan (not a round). */
    agreementFlow: await flow(agreement.applicationId, kathmandu.id),
    sender,
    host,
    adviser,
    otherAdviser,
    admin,
    stranger,
    as,
  };
}

export type ParticipantWorld = Awaited<ReturnType<typeof participantWorld>>;

/**
 * An eligible nurse from Kathmandu for six months of the round, with an email and a birth date of her own
 * (so that nurses of different tests are not the same person); the invitation in bokmål.
 */
export function nurse(overrides: Partial<Record<keyof NominationInput, string>> = {}): NominationInput {
  people += 1;
  return nominationInput.parse({
    givenName: 'Sita',
    familyName: 'Shrestha',
    birthDate: new Date(Date.UTC(1994, 0, 1 + people)).toISOString().slice(0, 10),
    gender: 'female',
    nationality: 'np',
    residenceCountry: 'NP',
    email: `Sita.Shrestha${people}.${Math.random().toString(36).slice(2, 8)}@Example.org`,
    profession: 'Intensive care nurse',
    startsOn: '2026-03-01',
    endsOn: '2026-08-31',
    locale: 'nb',
    ...overrides,
  });
}

/** Nominates `person` against the world's Kathmandu → Bergen flow, as the sending coordinator. */
export async function nominate(w: ParticipantWorld, person: NominationInput = nurse(), planFlowId = w.flow.id) {
  return nominateParticipant(w.as(w.sender), { planFlowId, ...person });
}
