import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { generateParticipants } from '../../bench/generate-participants.ts';
import { createProgramme } from '../factories/programme-factory.ts';
import { rawRows } from '../raw-rows.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { fingerprintRows } from './fingerprint.ts';
import { generateHistory, type HistoryPlan } from './generate-history.ts';

const testDb = useTestDatabase();

describe('the history generator with the bench configuration', () => {
  it('writes the same rows as the generator the recorded benchmarks ran on (2,000 participants, fingerprinted before the two generators became one)', async () => {
    // Small batches, so that the batching is part of what is checked.
    await generateParticipants(testDb.db, { count: 2000, batchSize: 700, progress: false });
    expect(await fingerprintRows(testDb.db, { idPrefix: '' })).toEqual({
      organisations: '40 b68aa070b255a9b153149914eccd502c',
      partnerships: '100 e35e3c3039f86be73220000b1c709696',
      partnership_partners: '227 1799552a9ab9b3406753d02116c1fe30',
      applications: '300 83242a8ed943bde48ba4b14af97a4e38',
      partnership_stages: '300 3a3c87f3063300606d952af2acf18d48',
      participants: '2000 6b1daeba347a80254286d2f8b7ffdda0',
      participant_status_history: '0 ',
    });
  });
});

describe('the history generator with a configuration of its own', () => {
  const plan = (programmeIds: string[]): HistoryPlan => ({
    idPrefix: 'own-',
    programmeIds,
    organisations: {
      rows: [0, 11],
      places: [
        { countryCode: 'NO', city: 'Bergen' },
        { countryCode: 'UG', city: 'Gulu' },
        { countryCode: 'NP', city: 'Pokhara' },
      ],
      place: (g) => sql`${g} % 3`,
      kinds: ['Health Centre'],
      kind: () => sql`0`,
      numbered: true,
      types: ['22'],
      sectors: ['12191'],
      sector: () => sql`0`,
    },
    partnerships: {
      rows: [0, 9],
      kinds: [
        { shape: 'south_south', north: 0, south: 2, weight: 1 },
        { shape: 'north_south', north: 1, south: 1, weight: 1 },
      ],
      kindBy: 'in turn',
      partnersBy: 'in turn',
      startYear: (j) => sql`(2020 + ${j} / 5)`,
      years: 2,
      closedIfEndedBefore: 2026,
      sectors: ['12191'],
      goals: () => sql`array['3']`,
      titleFromCities: true,
    },
    people: { kind: 'yearly', years: [{ year: 2020, people: 30, southSouth: 12 }, { year: 2021, people: 41, southSouth: 20 }] },
    statusHistoryActor: 'system:test',
  });

  it('meets exact figures when it chooses in turn: each year its people, so many South–South, partners in two countries', async () => {
    const programme = await createProgramme(testDb.db, { code: 'own-programme' });
    await generateHistory(testDb.db, plan([programme.id]));
    const years = await rawRows<{ year: number; people: number; south_south: number; across_borders: number; histories: number }>(
      testDb.db,
      sql`select extract(year from p.starts_on)::int as year, count(*)::int as people,
                 (count(*) filter (where p.nationality <> 'NO' and host.country_code <> 'NO'))::int as south_south,
                 (count(*) filter (where p.nationality <> host.country_code))::int as across_borders,
                 (count(*) filter (where exists (select from participant_status_history h where h.participant_id = p.id and h.actor_label = 'system:test')))::int as histories
          from participants p join organisations host on host.id = p.host_organisation_id
          join partnerships pa on pa.id = p.partnership_id and pa.title like 'Exchange between %' and pa.programme_id = ${programme.id}
          group by 1 order by 1`,
    );
    expect(years).toEqual([
      { year: 2020, people: 30, south_south: 12, across_borders: 30, histories: 30 },
      { year: 2021, people: 41, south_south: 20, across_borders: 41, histories: 41 },
    ]);
    const shapes = await rawRows<{ shape: string; partnerships: number }>(testDb.db, sql`select shape, count(*)::int as partnerships from partnerships where programme_id = ${programme.id} group by shape order by shape`);
    expect(shapes).toEqual([
      { shape: 'north_south', partnerships: 5 },
      { shape: 'south_south', partnerships: 5 },
    ]);
  });

  it('refuses drawn people without rounds to go on, before it writes anything', async () => {
    const programme = await createProgramme(testDb.db, { code: 'own-programme-2' });
    const drawn: HistoryPlan = { ...plan([programme.id]), idPrefix: 'own-2-', people: { kind: 'drawn', count: 10, age: () => sql`30`, asOf: '2026-06-01' } };
    await expect(generateHistory(testDb.db, drawn)).rejects.toThrow(/rounds/);
    expect(await rawRows(testDb.db, sql`select 1 from partnerships where programme_id = ${programme.id}`)).toEqual([]);
  });
});
