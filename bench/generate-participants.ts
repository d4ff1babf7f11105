import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { createAgency } from '../db/factories/agency-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { peopleNames } from '../db/factories/people-names.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';

/**
 * Fills an empty database with `count` participants and everything they belong to: organisations in
 * Norway and nine countries of the South (about one per 250 participants, a third Norwegian), partnerships
 * (one per 20 participants) of every shape in three programmes, each with two or three partners and three
 * yearly rounds (each round granted by an application), and the participants themselves: names from
 * their home country, two thirds women, ages that fit their programme, stays starting 2001–2026 and a
 * status that fits their dates as of 1 June 2026.
 *
 * Deterministic: every "random" choice is a slice of md5 of the row number and a salt, computed in the
 * database, and every id is md5 of the same, so two runs give the same rows (and the same ids) on
 * PostgreSQL and on PGlite. Rows are made server-side by `insert … select … generate_series` in batches
 * (the pg driver here has no COPY stream; a batch of 50,000 rows is one statement), with a progress bar
 * on stderr.
 */
export async function generateParticipants(db: Database, { count, batchSize = 50_000, progress = true }: { count: number; batchSize?: number; progress?: boolean }) {
  const bar = progressBar(progress);
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
  const programmeArray = sql.raw(`array[${programmeRows.map((p) => `'${p.id}'::uuid`).join(',')}]`);
  const callArray = sql.raw(`array[${callRows.map((c) => `'${c.id}'::uuid`).join(',')}]`);

  bar.start('organisations', organisationCount);
  // A third in Norway (every third row), the rest spread over the South.
  await db.execute(sql`
    insert into organisations (id, legal_name, country_code, city, organisation_type, sector_code)
    select md5('organisation' || g)::uuid,
           c.city || ' ' || (array['University Hospital','Teachers'' College','Youth Association','Daily News','Agricultural Institute','Health Centre','Folk High School','Community Radio'])[1 + g % 8] || ' ' || g,
           c.country, c.city, (array['22','21','80','40'])[1 + g % 4], (array['12181','11130','15150','23210','12191'])[1 + g % 5]
    from generate_series(1, ${n(organisationCount)}) g
    cross join lateral (select case when g % 3 = 0 then 'NO' else (array['NP','ET','MW','UG','TZ','BO','GT','BD','ID'])[1 + (${h('country', sql`g`)} * 9)::int % 9] end as country) k
    cross join lateral (select k.country as country, (${cities(sql`k.country`)})[1 + g % 3] as city) c`);
  bar.tick(organisationCount);

  bar.start('partnerships', partnershipCount);
  for (let from = 1; from <= partnershipCount; from += batchSize) {
    const to = Math.min(partnershipCount, from + batchSize - 1);
    // Half North–South, three in ten triangular, two in ten South–South; the year the collaboration began, 2000–2023.
    await db.execute(sql`
      insert into partnerships (id, title, programme_id, shape, status, sector_code, sdg_goals, starts_on, ends_on)
      select md5('partnership' || g)::uuid, 'Exchange partnership ' || g, (${programmeArray})[1 + g % 3],
             case when ${h('shape', sql`g`)} < 0.5 then 'north_south' when ${h('shape', sql`g`)} < 0.8 then 'triangular' else 'south_south' end,
             case when 2000 + g % 24 + 4 < 2026 then 'closed' else 'active' end,
             (array['12181','11130','15150','23210'])[1 + g % 4], array[(1 + g % 17)::text],
             make_date(2000 + g % 24, 1, 1), make_date(2000 + g % 24 + 3, 12, 31)
      from generate_series(${n(from)}, ${n(to)}) g`);
    // Partners: a Norwegian one for North–South and triangular, one or two from the South.
    await db.execute(sql`
      with norwegian as (select id, row_number() over (order by id) - 1 as n from organisations where country_code = 'NO' and legal_name ~ ' [0-9]+$'),
           southern as (select id, row_number() over (order by id) - 1 as n from organisations where country_code <> 'NO' and legal_name ~ ' [0-9]+$'),
           sizes as (select (select count(*) from norwegian) as nn, (select count(*) from southern) as ns),
           p as (select g, md5('partnership' || g)::uuid as id, shape from generate_series(${n(from)}, ${n(to)}) g join partnerships on partnerships.id = md5('partnership' || g)::uuid),
           picks as (
             select p.id, p.shape,
                    floor(${h('north', sql`p.g`)} * sizes.nn)::bigint as north,
                    floor(${h('south1', sql`p.g`)} * sizes.ns)::bigint as s1,
                    (floor(${h('south1', sql`p.g`)} * sizes.ns)::bigint + 1 + floor(${h('south2', sql`p.g`)} * (sizes.ns - 1))::bigint) % sizes.ns as s2
             from p cross join sizes)
      insert into partnership_partners (partnership_id, organisation_id, is_coordinator)
      select picks.id, norwegian.id, true from picks join norwegian on norwegian.n = picks.north where picks.shape <> 'south_south'
      union all
      select picks.id, southern.id, picks.shape = 'south_south' from picks join southern on southern.n = picks.s1
      union all
      select picks.id, southern.id, false from picks join southern on southern.n = picks.s2 where picks.shape <> 'north_south'`);
    // Three yearly rounds each, each granted by an approved application to the programme's call.
    await db.execute(sql`
      insert into applications (id, call_id, partnership_id, coordinator_organisation_id, title, status)
      select md5('application' || g || '/' || k)::uuid, (${callArray})[1 + g % 3], md5('partnership' || g)::uuid, pp.organisation_id, 'Exchange partnership ' || g || ', round ' || k, 'active'
      from generate_series(${n(from)}, ${n(to)}) g cross join generate_series(1, 3) k
      join partnership_partners pp on pp.partnership_id = md5('partnership' || g)::uuid and pp.is_coordinator`);
    await db.execute(sql`
      insert into partnership_stages (id, partnership_id, application_id, kind, round_number, starts_on, ends_on, amount_ceiling_minor, currency)
      select md5('round' || g || '/' || k)::uuid, md5('partnership' || g)::uuid, md5('application' || g || '/' || k)::uuid, 'round', k,
             make_date(2000 + g % 24 + k, 1, 1), make_date(2000 + g % 24 + k, 12, 31), 150000000, 'NOK'
      from generate_series(${n(from)}, ${n(to)}) g cross join generate_series(1, 3) k`);
    bar.tick(to - from + 1);
  }

  bar.start('participants', count);
  const names = sql.raw(
    `(values ${Object.entries(peopleNames)
      .map(([country, n]) => `('${country}', array[${n.given.female.map(quote).join(',')}], array[${n.given.male.map(quote).join(',')}], array[${n.family.map(quote).join(',')}])`)
      .join(', ')}) as n(country, female, male, family)`,
  );
  // Bulk loading: the participants' secondary indexes (a trigram index above all) are dropped and built
  // again after the last batch, which is several times faster than keeping them up to date row by row.
  type Rows<T> = { rows: T[] };
  const indexes = ((await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'participants' and indexname <> 'participants_pkey'`)) as unknown as Rows<{ indexname: string; indexdef: string }>).rows;
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
  for (let from = 1; from <= count; from += batchSize) {
    const to = Math.min(count, from + batchSize - 1);
    await db.execute(sql`
      with partners as (
             select partnership_id, array_agg(organisation_id order by is_coordinator desc, organisation_id) as ids
             from partnership_partners where partnership_id in (select md5('partnership' || q)::uuid from generate_series(1, ${n(partnershipCount)}) q)
             group by partnership_id),
           person as (
             select g, 1 + (${h('partnership', sql`g`)} * ${n(partnershipCount)})::int % ${n(partnershipCount)} as pg, 1 + (${h('round', sql`g`)} * 3)::int % 3 as k,
                    ${h('gender', sql`g`)} as gu, ${h('age', sql`g`)} as au, ${h('fate', sql`g`)} as fu, ${h('names', sql`g`)} as nu, ${h('host', sql`g`)} as hu
             from generate_series(${n(from)}, ${n(to)}) g),
           placed as (
             select person.*, partners.ids, stages.id as stage_id, stages.starts_on as round_start, pr.code as programme,
                    partners.ids[1 + (person.nu * 7919 * array_length(partners.ids, 1))::int % array_length(partners.ids, 1)] as home_id
             from person
             join partnership_stages stages on stages.id = md5('round' || person.pg || '/' || person.k)::uuid
             join partners on partners.partnership_id = stages.partnership_id
             join partnerships pa on pa.id = stages.partnership_id
             join programmes pr on pr.id = pa.programme_id),
           dated as (
             select placed.*, home.country_code as home_country,
                    (select x from unnest(placed.ids) x where x <> placed.home_id order by md5(x::text || placed.g) limit 1) as host_id,
                    (placed.round_start + ((array[0, 2, 7, 8])[1 + (placed.hu * 4)::int % 4] || ' months')::interval)::date as starts_on,
                    (array[6, 12, 12, 12])[1 + (placed.hu * 4000)::int % 4] as months,
                    case when placed.gu < 0.62 then 'female' when placed.gu < 0.97 then 'male' when placed.gu < 0.99 then 'other' else 'undisclosed' end as gender,
                    case placed.programme when 'bench-youth' then 18 + (placed.au * 8)::int % 8 when 'bench-health' then 24 + floor(power(placed.au, 2) * 32)::int else 22 + (placed.au * 14)::int % 14 end as age
             from placed join organisations home on home.id = placed.home_id),
           fated as (
             select dated.*, (dated.starts_on + (dated.months || ' months')::interval - interval '1 day')::date as ends_on
             from dated),
           statused as (
             select fated.*,
                    case
                      when fated.starts_on > date '2026-06-01' then case when fated.fu < 0.05 then 'withdrawn' when fated.fu < 0.5 then 'nominated' when fated.fu < 0.75 then 'approved' else 'preparing' end
                      when fated.ends_on >= date '2026-06-01' then case when fated.fu < 0.03 then 'ended_early' else 'in_placement' end
                      when fated.fu < 0.04 then 'withdrawn' when fated.fu < 0.07 then 'ended_early'
                      when fated.ends_on > date '2026-03-01' then 'returned'
                      when fated.fu < 0.4 then 'completed' else 'alumni' end as status
             from fated)
      insert into participants (id, given_name, family_name, gender, birth_date, partnership_id, home_organisation_id, host_organisation_id, status,
                                starts_on, ends_on, stage_id, email, nationality, residence_country, profession, locale, actual_starts_on, actual_ends_on, host_decision)
      select md5('participant' || s.g)::uuid,
             case when s.gender = 'female' or (s.gender <> 'male' and s.nu < 0.5) then n.female[1 + (s.nu * 1000)::int % array_length(n.female, 1)] else n.male[1 + (s.nu * 1000)::int % array_length(n.male, 1)] end,
             n.family[1 + (s.nu * 100000)::int % array_length(n.family, 1)],
             s.gender,
             (s.starts_on - (s.age || ' years')::interval - ((s.au * 36500)::int % 365 || ' days')::interval)::date,
             (select partnership_id from partnership_stages where id = s.stage_id), s.home_id, s.host_id, s.status,
             s.starts_on, s.ends_on, s.stage_id, 'participant' || s.g || '@example.org', s.home_country, s.home_country,
             (array['Nurse','Midwife','Teacher','Journalist','Agronomist','Physiotherapist','Engineer','Youth worker','Accountant','Laboratory technician'])[1 + s.g % 10],
             case s.home_country when 'NO' then 'nb' when 'BO' then 'es' when 'GT' then 'es' else 'en' end,
             case when s.status in ('in_placement','returned','completed','alumni','ended_early') then s.starts_on end,
             case when s.status in ('returned','completed','alumni') then s.ends_on when s.status = 'ended_early' and s.ends_on < date '2026-06-01' then s.ends_on - 30 end,
             case when s.status = 'nominated' then 'pending' when s.status = 'withdrawn' and s.fu < 0.01 then 'declined' else 'accepted' end
      from statused s join ${names} on n.country = s.home_country`);
    bar.tick(to - from + 1);
  }
  bar.start('indexes', indexes.length);
  for (const index of indexes) {
    await db.execute(sql.raw(index.indexdef));
    bar.tick(1);
  }
  bar.start('analyse', 1);
  await db.execute(sql`analyze`);
  bar.tick(1);
  bar.done();
  return { programmes: programmeRows, calls: callRows, organisationCount, partnershipCount };
}

/** A number in [0, 1) from md5 of a salt and a row number: the same on every run and every database. */
function h(salt: string, g: ReturnType<typeof sql>) {
  return sql`(('x' || substr(md5(${sql.raw(`'${salt}:'`)} || ${g}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
}

/** A whole number written into the SQL (generate_series needs typed bounds, not parameters). */
function n(x: number) {
  return sql.raw(String(Math.trunc(x)));
}

function quote(s: string) {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Three real cities per country, as a SQL array chosen by the country code. */
function cities(country: ReturnType<typeof sql>) {
  const byCountry: Record<string, string[]> = {
    NO: ['Bergen', 'Tromsø', 'Førde'],
    NP: ['Kathmandu', 'Pokhara', 'Dharan'],
    ET: ['Addis Ababa', 'Hawassa', 'Gondar'],
    MW: ['Lilongwe', 'Blantyre', 'Mzuzu'],
    UG: ['Kampala', 'Gulu', 'Mbarara'],
    TZ: ['Dar es Salaam', 'Arusha', 'Moshi'],
    BO: ['La Paz', 'Cochabamba', 'Sucre'],
    GT: ['Guatemala City', 'Quetzaltenango', 'Antigua'],
    BD: ['Dhaka', 'Chittagong', 'Sylhet'],
    ID: ['Jakarta', 'Yogyakarta', 'Makassar'],
  };
  const whens = Object.entries(byCountry).map(([c, list]) => `when '${c}' then array[${list.map(quote).join(',')}]`).join(' ');
  return sql`(case ${country} ${sql.raw(whens)} end)`;
}

/** A progress bar on stderr: one line per phase, redrawn in place on a terminal. */
function progressBar(enabled: boolean) {
  let phase = '';
  let total = 1;
  let done = 0;
  const started = performance.now();
  const draw = () => {
    if (!enabled) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `${phase.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${done}/${total} ${((performance.now() - started) / 1000).toFixed(1)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
  return {
    start(name: string, size: number) {
      if (enabled && phase && process.stderr.isTTY) process.stderr.write('\n');
      phase = name;
      total = Math.max(size, 1);
      done = 0;
      draw();
    },
    tick(n: number) {
      done = Math.min(total, done + n);
      draw();
    },
    done() {
      if (enabled && process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}
