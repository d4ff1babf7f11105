import { sql } from 'drizzle-orm';
import { placeOfCity } from '../../core/organisations/organisation-place.ts';
import { peopleNames } from '../factories/people-names.ts';
import type { Database } from '../database.ts';

/**
 * The demo's history since 2001, so that the public statistics look like the real programme's (issue 12,
 * point 4): about 12,000 people since 2001, and in 2024 415 participants in about 70 partnerships between
 * 188 partner organisations in 28 countries, two thirds women, an average age of 27, an average stay of 8
 * months and 242 on South–South exchanges. The people counted in 2024 by the rest of the demo are taken
 * off 2024's figures, so that the year's totals are exactly those.
 *
 * 167 organisations (35 in Norway, 132 in 27 countries of the South), 20 partnerships a year that each run three
 * years (closed by now, the last ones still active), and the people who went on them: each year's people
 * split exactly 58 : 42 between South–South flows and flows to or from Norway, and two in three women.
 * Every other choice is a slice of md5 of the row number and a salt, computed in the database, so that
 * every run gives the same rows on PGlite and PostgreSQL. Rows are made server-side with
 * `insert … select … generate_series` (as bench/generate-participants.ts does), one statement per table.
 *
 * The history is what a register from before the platform holds: each stay's dates as planned, no actual
 * dates, stage or plan flow. So no participant report is owed for it (reports fall due from the actual
 * dates: core/participants/report-due-dates.ts), and the statistics count the stay in the year of its
 * planned start, as they do for anyone without an actual start.
 */
/** History partnerships started each year (three years each), and the organisations they are between. */
const PER_YEAR = 20;
const ORGANISATIONS = 167;

