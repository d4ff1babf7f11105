import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { peopleNames } from '../factories/people-names.ts';
import { rawRows } from '../raw-rows.ts';
import { progressBar } from './progress-bar.ts';
import { literal, quote, textArray, uniform, uuidArray, type Rule } from './sql-helpers.ts';

/**
 * The one generator of an exchange programme's history (docs/decisions/020-one-history-generator.md): it
 * writes organisations, the partnerships between them with their partners, optionally each partnership's
 * yearly rounds (each granted by an application), and the people who went on exchanges between the
 * partners. What it writes is a configuration (`HistoryPlan`): the demo's history since 2001 with the
 * published 2024 figures (db/seed/demo-history.ts) is one, the bench's N participants
 * (bench/generate-participants.ts) another.
 *
 * Deterministic: every id is md5 of the plan's `idPrefix`, the kind of row and its number, and every
 * "random" choice a slice of md5 of a salt and the row's number (`uniform`), computed in the database, so
 * two runs give the same rows on PGlite and PostgreSQL. Rows are made server-side by
 * `insert … select … generate_series`, in batches of `batchSize` rows a statement where the plan is large
 * (the pg driver here has no COPY stream), with a progress bar on stderr if asked.
 *
 * Two ways to choose, where a plan says which: **in turn** (the row number modulo the weights: exact
 * shares, what the demo needs to meet published figures to the person) and **drawn** (md5 of the row
 * number: shares on average, what the bench has always used; its recorded databases keep their rows).
 */
export interface HistoryPlan {
  /** Prefix of every id's md5 (and of the drawn people's e-mail addresses and the yearly people's seeds): '' for the bench (as its recorded databases), 'history-' for the demo. */
  idPrefix: string;
  /** The partnerships' programmes, taken in turn by row number. */
  programmeIds: readonly string[];
  organisations: OrganisationPlan;
  partnerships: PartnershipPlan;
  /** Yearly rounds of every partnership, each granted by an approved application to a call (by row number in turn). */
  rounds?: { callIds: readonly string[]; perPartnership: number; amountCeilingMinor: number; currency: string };
  people: DrawnPeople | YearlyPeople;
  /** Each person's status written as a status change by this actor, as an import from before the platform would record it. */
  statusHistoryActor?: string;
  /** Drop the participants' secondary indexes while loading and build them again after (a million rows: several times faster), then analyse. */
  bulk?: boolean;
  batchSize?: number;
  progress?: boolean;
}

