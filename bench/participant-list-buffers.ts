import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { coreContext } from '../core/context.ts';
import type { Actor } from '../core/identity/actor.ts';
import { listParticipants, type ParticipantFilter } from '../core/participants/list-participants.ts';

/**
 * `npx tsx bench/participant-list-buffers.ts [size] [case]`: the buffers each participant-list query reads,
 * from EXPLAIN (ANALYZE, BUFFERS) of every statement listParticipants sends (the look-ups, the page, the
 * count, the eligibility exceptions), on a database `npm run bench:participants` filled
 * (bench_participants_<size>, default 1000000). On a shared machine this is the steadier measure than the
 * milliseconds. With a case name (or part of one), its plans are printed as well.
 */
const size = process.argv[2] ?? '1000000';
const only = process.argv[3];
const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres');
base.pathname = `/bench_participants_${size}`;
const pool = new pg.Pool({ connectionString: base.toString(), max: 1 });
let sent: { query: string; params: unknown[] }[] = [];
const db = drizzle({ client: pool, logger: { logQuery: (query, params) => void sent.push({ query, params }) } });
const one = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
const admin = await one<{ id: string }>(sql`select id from "user" where email = 'bench-admin@example.org'`);
const adviser = await one<{ id: string }>(sql`select id from "user" where email = 'bench-adviser@example.org'`);
const kathmandu = await one<{ id: string }>(sql`select id from organisations where country_code = 'NP' order by id limit 1`);
const user = (id: string, roles: ('administrator' | 'programme_adviser')[], organisationId?: string): Actor => ({
  kind: 'user', userId: id, name: 'Bench', email: 'bench@example.org', locale: 'en', agencyRoles: roles,
  memberships: organisationId ? [{ organisationId, role: 'partner_coordinator' }] : [], participantIds: [],
});
const administrator = user(admin.id, ['administrator']);
const advising = user(adviser.id, ['programme_adviser']);
const cases: [string, Actor, ParticipantFilter][] = [
  ['admin: first page, no filter', administrator, {}],
  ['admin: name "shre"', administrator, { q: 'shre' }],
  ['admin: name "Thapa Ramesh"', administrator, { q: 'Thapa Ramesh' }],
  ['admin: name "s" (one letter)', administrator, { q: 's' }],
  ['admin: programme = health', administrator, { programme: 'bench-health' }],
  ['admin: home country = NP', administrator, { homeCountry: 'NP' }],
  ['admin: host country = NO', administrator, { hostCountry: 'NO' }],
  ['admin: status = withdrawn', administrator, { status: 'withdrawn' }],
  ['admin: year = 2012', administrator, { year: '2012' }],
  ['admin: gender = undisclosed', administrator, { gender: 'undisclosed' }],
  ['admin: age 36 or older', administrator, { age: '36-plus' }],
  ['admin: programme + home country + year + gender', administrator, { programme: 'bench-youth', homeCountry: 'MW', year: '2020', gender: 'female' }],
  ['admin: status + gender + age + year (rare)', administrator, { status: 'ended_early', gender: 'other', age: '31-35', year: '2010' }],
  ['admin: programme youth + 36 or older (no one)', administrator, { programme: 'bench-youth', age: '36-plus' }],
  ['admin: year 2012 + age 31-35', administrator, { year: '2012', age: '31-35' }],
  ['admin: status ended_early + 36 or older', administrator, { status: 'ended_early', age: '36-plus' }],
  ['admin: gender other + 36 or older', administrator, { gender: 'other', age: '36-plus' }],
  ['admin: gender other + year 2010 + age 31-35', administrator, { gender: 'other', year: '2010', age: '31-35' }],
  ['coordinator (Kathmandu): status = alumni', user(crypto.randomUUID(), [], kathmandu.id), { status: 'alumni' }],
  ['adviser (health): no filter', advising, {}],
  ['adviser (health): year = 2024', advising, { year: '2024' }],
  ['adviser (health): up to 25', advising, { age: 'up-to-25' }],
];
console.log(`| query | buffers at ${size} |\n|---|---:|`);
for (const [name, actor, filter] of cases) {
  if (only && !name.includes(only)) continue;
  sent = [];
  await listParticipants(coreContext({ db, actor }), filter);
  let buffers = 0;
  const plans: string[] = [];
  for (const { query, params } of sent) {
    const lines = (await pool.query(`explain (analyze, buffers, costs off) ${query}`, params)).rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
    // The first Buffers line is the top node's: everything the statement read (planning is listed apart).
    const top = lines.find((line) => line.trim().startsWith('Buffers:')) ?? '';
    buffers += [...top.matchAll(/(?:hit|read)=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    plans.push(lines.join('\n'));
  }
  console.log(`| ${name} | ${buffers} |`);
  if (only) console.log(plans.join('\n---\n'));
}
await pool.end();