export async function seedDemoHistory(db: Database): Promise<void> {
  const programmeIds = (await db.execute(sql`select id from programmes where code in ('professional', 'volunteer-youth', 'health') order by code`)) as unknown as { rows: { id: string }[] };
  if (programmeIds.rows.length === 0) return;
  const programmeArray = sql.raw(`array[${programmeIds.rows.map((p) => `'${p.id}'::uuid`).join(',')}]`);

  // Organisations: slots 0–6 of every 34 are Norwegian cities, the others one of 27 countries of the South.
  const places = [...norwegianCities.map((city) => ({ countryCode: 'NO', city })), ...southernCities.map(([countryCode, city]) => ({ countryCode, city }))].map((p) => {
    try {
      const place = placeOfCity(p);
      return { ...p, cityId: place.cityId, name: place.matchedCityName, lat: place.latitude, lon: place.longitude };
    } catch {
      return { ...p, cityId: null, name: null, lat: null, lon: null };
    }
  });
  const placeValues = sql.raw(
    `(values ${places.map((p, i) => `(${i}, '${p.countryCode}', ${quote(p.city)}, ${p.cityId ?? 'null::int'}, ${p.name ? quote(p.name) : 'null::text'}, ${p.lat ?? 'null::float8'}, ${p.lon ?? 'null::float8'})`).join(', ')}) as pl(slot, country, city, city_id, matched, lat, lon)`,
  );
  await db.execute(sql`
    insert into organisations (id, legal_name, short_name, country_code, city, city_id, matched_city_name, latitude, longitude, organisation_type, sector_code)
    select md5('history-organisation' || g)::uuid,
           pl.city || ' ' || (array['Regional Hospital','Teacher Training Institute','Youth Forum','Weekly News','Agricultural Research Station','District Health Office','Folk High School','Community Radio'])[1 + g / 34],
           null, pl.country, pl.city, pl.city_id, pl.matched, pl.lat, pl.lon,
           (array['22','21','80','40'])[1 + g % 4], (array['12181','11130','15150','23210','12191','31120'])[1 + (g / 34) % 6]
    from generate_series(0, ${n(ORGANISATIONS - 1)}) g join ${placeValues} on pl.slot = g % 34`);

  // Partnerships: 20 a year starting from 1999 (so that 2001 has three years' worth running), each three years.
  // Half South–South, three in ten North–South, two in ten triangular.
  await db.execute(sql`
    insert into partnerships (id, title, programme_id, shape, status, sector_code, sdg_goals, starts_on, ends_on)
    select md5('history-partnership' || j)::uuid, 'Exchange partnership ' || j, (${programmeArray})[1 + j % 3],
           case when j % 10 < 5 then 'south_south' when j % 10 < 8 then 'north_south' else 'triangular' end,
           case when 1999 + j / ${n(PER_YEAR)} + 2 < 2026 then 'closed' else 'active' end,
           (array['12181','11130','15150','23210','31120','12191'])[1 + j % 6],
           case when j % 3 = 0 then array[(1 + j % 17)::text, (1 + (j * 7) % 17)::text] else array[(1 + j % 17)::text] end,
           make_date(1999 + j / ${n(PER_YEAR)}, 1, 1), make_date(1999 + j / ${n(PER_YEAR)} + 2, 12, 31)
    from generate_series(0, ${n(PER_YEAR * 27 - 1)}) j`);
  // Partners: Norwegian organisations are g % 34 < 7, the others southern, in the order of the 27 countries.
  // South–South partnerships have two or three southern partners, North–South two Norwegian and one southern,
  // triangular one Norwegian and three southern. Each side's partners are taken in turn from its organisations
  // (an offset that grows by each partnership's count), so that any three years' partnerships are between all
  // the organisations, in every country, and a partnership's southern partners are in different countries
  // (consecutive ones). With the people below on every flow, 2024 has about 70 partnerships between about 188
  // organisations in 28 countries, as published.
  await db.execute(sql`
    with norwegian as (select g, row_number() over (order by g) - 1 as n from generate_series(0, ${n(ORGANISATIONS - 1)}) g where g % 34 < 7),
         southern as (select g, row_number() over (order by g) - 1 as n from generate_series(0, ${n(ORGANISATIONS - 1)}) g where g % 34 >= 7),
         sizes as (select (select count(*) from norwegian) as nn, (select count(*) from southern) as ns),
         counts as (
           select j, case when j % 10 < 5 then 'south_south' when j % 10 < 8 then 'north_south' else 'triangular' end as shape,
                  case when j % 10 < 2 then 2 when j % 10 < 5 then 3 when j % 10 < 8 then 1 else 3 end as south,
                  case when j % 10 < 5 then 0 when j % 10 < 8 then 2 else 1 end as north
           from generate_series(0, ${n(PER_YEAR * 27 - 1)}) j),
         picks as (
           select j, shape, south, north, sum(south) over (order by j) - south as south_offset, sum(north) over (order by j) - north as north_offset from counts)
    insert into partnership_partners (partnership_id, organisation_id, is_coordinator)
    select md5('history-partnership' || j)::uuid, md5('history-organisation' || norwegian.g)::uuid, i = 0
    from picks cross join sizes cross join lateral generate_series(0, picks.north - 1) i join norwegian on norwegian.n = (picks.north_offset + i) % sizes.nn
    union all
    select md5('history-partnership' || j)::uuid, md5('history-organisation' || southern.g)::uuid, shape = 'south_south' and i = 0
    from picks cross join sizes cross join lateral generate_series(0, picks.south - 1) i join southern on southern.n = (picks.south_offset + i) % sizes.ns`);
  await db.execute(sql`
    update partnerships p set title = 'Exchange between ' || t.cities
    from (select pp.partnership_id, string_agg(o.city, ', ' order by pp.is_coordinator desc, o.city) as cities
          from partnership_partners pp join organisations o on o.id = pp.organisation_id
          where pp.partnership_id in (select md5('history-partnership' || j)::uuid from generate_series(0, ${n(PER_YEAR * 27 - 1)}) j)
          group by pp.partnership_id) t
    where p.id = t.partnership_id`);

  // People per year; 2024 less those the rest of the demo counts in 2024, so that the year is exactly 415 (242 South–South).
  const counted = (await db.execute(sql`
    select coalesce(sum(people), 0)::int as people, coalesce(sum(people) filter (where home_country <> 'NO' and host_country <> 'NO'), 0)::int as south_south
    from participant_flow_counts where sdg_goal = '' and year = 2024`)) as unknown as { rows: { people: number; south_south: number }[] };
  const already = counted.rows[0] ?? { people: 0, south_south: 0 };
  const perYear = yearlyPeople.map(([year, people]) => {
    if (year !== 2024) return { year, people, southSouth: Math.round(people * 0.58) };
    return { year, people: Math.max(0, people - already.people), southSouth: Math.max(0, 242 - already.south_south) };
  });
  const yearValues = sql.raw(`(values ${perYear.map((y) => `(${y.year}, ${y.people}, ${y.southSouth})`).join(', ')}) as y(year, people, south_south)`);
  const names = sql.raw(
    `(values ${Object.entries(nameCountry)
      .map(([country, from]) => {
        const list = peopleNames[from]!;
        return `('${country}', array[${list.given.female.map(quote).join(',')}], array[${list.given.male.map(quote).join(',')}], array[${list.family.map(quote).join(',')}])`;
      })
      .join(', ')}) as nm(country, female, male, family)`,
  );
  await db.execute(sql`
    with flows as (
           -- Every ordered pair of partners of a partnership, with the partnership's start year, and whether it is South–South.
           select p.id as partnership_id, extract(year from p.starts_on)::int as first_year, a.organisation_id as home_id, b.organisation_id as host_id,
                  ha.country_code as home_country, (ha.country_code <> 'NO' and hb.country_code <> 'NO') as south_south,
                  row_number() over (partition by extract(year from p.starts_on), (ha.country_code <> 'NO' and hb.country_code <> 'NO') order by p.id, a.organisation_id, b.organisation_id) as n
           from partnerships p
           join partnership_partners a on a.partnership_id = p.id join partnership_partners b on b.partnership_id = p.id and b.organisation_id <> a.organisation_id
           join organisations ha on ha.id = a.organisation_id join organisations hb on hb.id = b.organisation_id
           -- Exchanges cross a border: two partners of one country (two Norwegian, or a third southern) do not exchange with each other.
           where ha.country_code <> hb.country_code and p.id in (select md5('history-partnership' || j)::uuid from generate_series(0, ${n(PER_YEAR * 27 - 1)}) j)),
         running as materialized (
           -- The flows of partnerships running in a year (started in it or in the two before), numbered per kind.
           select y.year, f.*, row_number() over (partition by y.year, f.south_south order by f.first_year desc, f.n) - 1 as k
           from ${yearValues} join flows f on f.first_year between y.year - 2 and y.year),
         sizes as (select year, south_south, count(*) as of from running group by year, south_south),
         person as materialized (
           -- Which of its year's flows of its kind a person went on: in turn, the newest partnerships' first, so that
           -- every flow has people in one of its years and every partner both sends and hosts (the reciprocity rule).
           select y.year, g, sizes.south_south, seed, (case when g < y.south_south then g else g - y.south_south end) % sizes.of as k
           from ${yearValues} cross join lateral generate_series(0, y.people - 1) g
           cross join lateral (select md5('history-person' || y.year || '/' || g) as seed) s
           join sizes on sizes.year = y.year and sizes.south_south = (g < y.south_south)),
         placed as (
           select person.*, r.partnership_id, r.home_id, r.host_id, r.home_country,
                  case when person.g % 100 < 66 then 'female' when person.g % 100 < 99 then 'male' else 'undisclosed' end as gender,
                  19 + floor(${hx('age1', sql`person.seed`)} * 9)::int + floor(${hx('age2', sql`person.seed`)} * 9)::int as age,
                  (array[6, 6, 8, 12])[1 + floor(${hx('months', sql`person.seed`)} * 4)::int] as months,
                  make_date(person.year, (array[1, 3, 8, 9])[1 + floor(${hx('month', sql`person.seed`)} * 4)::int], 1) as starts_on,
                  ${hx('fate', sql`person.seed`)} as fate, ${hx('names', sql`person.seed`)} as nu
           from person join running r on r.year = person.year and r.south_south = person.south_south and r.k = person.k),
         dated as (
           select placed.*, (placed.starts_on + (placed.months || ' months')::interval - interval '1 day')::date as ends_on from placed)
    insert into participants (id, given_name, family_name, gender, birth_date, partnership_id, home_organisation_id, host_organisation_id, status, status_reason,
                              starts_on, ends_on, email, nationality, residence_country, profession, locale, actual_starts_on, actual_ends_on, host_decision)
    select md5('history-participant' || d.year || '/' || d.g)::uuid,
           case when d.gender = 'female' then nm.female[1 + floor(d.nu * array_length(nm.female, 1))::int] else nm.male[1 + floor(d.nu * array_length(nm.male, 1))::int] end,
           nm.family[1 + floor(${hx('family', sql`d.seed`)} * array_length(nm.family, 1))::int],
           d.gender,
           (d.starts_on - (d.age || ' years')::interval - (floor(${hx('birthday', sql`d.seed`)} * 364)::int || ' days')::interval)::date,
           d.partnership_id, d.home_id, d.host_id,
           case when d.fate < 0.03 then 'ended_early' when d.fate < 0.35 then 'completed' else 'alumni' end,
           case when d.fate < 0.03 then 'Came home early for family reasons.' end,
           d.starts_on, d.ends_on, 'person.' || substr(d.seed, 1, 12) || '@example.org', d.home_country, d.home_country,
           (array['Nurse','Midwife','Teacher','Journalist','Agronomist','Physiotherapist','Engineer','Youth worker','Accountant','Laboratory technician'])[1 + floor(${hx('profession', sql`d.seed`)} * 10)::int],
           case d.home_country when 'NO' then 'nb' when 'BO' then 'es' when 'GT' then 'es' when 'NI' then 'es' when 'HN' then 'es' when 'CO' then 'es' else 'en' end,
           null, null, 'accepted'
    from dated d join ${names} on nm.country = d.home_country`);
  // Their status as history, as an import from before the platform would record it.
  await db.execute(sql`
    insert into participant_status_history (participant_id, from_status, to_status, reason, actor_label, at)
    select p.id, null, p.status, p.status_reason, 'system:demo-history', p.starts_on::timestamptz
    from participants p where p.id in (select md5('history-participant' || y.year || '/' || g)::uuid from ${yearValues} cross join lateral generate_series(0, y.people - 1) g)`);
}