/** A place organisations are in, with its coordinates where the city is a known place (core/organisations/organisation-place.ts). */
export interface Place {
  countryCode: string;
  city: string;
  cityId?: number | null;
  matchedCityName?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface OrganisationPlan {
  /** First and last row number. */
  rows: readonly [number, number];
  places: readonly Place[];
  /** Which of `places` (from 0) a row is in. */
  place: Rule;
  /** Kinds of organisation named after the city ('Regional Hospital'), and which one (from 0) a row is. */
  kinds: readonly string[];
  kind: Rule;
  /** Whether the name ends in the row number (the bench's, so that every name is unique at any size). */
  numbered: boolean;
  /** Organisation types (IATI OrganisationType codes), taken in turn by row number. */
  types: readonly string[];
  /** DAC sector codes, and which one (from 0) a row has. */
  sectors: readonly string[];
  sector: Rule;
}

/** A kind of partnership: its shape, how many Norwegian and southern partners it has, and its weight among the kinds. */
export interface PartnershipKind {
  shape: 'north_south' | 'south_south' | 'triangular';
  north: number;
  south: number;
  weight: number;
}

export interface PartnershipPlan {
  rows: readonly [number, number];
  /** The kinds, chosen in turn (row number modulo the weights' sum, in this order) or drawn (md5). */
  kinds: readonly PartnershipKind[];
  kindBy: 'in turn' | 'drawn';
  /**
   * How the partners are picked from the organisations. In turn: each side's next ones, an offset growing by
   * each partnership's count, so that any few years' partnerships are between all the organisations and a
   * partnership's southern partners are consecutive ones (in different countries where the places alternate).
   * Drawn (at most one Norwegian and two southern partners): md5 of the row number, the two southern ones different.
   */
  partnersBy: 'in turn' | 'drawn';
  /** The year a row's collaboration began, and how many years it runs. */
  startYear: Rule;
  years: number;
  /** A partnership that ended before this year is closed, the others active. */
  closedIfEndedBefore: number;
  /** DAC sector codes, taken in turn by row number, and the SDG goals (an SQL text array) of a row. */
  sectors: readonly string[];
  goals: Rule;
  /** Titled after the partners' cities ('Exchange between Bergen, Gulu'), else 'Exchange partnership <row>'. */
  titleFromCities: boolean;
}

/**
 * `count` people, each on a drawn round of a drawn partnership (so the plan needs rounds), from one of its
 * partners to another, starting in the round's year; two thirds women, their age by `age` (of the
 * programme's code and a number in [0, 1)), and a status that fits their dates as of `asOf` (returned if
 * they came home in the three months before it, alumni or completed before that).
 */
export interface DrawnPeople {
  kind: 'drawn';
  count: number;
  age: (programmeCode: SQL, u: SQL) => SQL;
  asOf: string;
}

/**
 * Exactly `people` people a year, `southSouth` of them between two countries of the South and the others to
 * or from Norway, each on a flow (an ordered pair of partners in two countries) of a partnership running that
 * year, taken in turn (the newest partnerships' first), so that every flow has people in one of its years and
 * every partner both sends and hosts. Two in three women, aged 19–35 (27 on average), 6–12 months (8 on
 * average). Their status is history (completed, alumni, a few ended early), with planned dates only.
 */
export interface YearlyPeople {
  kind: 'yearly';
  years: readonly { year: number; people: number; southSouth: number }[];
}

/** Norway: the North of every exchange. */
const NORTH = 'NO';
const PROFESSIONS = ['Nurse', 'Midwife', 'Teacher', 'Journalist', 'Agronomist', 'Physiotherapist', 'Engineer', 'Youth worker', 'Accountant', 'Laboratory technician'];
/** Names for people from each country: the country's own where db/factories/people-names.ts has them, else a neighbour's. */
const NAME_COUNTRY: Record<string, string> = {
  ...Object.fromEntries(Object.keys(peopleNames).map((country) => [country, country])),
  IN: 'NP', LK: 'BD', VN: 'ID', PH: 'ID', KH: 'ID', TH: 'ID', MM: 'BD',
  KE: 'TZ', ZM: 'MW', ZW: 'MW', MZ: 'MW', ZA: 'UG', RW: 'UG', GH: 'UG', MG: 'TZ',
  NI: 'GT', CO: 'BO', HN: 'GT',
};

export async function generateHistory(db: Database, plan: HistoryPlan): Promise<{ organisations: number; partnerships: number; people: number }> {
  checkPlan(plan);
  const bar = progressBar(plan.progress ?? false);
  const batchSize = plan.batchSize ?? 50_000;
  const ids = idsOf(plan.idPrefix);
  const [firstOrganisation, lastOrganisation] = plan.organisations.rows;
  const [firstPartnership, lastPartnership] = plan.partnerships.rows;
  const organisationCount = lastOrganisation - firstOrganisation + 1;
  const partnershipCount = lastPartnership - firstPartnership + 1;

  bar.start('organisations', organisationCount);
  await insertOrganisations(db, plan.organisations, ids);
  bar.tick(organisationCount);

  bar.start('partnerships', partnershipCount);
  const batches = batchesOf(firstPartnership, lastPartnership, batchSize);
  for (const [from, to] of batches) {
    await insertPartnerships(db, plan, ids, from, to);
    if (plan.partnerships.partnersBy === 'drawn') await drawPartners(db, plan, ids, from, to);
    if (plan.rounds) await insertRounds(db, plan, plan.rounds, ids, from, to);
    bar.tick(to - from + 1);
  }
  if (plan.partnerships.partnersBy === 'in turn') await partnersInTurn(db, plan, ids);
  if (plan.partnerships.titleFromCities) await titleFromCities(db, plan, ids);

  const people = plan.people.kind === 'drawn' ? plan.people.count : plan.people.years.reduce((sum, y) => sum + y.people, 0);
  bar.start('participants', people);
  // Bulk loading: the participants' secondary indexes (a trigram index above all) are dropped and built
  // again after the last batch, which is several times faster than keeping them up to date row by row.
  const indexes = plan.bulk
    ? await rawRows<{ indexname: string; indexdef: string }>(db, sql`select indexname, indexdef from pg_indexes where tablename = 'participants' and indexname <> 'participants_pkey'`)
    : [];
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
  if (plan.people.kind === 'drawn') {
    const drawn = plan.people;
    for (const [from, to] of batchesOf(1, drawn.count, batchSize)) {
      // checkPlan: drawn people have rounds.
      await drawPeople(db, plan, plan.rounds!, drawn, ids, from, to);
      bar.tick(to - from + 1);
    }
  } else {
    await peopleByYear(db, plan, plan.people, ids);
    bar.tick(people);
  }
  if (plan.statusHistoryActor) {
    // Each status row's foreign key is checked by a look-up of its participant, planned once per connection
    // and kept: planned while the table held the rest of the demo's few rows (and analysed while empty by
    // migration 0027, so the planner believes its size), it is a scan of the table, and each of the demo's
    // 12,000 statuses read half the people on average (72 million rows, 5.9 s on PGlite). Analysing the
    // people just written plans it again, with the index (docs/decisions/018, fourth addendum).
    await db.execute(sql`analyze participants`);
    await recordStatuses(db, plan.statusHistoryActor, plan.people, ids);
  }
  if (plan.bulk) {
    bar.start('indexes', indexes.length);
    for (const index of indexes) {
      await db.execute(sql.raw(index.indexdef));
      bar.tick(1);
    }
    bar.start('analyse', 1);
    await db.execute(sql`analyze`);
    bar.tick(1);
  }
  bar.done();
  return { organisations: organisationCount, partnerships: partnershipCount, people };
}

/** What the two ways of choosing can do, checked before anything is written. */
function checkPlan(plan: HistoryPlan) {
  if (plan.people.kind === 'drawn' && !plan.rounds) throw new Error('drawn people go on rounds: the plan has none');
  if (plan.partnerships.partnersBy === 'drawn' && plan.partnerships.kinds.some((k) => k.north > 1 || k.south > 2 || k.south < 1)) {
    throw new Error('drawn partners: at most one Norwegian and one or two southern partners a partnership');
  }
  if (plan.programmeIds.length === 0 || plan.partnerships.kinds.length === 0) throw new Error('a history needs programmes and kinds of partnership');
}

/** The ids of a plan's rows: md5 of its prefix, the kind of row and the row's number. */
function idsOf(prefix: string) {
  const of = (kind: string) => (row: SQL) => sql`md5(${sql.raw(quote(`${prefix}${kind}`))} || ${row})::uuid`;
  return { prefix, organisation: of('organisation'), partnership: of('partnership'), application: of('application'), round: of('round'), participant: of('participant') };
}
type Ids = ReturnType<typeof idsOf>;

function batchesOf(first: number, last: number, size: number): [number, number][] {
  const batches: [number, number][] = [];
  for (let from = first; from <= last; from += size) batches.push([from, Math.min(last, from + size - 1)]);
  return batches;
}

async function insertOrganisations(db: Database, o: OrganisationPlan, ids: Ids) {
  const g = sql`g`;
  const places = sql.raw(
    `(values ${o.places.map((p, i) => `(${i}, ${quote(p.countryCode)}, ${quote(p.city)}, ${p.cityId ?? 'null::int'}, ${p.matchedCityName ? quote(p.matchedCityName) : 'null::text'}, ${p.latitude ?? 'null::float8'}, ${p.longitude ?? 'null::float8'})`).join(', ')}) as pl(slot, country, city, city_id, matched, lat, lon)`,
  );
  const name = o.numbered ? sql`pl.city || ' ' || (${textArray(o.kinds)})[1 + ${o.kind(g)}] || ' ' || g` : sql`pl.city || ' ' || (${textArray(o.kinds)})[1 + ${o.kind(g)}]`;
  await db.execute(sql`
    insert into organisations (id, legal_name, short_name, country_code, city, city_id, matched_city_name, latitude, longitude, organisation_type, sector_code)
    select ${ids.organisation(g)}, ${name}, null, pl.country, pl.city, pl.city_id, pl.matched, pl.lat, pl.lon,
           (${textArray(o.types)})[1 + g % ${literal(o.types.length)}], (${textArray(o.sectors)})[1 + ${o.sector(g)}]
    from generate_series(${literal(o.rows[0])}, ${literal(o.rows[1])}) g join ${places} on pl.slot = ${o.place(g)}`);
}

/** Which of the plan's partnership kinds (from 0) a row is: in turn by its number, or drawn. */
function kindOf(p: PartnershipPlan, row: SQL): SQL {
  const total = p.kinds.reduce((sum, k) => sum + k.weight, 0);
  const by = p.kindBy === 'in turn' ? sql`${row} % ${literal(total)}` : uniform('shape', row);
  let cumulative = 0;
  const whens = p.kinds.slice(0, -1).map((k, i) => {
    cumulative += k.weight;
    const bound = p.kindBy === 'in turn' ? literal(cumulative) : sql.raw(String(cumulative / total));
    return sql`when ${by} < ${bound} then ${literal(i)}`;
  });
  return sql`(case ${sql.join(whens, sql` `)} else ${literal(p.kinds.length - 1)} end)`;
}

/** A per-kind value of the plan's partnership kinds, for a kind index. */
function ofKind(p: PartnershipPlan, pick: (k: PartnershipKind) => string | number, kind: SQL): SQL {
  const values = p.kinds.map(pick);
  return sql`(${sql.raw(`array[${values.map((v) => (typeof v === 'number' ? String(v) : quote(v))).join(',')}]`)})[1 + ${kind}]`;
}

async function insertPartnerships(db: Database, plan: HistoryPlan, ids: Ids, from: number, to: number) {
  const p = plan.partnerships;
  const g = sql`g`;
  await db.execute(sql`
    insert into partnerships (id, title, programme_id, shape, status, sector_code, sdg_goals, starts_on, ends_on)
    select ${ids.partnership(g)}, 'Exchange partnership ' || g, (${uuidArray(plan.programmeIds)})[1 + g % ${literal(plan.programmeIds.length)}],
           ${ofKind(p, (k) => k.shape, kindOf(p, g))},
           case when y.year + ${literal(p.years - 1)} < ${literal(p.closedIfEndedBefore)} then 'closed' else 'active' end,
           (${textArray(p.sectors)})[1 + g % ${literal(p.sectors.length)}], ${p.goals(g)},
           make_date(y.year, 1, 1), make_date(y.year + ${literal(p.years - 1)}, 12, 31)
    from generate_series(${literal(from)}, ${literal(to)}) g cross join lateral (select ${p.startYear(g)} as year) y`);
}

/** The plan's organisations on one side (Norwegian or southern), numbered from 0 in `order`. */
function side(ids: Ids, o: OrganisationPlan, north: boolean, order: 'row' | 'id') {
  return sql`select o.id, row_number() over (order by ${order === 'row' ? sql`g` : sql`o.id`}) - 1 as n
             from generate_series(${literal(o.rows[0])}, ${literal(o.rows[1])}) g join organisations o on o.id = ${ids.organisation(sql`g`)}
             where ${north ? sql`o.country_code = ${NORTH}` : sql`o.country_code <> ${NORTH}`}`;
}

/** Drawn partners: a Norwegian one if the kind has one, one or two from the South (different ones). */
async function drawPartners(db: Database, plan: HistoryPlan, ids: Ids, from: number, to: number) {
  const p = plan.partnerships;
  const g = sql`p.g`;
  await db.execute(sql`
    with norwegian as (${side(ids, plan.organisations, true, 'id')}),
         southern as (${side(ids, plan.organisations, false, 'id')}),
         sizes as (select (select count(*) from norwegian) as nn, (select count(*) from southern) as ns),
         p as (select g, ${ids.partnership(sql`g`)} as id, ${kindOf(p, sql`g`)} as kind from generate_series(${literal(from)}, ${literal(to)}) g),
         picks as (
           select p.id, ${ofKind(p, (k) => k.north, sql`p.kind`)} as north_count, ${ofKind(p, (k) => k.south, sql`p.kind`)} as south_count,
                  floor(${uniform('north', g)} * sizes.nn)::bigint as north,
                  floor(${uniform('south1', g)} * sizes.ns)::bigint as s1,
                  (floor(${uniform('south1', g)} * sizes.ns)::bigint + 1 + floor(${uniform('south2', g)} * (sizes.ns - 1))::bigint) % sizes.ns as s2
           from p cross join sizes)
    insert into partnership_partners (partnership_id, organisation_id, is_coordinator)
    select picks.id, norwegian.id, true from picks join norwegian on norwegian.n = picks.north where picks.north_count >= 1
    union all
    select picks.id, southern.id, picks.north_count = 0 from picks join southern on southern.n = picks.s1
    union all
    select picks.id, southern.id, false from picks join southern on southern.n = picks.s2 where picks.south_count >= 2`);
}

/** Partners in turn: each side's next organisations; the first Norwegian one coordinates, else the first southern one. */
async function partnersInTurn(db: Database, plan: HistoryPlan, ids: Ids) {
  const p = plan.partnerships;
  const j = sql`j`;
  await db.execute(sql`
    with norwegian as (${side(ids, plan.organisations, true, 'row')}),
         southern as (${side(ids, plan.organisations, false, 'row')}),
         sizes as (select (select count(*) from norwegian) as nn, (select count(*) from southern) as ns),
         counts as (
           select j, ${ofKind(p, (k) => k.south, kindOf(p, j))} as south, ${ofKind(p, (k) => k.north, kindOf(p, j))} as north
           from generate_series(${literal(p.rows[0])}, ${literal(p.rows[1])}) j),
         picks as (
           select j, south, north, sum(south) over (order by j) - south as south_offset, sum(north) over (order by j) - north as north_offset from counts)
    insert into partnership_partners (partnership_id, organisation_id, is_coordinator)
    select ${ids.partnership(j)}, norwegian.id, i = 0
    from picks cross join sizes cross join lateral generate_series(0, picks.north - 1) i join norwegian on norwegian.n = (picks.north_offset + i) % sizes.nn
    union all
    select ${ids.partnership(j)}, southern.id, picks.north = 0 and i = 0
    from picks cross join sizes cross join lateral generate_series(0, picks.south - 1) i join southern on southern.n = (picks.south_offset + i) % sizes.ns`);
}

/** The plan's partnership ids, as a subquery. */
function partnershipIds(plan: HistoryPlan, ids: Ids) {
  return sql`select ${ids.partnership(sql`j`)} from generate_series(${literal(plan.partnerships.rows[0])}, ${literal(plan.partnerships.rows[1])}) j`;
}

async function titleFromCities(db: Database, plan: HistoryPlan, ids: Ids) {
  await db.execute(sql`
    update partnerships p set title = 'Exchange between ' || t.cities
    from (select pp.partnership_id, string_agg(o.city, ', ' order by pp.is_coordinator desc, o.city) as cities
          from partnership_partners pp join organisations o on o.id = pp.organisation_id
          where pp.partnership_id in (${partnershipIds(plan, ids)})
          group by pp.partnership_id) t
    where p.id = t.partnership_id`);
}

/** Yearly rounds from the year after the collaboration began, each granted by an approved application of its coordinator's. */
async function insertRounds(db: Database, plan: HistoryPlan, rounds: NonNullable<HistoryPlan['rounds']>, ids: Ids, from: number, to: number) {
  const g = sql`g`;
  const roundOf = sql`${g} || '/' || k`;
  await db.execute(sql`
    insert into applications (id, call_id, partnership_id, coordinator_organisation_id, title, status)
    select ${ids.application(roundOf)}, (${uuidArray(rounds.callIds)})[1 + g % ${literal(rounds.callIds.length)}], ${ids.partnership(g)}, pp.organisation_id, 'Exchange partnership ' || g || ', round ' || k, 'active'
    from generate_series(${literal(from)}, ${literal(to)}) g cross join generate_series(1, ${literal(rounds.perPartnership)}) k
    join partnership_partners pp on pp.partnership_id = ${ids.partnership(g)} and pp.is_coordinator`);
  await db.execute(sql`
    insert into partnership_stages (id, partnership_id, application_id, kind, round_number, starts_on, ends_on, amount_ceiling_minor, currency)
    select ${ids.round(roundOf)}, ${ids.partnership(g)}, ${ids.application(roundOf)}, 'round', k,
           make_date((${plan.partnerships.startYear(g)}) + k, 1, 1), make_date((${plan.partnerships.startYear(g)}) + k, 12, 31), ${literal(rounds.amountCeilingMinor)}, ${rounds.currency}
    from generate_series(${literal(from)}, ${literal(to)}) g cross join generate_series(1, ${literal(rounds.perPartnership)}) k`);
}

/** First, family and given names of people from each country (the alias `nm`). */
function namesTable(): SQL {
  return sql.raw(
    `(values ${Object.entries(NAME_COUNTRY)
      .map(([country, from]) => {
        const list = peopleNames[from]!;
        return `('${country}', array[${list.given.female.map(quote).join(',')}], array[${list.given.male.map(quote).join(',')}], array[${list.family.map(quote).join(',')}])`;
      })
      .join(', ')}) as nm(country, female, male, family)`,
  );
}

/** The locale of people from a country: Norwegian Bokmål, Spanish in Latin America, else English. */
function localeOf(country: SQL): SQL {
  return sql`case ${country} when 'NO' then 'nb' when 'BO' then 'es' when 'GT' then 'es' when 'NI' then 'es' when 'HN' then 'es' when 'CO' then 'es' else 'en' end`;
}

async function drawPeople(db: Database, plan: HistoryPlan, rounds: NonNullable<HistoryPlan['rounds']>, people: DrawnPeople, ids: Ids, from: number, to: number) {
  const [first, last] = plan.partnerships.rows;
  const partnerships = last - first + 1;
  const g = sql`g`;
  const asOf = sql`${sql.raw(quote(people.asOf))}::date`;
  await db.execute(sql`
    with partners as (
           select partnership_id, array_agg(organisation_id order by is_coordinator desc, organisation_id) as ids
           from partnership_partners where partnership_id in (${partnershipIds(plan, ids)})
           group by partnership_id),
         person as (
           select g, ${literal(first)} + (${uniform('partnership', g)} * ${literal(partnerships)})::int % ${literal(partnerships)} as pg, 1 + (${uniform('round', g)} * ${literal(rounds.perPartnership)})::int % ${literal(rounds.perPartnership)} as k,
                  ${uniform('gender', g)} as gu, ${uniform('age', g)} as au, ${uniform('fate', g)} as fu, ${uniform('names', g)} as nu, ${uniform('host', g)} as hu
           from generate_series(${literal(from)}, ${literal(to)}) g),
         placed as (
           select person.*, partners.ids, stages.id as stage_id, stages.starts_on as round_start, pr.code as programme,
                  partners.ids[1 + (person.nu * 7919 * array_length(partners.ids, 1))::int % array_length(partners.ids, 1)] as home_id
           from person
           join partnership_stages stages on stages.id = ${ids.round(sql`person.pg || '/' || person.k`)}
           join partners on partners.partnership_id = stages.partnership_id
           join partnerships pa on pa.id = stages.partnership_id
           join programmes pr on pr.id = pa.programme_id),
         dated as (
           select placed.*, home.country_code as home_country,
                  (select x from unnest(placed.ids) x where x <> placed.home_id order by md5(x::text || placed.g) limit 1) as host_id,
                  (placed.round_start + ((array[0, 2, 7, 8])[1 + (placed.hu * 4)::int % 4] || ' months')::interval)::date as starts_on,
                  (array[6, 12, 12, 12])[1 + (placed.hu * 4000)::int % 4] as months,
                  case when placed.gu < 0.62 then 'female' when placed.gu < 0.97 then 'male' when placed.gu < 0.99 then 'other' else 'undisclosed' end as gender,
                  ${people.age(sql`placed.programme`, sql`placed.au`)} as age
           from placed join organisations home on home.id = placed.home_id),
         fated as (
           select dated.*, (dated.starts_on + (dated.months || ' months')::interval - interval '1 day')::date as ends_on
           from dated),
         statused as (
           select fated.*,
                  case
                    when fated.starts_on > ${asOf} then case when fated.fu < 0.05 then 'withdrawn' when fated.fu < 0.5 then 'nominated' when fated.fu < 0.75 then 'approved' else 'preparing' end
                    when fated.ends_on >= ${asOf} then case when fated.fu < 0.03 then 'ended_early' else 'in_placement' end
                    when fated.fu < 0.04 then 'withdrawn' when fated.fu < 0.07 then 'ended_early'
                    when fated.ends_on > ${asOf} - interval '3 months' then 'returned'
                    when fated.fu < 0.4 then 'completed' else 'alumni' end as status
           from fated)
    insert into participants (id, given_name, family_name, gender, birth_date, partnership_id, home_organisation_id, host_organisation_id, status,
                              starts_on, ends_on, stage_id, email, nationality, residence_country, profession, locale, actual_starts_on, actual_ends_on, host_decision)
    select ${ids.participant(sql`s.g`)},
           case when s.gender = 'female' or (s.gender <> 'male' and s.nu < 0.5) then nm.female[1 + (s.nu * 1000)::int % array_length(nm.female, 1)] else nm.male[1 + (s.nu * 1000)::int % array_length(nm.male, 1)] end,
           nm.family[1 + (s.nu * 100000)::int % array_length(nm.family, 1)],
           s.gender,
           (s.starts_on - (s.age || ' years')::interval - ((s.au * 36500)::int % 365 || ' days')::interval)::date,
           (select partnership_id from partnership_stages where id = s.stage_id), s.home_id, s.host_id, s.status,
           s.starts_on, s.ends_on, s.stage_id, ${sql.raw(quote(`${ids.prefix}participant`))} || s.g || '@example.org', s.home_country, s.home_country,
           (${textArray(PROFESSIONS)})[1 + s.g % ${literal(PROFESSIONS.length)}],
           ${localeOf(sql`s.home_country`)},
           case when s.status in ('in_placement','returned','completed','alumni','ended_early') then s.starts_on end,
           case when s.status in ('returned','completed','alumni') then s.ends_on when s.status = 'ended_early' and s.ends_on < ${asOf} then s.ends_on - 30 end,
           case when s.status = 'nominated' then 'pending' when s.status = 'withdrawn' and s.fu < 0.01 then 'declined' else 'accepted' end
    from statused s join ${namesTable()} on nm.country = s.home_country`);
}

/** The people of a year, as an SQL values list `y(year, people, south_south)`. */
function yearValues(people: YearlyPeople): SQL {
  return sql.raw(`(values ${people.years.map((y) => `(${y.year}, ${y.people}, ${y.southSouth})`).join(', ')}) as y(year, people, south_south)`);
}

async function peopleByYear(db: Database, plan: HistoryPlan, people: YearlyPeople, ids: Ids) {
  const years = yearValues(people);
  const seed = sql`person.seed`;
  const dSeed = sql`d.seed`;
  await db.execute(sql`
    with flows as (
           -- Every ordered pair of partners of a partnership, with the partnership's start year, and whether it is South–South.
           select p.id as partnership_id, extract(year from p.starts_on)::int as first_year, a.organisation_id as home_id, b.organisation_id as host_id,
                  ha.country_code as home_country, (ha.country_code <> ${NORTH} and hb.country_code <> ${NORTH}) as south_south,
                  row_number() over (partition by extract(year from p.starts_on), (ha.country_code <> ${NORTH} and hb.country_code <> ${NORTH}) order by p.id, a.organisation_id, b.organisation_id) as n
           from partnerships p
           join partnership_partners a on a.partnership_id = p.id join partnership_partners b on b.partnership_id = p.id and b.organisation_id <> a.organisation_id
           join organisations ha on ha.id = a.organisation_id join organisations hb on hb.id = b.organisation_id
           -- Exchanges cross a border: two partners of one country (two Norwegian, or a third southern) do not exchange with each other.
           where ha.country_code <> hb.country_code and p.id in (${partnershipIds(plan, ids)})),
         running as materialized (
           -- The flows of partnerships running in a year (started in it or in the ones before), numbered per kind.
           select y.year, f.*, row_number() over (partition by y.year, f.south_south order by f.first_year desc, f.n) - 1 as k
           from ${years} join flows f on f.first_year between y.year - ${literal(plan.partnerships.years - 1)} and y.year),
         sizes as (select year, south_south, count(*) as of from running group by year, south_south),
         person as materialized (
           -- Which of its year's flows of its kind a person went on: in turn, the newest partnerships' first, so that
           -- every flow has people in one of its years and every partner both sends and hosts (the reciprocity rule).
           select y.year, g, sizes.south_south, seed, (case when g < y.south_south then g else g - y.south_south end) % sizes.of as k
           from ${years} cross join lateral generate_series(0, y.people - 1) g
           cross join lateral (select md5(${sql.raw(quote(`${ids.prefix}person`))} || y.year || '/' || g) as seed) s
           join sizes on sizes.year = y.year and sizes.south_south = (g < y.south_south)),
         placed as (
           select person.*, r.partnership_id, r.home_id, r.host_id, r.home_country,
                  case when person.g % 100 < 66 then 'female' when person.g % 100 < 99 then 'male' else 'undisclosed' end as gender,
                  19 + floor(${uniform('age1', seed)} * 9)::int + floor(${uniform('age2', seed)} * 9)::int as age,
                  (array[6, 6, 8, 12])[1 + floor(${uniform('months', seed)} * 4)::int] as months,
                  make_date(person.year, (array[1, 3, 8, 9])[1 + floor(${uniform('month', seed)} * 4)::int], 1) as starts_on,
                  ${uniform('fate', seed)} as fate, ${uniform('names', seed)} as nu
           from person join running r on r.year = person.year and r.south_south = person.south_south and r.k = person.k),
         dated as (
           select placed.*, (placed.starts_on + (placed.months || ' months')::interval - interval '1 day')::date as ends_on from placed)
    insert into participants (id, given_name, family_name, gender, birth_date, partnership_id, home_organisation_id, host_organisation_id, status, status_reason,
                              starts_on, ends_on, email, nationality, residence_country, profession, locale, actual_starts_on, actual_ends_on, host_decision)
    select ${ids.participant(sql`d.year || '/' || d.g`)},
           case when d.gender = 'female' then nm.female[1 + floor(d.nu * array_length(nm.female, 1))::int] else nm.male[1 + floor(d.nu * array_length(nm.male, 1))::int] end,
           nm.family[1 + floor(${uniform('family', dSeed)} * array_length(nm.family, 1))::int],
           d.gender,
           (d.starts_on - (d.age || ' years')::interval - (floor(${uniform('birthday', dSeed)} * 364)::int || ' days')::interval)::date,
           d.partnership_id, d.home_id, d.host_id,
           case when d.fate < 0.03 then 'ended_early' when d.fate < 0.35 then 'completed' else 'alumni' end,
           case when d.fate < 0.03 then 'Came home early for family reasons.' end,
           d.starts_on, d.ends_on, 'person.' || substr(d.seed, 1, 12) || '@example.org', d.home_country, d.home_country,
           (${textArray(PROFESSIONS)})[1 + floor(${uniform('profession', dSeed)} * ${literal(PROFESSIONS.length)})::int],
           ${localeOf(sql`d.home_country`)},
           null, null, 'accepted'
    from dated d join ${namesTable()} on nm.country = d.home_country`);
}

/** Each person's status as a status change, at the start of their stay. */
async function recordStatuses(db: Database, actor: string, people: DrawnPeople | YearlyPeople, ids: Ids) {
  const personIds =
    people.kind === 'yearly'
      ? sql`select ${ids.participant(sql`y.year || '/' || g`)} from ${yearValues(people)} cross join lateral generate_series(0, y.people - 1) g`
      : sql`select ${ids.participant(sql`g`)} from generate_series(1, ${literal(people.count)}) g`;
  await db.execute(sql`
    insert into participant_status_history (participant_id, from_status, to_status, reason, actor_label, at)
    select p.id, null, p.status, p.status_reason, ${actor}, p.starts_on::timestamptz
    from participants p where p.id in (${personIds})`);
}
