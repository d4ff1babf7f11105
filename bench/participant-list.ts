import { spawnSync } from 'node:child_process';
import { serverNodeFlags } from '../scripts/build-server.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { assignAdviser } from '../db/factories/programme-adviser-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { coreContext } from '../core/context.ts';
import type { Actor } from '../core/identity/actor.ts';
import { listParticipants, type ParticipantFilter } from '../core/participants/list-participants.ts';
import { generateParticipants } from './generate-participants.ts';

/**
 * `npm run bench:participants`: every filter of the participant list at 10,000 and at 1,000,000
 * participants on PostgreSQL, then the memory of streaming the CSV of all 1,000,000. Each size gets its
 * own database, bench_participants_<size>, on the server of BENCH_DATABASE_URL (default: the one
 * `npm run db:pg` starts); a database already filled by an earlier run is reused (BENCH_FRESH=1 to
 * refill). BENCH_SIZES=10000 for one size. Writes bench/results/<date>-participants.md.
 */
const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres');
const sizes = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 20);

type Case = [string, Actor, ParticipantFilter];
const results = new Map<string, Map<number, { p50: number; p95: number; rows: number; total: string }>>();
/** The machine is shared: its load average (1, 5, 15 minutes) before each size's queries and at the end, written with the figures. */
const loads: string[] = [];
const load = (when: string) => loads.push(`${when} ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
let csvLine = '';

for (const size of sizes) {
  const url = await database(size);
  const handle = await openDatabase({ kind: 'postgres', url });
  const db = handle.db;
  const ctx = (actor: Actor) => coreContext({ db, actor });
  const one = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
  const admin = await one<{ id: string }>(sql`select id from "user" where email = 'bench-admin@example.org'`);
  const adviser = await one<{ id: string }>(sql`select id from "user" where email = 'bench-adviser@example.org'`);
  const kathmandu = await one<{ id: string }>(sql`select id from organisations where country_code = 'NP' order by id limit 1`);
  const partnership = await one<{ id: string }>(sql`select partnership_id as id from participants order by id limit 1`);
  const round = await one<{ id: string }>(sql`select stage_id as id from participants where stage_id is not null order by id limit 1`);
  const user = (id: string, roles: ('administrator' | 'programme_adviser')[], organisationId?: string): Actor => ({
    kind: 'user', userId: id, name: 'Bench', email: 'bench@example.org', locale: 'en', agencyRoles: roles,
    memberships: organisationId ? [{ organisationId, role: 'partner_coordinator' }] : [], participantIds: [],
  });
  const administrator = user(admin.id, ['administrator']);
  const advising = user(adviser.id, ['programme_adviser']);
  const coordinator = user(crypto.randomUUID(), [], kathmandu.id);
  const second = (await listParticipants(ctx(administrator), {})).next!;
  const cases: Case[] = [
    ['admin: first page, no filter', administrator, {}],
    ['admin: second page', administrator, { after: second }],
    ['admin: name "shre"', administrator, { q: 'shre' }],
    ['admin: name "Thapa Ramesh"', administrator, { q: 'Thapa Ramesh' }],
    ['admin: programme = health', administrator, { programme: 'bench-health' }],
    ['admin: partnership', administrator, { partnership: partnership.id }],
    ['admin: round', administrator, { round: round.id }],
    ['admin: home country = NP', administrator, { homeCountry: 'NP' }],
    ['admin: host country = NO', administrator, { hostCountry: 'NO' }],
    ['admin: status = withdrawn', administrator, { status: 'withdrawn' }],
    ['admin: status = in_placement', administrator, { status: 'in_placement' }],
    ['admin: year = 2012', administrator, { year: '2012' }],
    ['admin: gender = undisclosed', administrator, { gender: 'undisclosed' }],
    ['admin: age 36 or older', administrator, { age: '36-plus' }],
    ['admin: programme + home country + year + gender', administrator, { programme: 'bench-youth', homeCountry: 'MW', year: '2020', gender: 'female' }],
    ['admin: status + gender + age + year (rare)', administrator, { status: 'ended_early', gender: 'other', age: '31-35', year: '2010' }],
    ['coordinator (Kathmandu): no filter', coordinator, {}],
    ['coordinator (Kathmandu): status = alumni', coordinator, { status: 'alumni' }],
    ['adviser (health): no filter', advising, {}],
    ['adviser (health): year = 2024', advising, { year: '2024' }],
  ];
  load(`before ${size}:`);
  console.log(`\n${size} participants`);
  for (const [name, actor, filter] of cases) {
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof listParticipants>> | undefined;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await listParticipants(ctx(actor), filter);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    const figures = { p50: at(50), p95: at(95), rows: last!.items.length, total: `${last!.totalCapped ? '>' : ''}${last!.total}` };
    if (!results.has(name)) results.set(name, new Map());
    results.get(name)!.set(size, figures);
    console.log(`${name}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ${figures.rows} rows, total ${figures.total}`);
  }
  await handle.close();
  if (size === Math.max(...sizes) && !process.env.BENCH_NO_CSV) {
    // A separate process, so its resident memory is the export's alone, with the production server's heap limit.
    const child = spawnSync(process.execPath, [...serverNodeFlags, '--import', 'tsx', 'bench/stream-participants-csv.ts'], { env: { ...process.env, BENCH_DATABASE_URL: url }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const measured = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rows: number; megabytes: number; seconds: number; peakRssMb: number; startRssMb: number };
    csvLine = `Streaming the CSV of all ${measured.rows.toLocaleString('en')} participants (${measured.megabytes} MB) took ${measured.seconds} s; the process's resident memory peaked at ${measured.peakRssMb} MB (${measured.startRssMb} MB before the first row).`;
    console.log(csvLine);
  }
}