const norwegianCities = ['Drammen', 'Bodø', 'Ålesund', 'Hamar', 'Lillehammer', 'Molde', 'Haugesund'];
const southernCities: [string, string][] = [
  ['NP', 'Biratnagar'], ['BD', 'Khulna'], ['IN', 'Kolkata'], ['LK', 'Kandy'], ['ID', 'Bandung'], ['VN', 'Hue'], ['PH', 'Iloilo'], ['KH', 'Battambang'], ['TH', 'Chiang Mai'], ['MM', 'Mandalay'],
  ['ET', 'Gondar'], ['MW', 'Zomba'], ['TZ', 'Dodoma'], ['UG', 'Mbarara'], ['KE', 'Kisumu'], ['ZM', 'Ndola'], ['ZW', 'Bulawayo'], ['MZ', 'Beira'], ['ZA', 'Durban'], ['RW', 'Butare'], ['GH', 'Kumasi'], ['MG', 'Toamasina'],
  ['BO', 'Sucre'], ['GT', 'Cobán'], ['NI', 'León'], ['CO', 'Manizales'], ['HN', 'Comayagua'],
];
/** Names for people from each country: the country's own where db/factories/people-names.ts has them, else a neighbour's. */
const nameCountry: Record<string, string> = {
  NO: 'NO', NP: 'NP', BD: 'BD', IN: 'NP', LK: 'BD', ID: 'ID', VN: 'ID', PH: 'ID', KH: 'ID', TH: 'ID', MM: 'BD',
  ET: 'ET', MW: 'MW', TZ: 'TZ', UG: 'UG', KE: 'TZ', ZM: 'MW', ZW: 'MW', MZ: 'MW', ZA: 'UG', RW: 'UG', GH: 'UG', MG: 'TZ',
  BO: 'BO', GT: 'GT', NI: 'GT', CO: 'BO', HN: 'GT',
};
/** People who went, by the year their stay began: growth in the 2000s, a pandemic dip, and 415 in 2024. */
const yearlyPeople: [number, number][] = [
  [2001, 290], [2002, 340], [2003, 390], [2004, 430], [2005, 560], [2006, 580], [2007, 600], [2008, 620], [2009, 630], [2010, 630],
  [2011, 620], [2012, 620], [2013, 610], [2014, 600], [2015, 590], [2016, 480], [2017, 470], [2018, 460], [2019, 450], [2020, 180],
  [2021, 240], [2022, 370], [2023, 400], [2024, 415], [2025, 420],
];

function quote(text: string) {
  return `'${text.replaceAll("'", "''")}'`;
}
/** A number in [0, 1) from md5 of a salt and a row's seed (deterministic, the same on PGlite and PostgreSQL). */
function hx(salt: string, seed: ReturnType<typeof sql>) {
  return sql`(('x' || substr(md5(${sql.raw(`'${salt}:'`)} || ${seed}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
}
function n(x: number) {
  return sql.raw(String(Math.trunc(x)));
}
