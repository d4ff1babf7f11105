import { sql } from 'drizzle-orm';
import { listApplications, type ApplicationFilter } from '../core/applications/list-applications.ts';
import { system, type Actor } from '../core/identity/actor.ts';
import { applicationPartners } from '../db/schema/applications.ts';
import { openDatabase } from '../db/client.ts';
import { createAgency } from '../db/factories/agency-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { printQueryTimings } from './print-query-timings.ts';
import { coreContext } from '../core/context.ts';

/**
 * `npm run bench:applications`: the staff list of applications at 100,000 applications (2,000
 * organisations, two or three partners each, 4 calls), as an adviser (every sent application) and as
 * a partner coordinator (their own, through the partner scope). Fresh in-memory PGlite, or PostgreSQL
 * when BENCH_DATABASE_URL names an empty database. Prints milliseconds per query.
 */
const count = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const url = process.env.BENCH_DATABASE_URL;
const handle = url ? await openDatabase({ kind: 'postgres', url }) : await openDatabase({ kind: 'pglite' });
await handle.migrate();
const db = handle.db;

const started = performance.now();
await createAgency(db);
const programme = await createProgramme(db, { code: `bench-${Date.now()}` });
const calls = [];
for (let i = 0; i < 4; i++) calls.push(await createCall(db, { programmeId: programme.id }));
await db.execute(sql`
  insert into organisations (legal_name, country_code, city, organisation_type)
  select 'Organisation ' || g, (array['NO','NP','ET','MW','UG','TZ','BO','GT','BD','ID'])[1 + g % 10], 'City ' || (g % 50), '22'
  from generate_series(1, 2000) g`);
const callIds = sql.raw(`array[${calls.map((c) => `'${c.id}'::uuid`).join(',')}]`);
await db.execute(sql`
  insert into applications (title, call_id, coordinator_organisation_id, status, shape, sector_code, sdg_goals)
  select 'Application ' || md5(g::text), (${callIds})[1 + g % 4], o.id,
         (array['draft','submitted','in_review','approved','rejected','returned','active','closed'])[1 + (g / 4) % 8],
         (array['north_south','south_south','triangular'])[1 + g % 3],
         (array['12181','11130','15150','23210'])[1 + g % 4],
         array[(1 + g % 17)::text]
  from generate_series(1, ${count}) g
  join (select id, row_number() over (order by id) - 1 as n from organisations) o on o.n = (g * 7) % 2000`);
await db.execute(sql`
  insert into application_partners (application_id, organisation_id, is_coordinator, position)
  select a.id, o.id, k = 0, k
  from (select id, row_number() over () as n from applications) a
  cross join generate_series(0, 2) k
  join (select id, row_number() over (order by id) - 1 as n from organisations) o on o.n = (a.n * 7 + k * 613) % 2000
  where k < 2 + (a.n % 2)
  on conflict do nothing`);
await db.execute(sql`analyze`);
const [someOrg] = await db.select({ id: applicationPartners.organisationId }).from(applicationPartners).limit(1);
const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
const coordinator = await createUser(db, { memberships: [{ organisationId: someOrg!.id, role: 'partner_coordinator' }] });
console.log(`Loaded ${count} applications in ${Math.round(performance.now() - started)} ms (${handle.kind})\n`);

const cases: [string, Actor, ApplicationFilter][] = [
  ['adviser: first page, no filter', adviser.actor, {}],
  ['adviser: call + status submitted', adviser.actor, { call: calls[0]!.id, status: 'submitted' }],
  ['adviser: country = NP', adviser.actor, { country: 'NP' }],
  ['adviser: SDG 3 + sector', adviser.actor, { sdg: '3', sector: '12181' }],
  ['adviser: title contains "ab12"', adviser.actor, { q: 'ab12' }],
  ['coordinator: own applications', coordinator.actor, {}],
  ['system: shape + programme', system('bench'), { shape: 'triangular', programme: programme.code }],
];
await printQueryTimings(cases.map(([name, actor, filter]) => [name, () => listApplications(coreContext({ db, actor }), filter)]));
await handle.close();