load('at the end:');
const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
const lines = [
  `# Participant list on PostgreSQL, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `\`npm run bench:participants\`: ${runs} runs of each query (listParticipants: one page of 25, the total capped at 1,000, the eligibility exceptions), milliseconds. Shared 2-core machine; load average (1, 5, 15 min) ${loads.join('; ')}.`,
  '',
  `| query | p50 ${small} | p95 ${small} | p50 ${large} | p95 ${large} | p95 ratio | rows | total at ${large} |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...[...results].map(([name, bySize]) => {
    const s = bySize.get(small);
    const l = bySize.get(large);
    return `| ${name} | ${s?.p50.toFixed(1) ?? ''} | ${s?.p95.toFixed(1) ?? ''} | ${l?.p50.toFixed(1) ?? ''} | ${l?.p95.toFixed(1) ?? ''} | ${s && l ? (l.p95 / s.p95).toFixed(2) : ''} | ${l?.rows ?? s?.rows ?? ''} | ${l?.total ?? ''} |`;
  }),
  '',
  csvLine,
  '',
];
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().slice(0, 10)}-participants.md`;
// BENCH_NO_CSV keeps the CSV figure of an earlier run of the day.
if (!csvLine && existsSync(file)) lines[lines.length - 2] = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('Streaming the CSV')) ?? '';
writeFileSync(file, lines.join('\n'));
console.log(`\nwrote ${file}`);

/** The database for one size, filled (once) with the generator, with a bench administrator and adviser. */
async function database(size: number): Promise<string> {
  const name = `bench_participants_${size}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  const url = new URL(base);
  url.pathname = `/${name}`;
  if (exists && !process.env.BENCH_FRESH) {
    const probe = new pg.Client({ connectionString: url.toString() });
    await probe.connect();
    const filled = await probe.query('select count(*)::int as n from participants').then((r) => r.rows[0].n === size, () => false);
    await probe.end();
    if (filled) {
      await admin.end();
      return url.toString();
    }
  }
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await handle.migrate();
  const started = performance.now();
  const { programmes } = await generateParticipants(handle.db, { count: size });
  const adminUser = await createUser(handle.db, { email: 'bench-admin@example.org', agencyRoles: ['administrator'] });
  const adviser = await createUser(handle.db, { email: 'bench-adviser@example.org', agencyRoles: ['programme_adviser'] });
  await assignAdviser(handle.db, adviser.id, programmes.find((p) => p.code === 'bench-health')!.id);
  void adminUser;
  console.error(`generated ${size} participants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await handle.close();
  return url.toString();
}
