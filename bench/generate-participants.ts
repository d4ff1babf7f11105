import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createAgency } from '../db/factories/agency-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { generateHistory, type HistoryPlan } from '../db/generate/generate-history.ts';
import { uniform } from '../db/generate/sql-helpers.ts';

/**
 * Fills an empty database with `count` participants and everything they belong to, with the one history
 * generator (db/generate/generate-history.ts) in the bench's configuration: organisations in Norway and
 * nine countries of the South (about one per 250 participants, a third Norwegian), partnerships (one per
 * 20 participants) of every shape in three programmes, each with two or three partners and three yearly
 * rounds (each round granted by an application), and the participants themselves: names from their home
 * country, two thirds women, ages that fit their programme, stays starting 2001–2026 and a status that fits
 * their dates as of 1 June 2026.
 *
 * Every choice is drawn (md5 of the row number), and the rows are those of the generator the recorded
 * benchmarks ran on (db/generate/generate-history.test.ts checks their fingerprint), so the existing bench
 * databases stay valid. Batches of 50,000 rows a statement, with a progress bar on stderr.
 */
export async function generateParticipants(db: Database, { count, batchSize = 50_000, progress = true }: { count: number; batchSize?: number; progress?: boolean }) {
  await createAgency(db);
  const programmeRows = [
    await createProgramme(db, { code: 'bench-professional', name: 'Professional', minAge: 22, maxAge: 35 }),
    await createProgramme(db, { code: 'bench-youth', name: 'Volunteer/Youth', minAge: 18, maxAge: 25, stayMonths: [6, 12] }),
    await createProgramme(db, { code: 'bench-health', name: 'Health (ESTHER)', minAge: 24, maxAge: 60 }),
  ];
  const callRows = [];
  for (const p of programmeRows) callRows.push(await createCall(db, { programmeId: p.id, title: `Exchange rounds: ${p.name}`, stage: 'round', criteria: [] }));

  const organisationCount = Math.max(40, Math.ceil(count / 250));
  const partnershipCount = Math.max(20, Math.ceil(count / 20));
  await generateHistory(db, benchPlan({ count, organisationCount, partnershipCount, programmeIds: programmeRows.map((p) => p.id), callIds: callRows.map((c) => c.id), batchSize, progress }));
  return { programmes: programmeRows, calls: callRows, organisationCount, partnershipCount };
}

/** Three cities per country: Norway first, then the nine countries of the South in the order rows draw them. */
const benchCities: [string, string[]][] = [
  ['NO', ['Bergen', 'Tromsø', 'Førde']],
  ['NP', ['Kathmandu', 'Pokhara', 'Dharan']],
  ['ET', ['Addis Ababa', 'Hawassa', 'Gondar']],
  ['MW', ['Lilongwe', 'Blantyre', 'Mzuzu']],
  ['UG', ['Kampala', 'Gulu', 'Mbarara']],
  ['TZ', ['Dar es Salaam', 'Arusha', 'Moshi']],
  ['BO', ['La Paz', 'Cochabamba', 'Sucre']],
  ['GT', ['Guatemala City', 'Quetzaltenango', 'Antigua']],
  ['BD', ['Dhaka', 'Chittagong', 'Sylhet']],
  ['ID', ['Jakarta', 'Yogyakarta', 'Makassar']],
];

function benchPlan({ count, organisationCount, partnershipCount, programmeIds, callIds, batchSize, progress }: { count: number; organisationCount: number; partnershipCount: number; programmeIds: string[]; callIds: string[]; batchSize: number; progress: boolean }): HistoryPlan {
  return {
    idPrefix: '',
    programmeIds,
    organisations: {
      rows: [1, organisationCount],
      places: benchCities.flatMap(([countryCode, cities]) => cities.map((city) => ({ countryCode, city }))),
      // A third in Norway (every third row), the rest drawn from the South; the city by row number.
      place: (g) => sql`(case when ${g} % 3 = 0 then 0 else 1 + (${uniform('country', g)} * 9)::int % 9 end) * 3 + ${g} % 3`,
      kinds: ['University Hospital', "Teachers' College", 'Youth Association', 'Daily News', 'Agricultural Institute', 'Health Centre', 'Folk High School', 'Community Radio'],
      kind: (g) => sql`${g} % 8`,
      numbered: true,
      types: ['22', '21', '80', '40'],
      sectors: ['12181', '11130', '15150', '23210', '12191'],
      sector: (g) => sql`${g} % 5`,
    },
    partnerships: {
      rows: [1, partnershipCount],
      // Half North–South, three in ten triangular, two in ten South–South.
      kinds: [
        { shape: 'north_south', north: 1, south: 1, weight: 5 },
        { shape: 'triangular', north: 1, south: 2, weight: 3 },
        { shape: 'south_south', north: 0, south: 2, weight: 2 },
      ],
      kindBy: 'drawn',
      partnersBy: 'drawn',
      // The year the collaboration began, 2000–2023, for four years.
      startYear: (g) => sql`(2000 + ${g} % 24)`,
      years: 4,
      closedIfEndedBefore: 2025,
      sectors: ['12181', '11130', '15150', '23210'],
      goals: (g) => sql`array[(1 + ${g} % 17)::text]`,
      titleFromCities: false,
    },
    rounds: { callIds, perPartnership: 3, amountCeilingMinor: 150_000_000, currency: 'NOK' },
    people: {
      kind: 'drawn',
      count,
      age: (programme, u) => sql`case ${programme} when 'bench-youth' then 18 + (${u} * 8)::int % 8 when 'bench-health' then 24 + floor(power(${u}, 2) * 32)::int else 22 + (${u} * 14)::int % 14 end`,
      asOf: '2026-06-01',
    },
    bulk: true,
    batchSize,
    progress,
  };
}
