import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { createAgency } from '../db/factories/agency-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { listPublicPartnerships, type PublicPartnershipFilter } from '../core/partnerships/list-public-partnerships.ts';

/**
 * `npm run bench:partnerships`: the public partnership directory at 100,000 partnerships (2,000
 * organisations in ten countries, two or three partners each), on a fresh in-memory PGlite, or on
 * PostgreSQL when BENCH_DATABASE_URL names an empty database. Bulk rows come from generate_series in
 * the database (an ORM insert would spend seconds building SQL). Prints milliseconds per query.
 */
const count = Number(process.env.BENCH_PARTNERSHIPS ?? 100_000);
const url = process.env.BENCH_DATABASE_URL;
const handle = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite' });
await handle.migrate();
const db = handle.db;

let started = performance.now();
await createAgency(db);
const programme = await createProgramme(db, { code: `bench-${Date.now()}` });
await db.execute(sql`
  insert into organisations (legal_name, country_code, city, organisation_type)
  select 'Organisation ' || g, (array['NO','NP','ET','MW','UG','TZ','BO','GT','BD','ID'])[1 + g % 10], 'City ' || (g % 50), '22'
  from generate_series(1, 2000) g`);
await db.execute(sql`
  insert into partnerships (title, programme_id, shape, status, sector_code, starts_on, ends_on)
  select 'Exchange ' || md5(g::text), ${programme.id},
         (array['north_south','south_south','triangular'])[1 + g % 3],
         (array['active','closed','draft','submitted'])[1 + g % 4],
         (array['12181','11130','15150','23210'])[1 + g % 4], '2025-01-01', '2027-12-31'
  from generate_series(1, ${count}) g`);
await db.execute(sql`
  insert into partnership_partners (partnership_id, organisation_id, is_coordinator)
  select p.id, o.id, k = 0
  from (select id, row_number() over () as n from partnerships) p
  cross join generate_series(0, 2) k
  join (select id, row_number() over (order by id) - 1 as n from organisations) o on o.n = (p.n * 7 + k * 613) % 2000
  where k < 2 + (p.n % 2)
  on conflict do nothing`);
await db.execute(sql`analyze`);
console.log(`Loaded ${count} partnerships in ${Math.round(performance.now() - started)} ms (${handle.kind})\n`);

const cases: [string, PublicPartnershipFilter][] = [
  ['first page, no filter', {}],
  ['country = NP', { country: 'NP' }],
  ['shape = triangular, status = active', { shape: 'triangular', status: 'active' }],
  ['title contains "ab12"', { q: 'ab12' }],
  ['country + shape + sector', { country: 'ET', shape: 'north_south', sector: '12181' }],
];
console.log('| query | p50 ms | p95 ms | rows | total |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, filter] of cases) {
  const times: number[] = [];
  let last = { items: [] as unknown[], total: 0 };
  for (let i = 0; i < 15; i++) {
    started = performance.now();
    last = await listPublicPartnerships({ db }, filter);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(1);
  console.log(`| ${name} | ${at(50)} | ${at(95)} | ${last.items.length} | ${last.total} |`);
}
await handle.close();
