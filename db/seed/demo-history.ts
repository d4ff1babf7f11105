import { sql } from 'drizzle-orm';
import { placeOfCity } from '../../core/organisations/organisation-place.ts';
import type { Database } from '../database.ts';
import { generateHistory, type Place } from '../generate/generate-history.ts';
import { literal } from '../generate/sql-helpers.ts';
import { rawRows } from '../raw-rows.ts';

/** History partnerships started each year (three years each), and the organisations they are between. */
const PER_YEAR = 20;
const ORGANISATIONS = 167;

/**
 * The demo's history since 2001, so that the public statistics look like the real programme's (issue 12,
 * point 4): about 12,000 people since 2001, and in 2024 415 participants in about 70 partnerships between
 * 188 partner organisations in 28 countries, two thirds women, an average age of 27, an average stay of 8
 * months and 242 on South–South exchanges. The people counted in 2024 by the rest of the demo are taken
 * off 2024's figures, so that the year's totals are exactly those.
 *
 * The demo's configuration of the one history generator (db/generate/generate-history.ts; the bench's
 * participants are its other): 167 organisations (35 in Norway, 132 in 27 countries of the South), 20
 * partnerships a year that each run three years (closed by now, the last ones still active), and the people
 * who went on them. The shapes, the partners and each year's people are chosen in turn, not drawn, so that
 * the figures are exact: each year's people split 58 : 42 between South–South flows and flows to or from
 * Norway, and two in three women. Every other choice is a slice of md5 of the row number and a salt,
 * computed in the database, so that every run gives the same rows on PGlite and PostgreSQL.
 *
 * The history is what a register from before the platform holds: each stay's dates as planned, no actual
 * dates, stage or plan flow. So no participant report is owed for it (reports fall due from the actual
 * dates: core/participants/report-due-dates.ts), and the statistics count the stay in the year of its
 * planned start, as they do for anyone without an actual start.
 */
export async function seedDemoHistory(db: Database): Promise<void> {
  const programmeIds = await rawRows<{ id: string }>(db, sql`select id from programmes where code in ('professional', 'volunteer-youth', 'health') order by code`);
  if (programmeIds.length === 0) return;

  // People per year; 2024 less those the rest of the demo counts in 2024, so that the year is exactly 415 (242 South–South).
  const [counted] = await rawRows<{ people: number; south_south: number }>(
    db,
    sql`select coalesce(sum(people), 0)::int as people, coalesce(sum(people) filter (where home_country <> 'NO' and host_country <> 'NO'), 0)::int as south_south
        from participant_flow_counts where sdg_goal = '' and year = 2024`,
  );
  const already = counted ?? { people: 0, south_south: 0 };
  const years = yearlyPeople.map(([year, people]) => {
    if (year !== 2024) return { year, people, southSouth: Math.round(people * 0.58) };
    return { year, people: Math.max(0, people - already.people), southSouth: Math.max(0, 242 - already.south_south) };
  });
  await generateHistory(db, {
    idPrefix: 'history-',
    programmeIds: programmeIds.map((p) => p.id),
    organisations: {
      rows: [0, ORGANISATIONS - 1],
      // Slots 0–6 of every 34 are Norwegian cities, the others one of 27 countries of the South.
      places: demoPlaces(),
      place: (g) => sql`${g} % 34`,
      kinds: ['Regional Hospital', 'Teacher Training Institute', 'Youth Forum', 'Weekly News', 'Agricultural Research Station', 'District Health Office', 'Folk High School', 'Community Radio'],
      kind: (g) => sql`${g} / 34`,
      numbered: false,
      types: ['22', '21', '80', '40'],
      sectors: ['12181', '11130', '15150', '23210', '12191', '31120'],
      sector: (g) => sql`(${g} / 34) % 6`,
    },
    partnerships: {
      // 20 a year starting from 1999 (so that 2001 has three years' worth running), each three years.
      rows: [0, PER_YEAR * 27 - 1],
      // Half South–South (two or three southern partners), three in ten North–South (two Norwegian partners and
      // one southern), two in ten triangular (one Norwegian and three southern). Partners are taken in turn, so
      // that any three years' partnerships are between all the organisations, in every country, and a
      // partnership's southern partners are in different countries (consecutive slots). With the people below
      // on every flow, 2024 has about 70 partnerships between about 188 organisations in 28 countries, as published.
      kinds: [
        { shape: 'south_south', north: 0, south: 2, weight: 2 },
        { shape: 'south_south', north: 0, south: 3, weight: 3 },
        { shape: 'north_south', north: 2, south: 1, weight: 3 },
        { shape: 'triangular', north: 1, south: 3, weight: 2 },
      ],
      kindBy: 'in turn',
      partnersBy: 'in turn',
      startYear: (j) => sql`(1999 + ${j} / ${literal(PER_YEAR)})`,
      years: 3,
      closedIfEndedBefore: 2026,
      sectors: ['12181', '11130', '15150', '23210', '31120', '12191'],
      goals: (j) => sql`case when ${j} % 3 = 0 then array[(1 + ${j} % 17)::text, (1 + (${j} * 7) % 17)::text] else array[(1 + ${j} % 17)::text] end`,
      titleFromCities: true,
    },
    // Each year's people split 58 : 42 between South–South flows and flows to or from Norway.
    people: { kind: 'yearly', years },
    statusHistoryActor: 'system:demo-history',
  });
}

/** The demo's 34 places, matched to their cities as registering does (a place the directory does not know has no coordinates). */
function demoPlaces(): Place[] {
  return [...norwegianCities.map((city) => ({ countryCode: 'NO', city })), ...southernCities.map(([countryCode, city]) => ({ countryCode, city }))].map((p) => {
    try {
      const place = placeOfCity(p);
      return { ...p, cityId: place.cityId, matchedCityName: place.matchedCityName, latitude: place.latitude, longitude: place.longitude };
    } catch {
      return p;
    }
  });
}

const norwegianCities = ['Drammen', 'Bodø', 'Ålesund', 'Hamar', 'Lillehammer', 'Molde', 'Haugesund'];
const southernCities: [string, string][] = [
  ['NP', 'Biratnagar'], ['BD', 'Khulna'], ['IN', 'Kolkata'], ['LK', 'Kandy'], ['ID', 'Bandung'], ['VN', 'Hue'], ['PH', 'Iloilo'], ['KH', 'Battambang'], ['TH', 'Chiang Mai'], ['MM', 'Mandalay'],
  ['ET', 'Gondar'], ['MW', 'Zomba'], ['TZ', 'Dodoma'], ['UG', 'Mbarara'], ['KE', 'Kisumu'], ['ZM', 'Ndola'], ['ZW', 'Bulawayo'], ['MZ', 'Beira'], ['ZA', 'Durban'], ['RW', 'Butare'], ['GH', 'Kumasi'], ['MG', 'Toamasina'],
  ['BO', 'Sucre'], ['GT', 'Cobán'], ['NI', 'León'], ['CO', 'Manizales'], ['HN', 'Comayagua'],
];
/** People who went, by the year their stay began: growth in the 2000s, a pandemic dip, and 415 in 2024. */
const yearlyPeople: [number, number][] = [
  [2001, 290], [2002, 340], [2003, 390], [2004, 430], [2005, 560], [2006, 580], [2007, 600], [2008, 620], [2009, 630], [2010, 630],
  [2011, 620], [2012, 620], [2013, 610], [2014, 600], [2015, 590], [2016, 480], [2017, 470], [2018, 460], [2019, 450], [2020, 180],
  [2021, 240], [2022, 370], [2023, 400], [2024, 415], [2025, 420],
];

