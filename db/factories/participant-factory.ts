import type { Database } from '../database.ts';
import { participants } from '../schema/participants.ts';
import { peopleNames } from './people-names.ts';
import { defaultSequence, type Sequence } from './sequence.ts';

export type ParticipantRow = typeof participants.$inferSelect;

export interface ParticipantOverrides extends Partial<typeof participants.$inferInsert> {
  partnershipId: string;
  homeOrganisationId: string;
  hostOrganisationId: string;
  /** The home organisation's country, used to give the person a name from there. */
  homeCountry?: string;
}

export async function createParticipant(
  db: Database,
  { homeCountry = 'NO', ...overrides }: ParticipantOverrides,
  seq: Sequence = defaultSequence,
): Promise<ParticipantRow> {
  const names = peopleNames[homeCountry] ?? peopleNames.NO!;
  // Two thirds women, as in the agency's own figures.
  const gender = overrides.gender ?? (seq.next() < 0.66 ? 'female' : 'male');
  const given = seq.pick(gender === 'female' ? names.given.female : names.given.male);
  const startYear = 2024 + seq.int(0, 2);
  const startMonth = seq.pick([1, 3, 8, 9]);
  const months = seq.pick([6, 12, 12, 12, 18]);
  const end = new Date(Date.UTC(startYear, startMonth - 1 + months, 0));
  const [row] = await db
    .insert(participants)
    .values({
      givenName: given,
      familyName: seq.pick(names.family),
      gender,
      birthDate: `${startYear - seq.int(21, 34)}-${String(seq.int(1, 12)).padStart(2, '0')}-${String(seq.int(1, 28)).padStart(2, '0')}`,
      status: 'in_placement',
      startsOn: `${startYear}-${String(startMonth).padStart(2, '0')}-01`,
      endsOn: end.toISOString().slice(0, 10),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('participant insert returned nothing');
  return row;
}
