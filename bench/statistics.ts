import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { coreContext } from '../core/context.ts';
import { flowCountsInMemory } from '../core/stats/flow-counts-in-memory.ts';
import { computeStatistics } from '../core/stats/get-participant-statistics.ts';
import { statisticsFiltersFromSearch } from '../core/stats/statistics-filters.ts';
import { openDatabase } from '../db/client.ts';
import { buildIsStale, serverBundle, serverNodeFlags } from '../scripts/build-server.ts';
import { statisticsSummedInSql } from '../tests/support/statistics-summed-in-sql.ts';

/**
 * `npm run bench:statistics`: the public statistics page and the IATI file over the compiled server
 * (`node build/server.js`, as `npm start` runs it) on PostgreSQL, at 10,000 and 1,000,000 participants (the
 * databases bench_participants_<size> that `npm run bench:participants` fills; run that first).
 *
 * Statistics: every case over HTTP on 127.0.0.1, one request at a time, gzip accepted, timed to the last byte
 * (the server's time for the loader, the use-case, the render and the compression, plus a loopback hop):
 *   cold         the first request of each case after the server started (nothing in memory for it);
 *   invalidated  a participant changes (its status from completed to withdrawn or back: out of the counts and
 *                in again, so every answer computed before is stale), then the request: what a visitor waits
 *                for after any change;
 *   warm         the same request again (the answer for these filters in memory).
 * Before and after, in this process: the use-case alone, uncached: participant_flow_counts summed in SQL under
 * the filters (tests/support/statistics-summed-in-sql.ts, how the page worked before decision 019), and summed
 * from the copy in memory (computeStatistics; the copy's first read is timed apart, with the heap it took).
 * The server's resident memory after start and after the first request of every case (the copy read).
 * IATI (BENCH_IATI=0 to skip; only at the largest size): GET /open-data/iati/activities.xml read to the end,
 * the server's resident memory (VmRSS of /proc/<pid>/status) sampled every 100 ms throughout. Before the
 * first run at a size, the partnerships' rounds get goals, indicators and commitments as in bench/iati-export.ts.
 *
 * BENCH_SIZES (10000,1000000), BENCH_RUNS (30 invalidated and 30 warm per case), BENCH_PORT (3291),
 * BENCH_DATABASE_URL (the server `npm run db:pg` starts). Writes bench/results/<date>-statistics.md (BENCH_OUT: another
 * file; the run replaces the file's content).
 */
const baseUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres');
const sizes = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3291);
const withIati = process.env.BENCH_IATI !== '0';
const base = `http://127.0.0.1:${port}`;

interface Timing {
  cold: number;
  invalidated: number[];
  warm: number[];
  kb: number;
}
interface SizeResult {
  size: number;
  load: string[];
  flowCountRows: number;
  firstRead: { ms: number; heapMb: number };
  rss: { startedMb: number; afterColdMb: number };
  sizes: string;
  writeMs: number[];
  cases: Map<string, Timing>;
  /** The use-case uncached, in process: [before p50, before p95, now p50, now p95]. */
  useCase: Map<string, number[]>;
  iati?: { activities: number; megabytes: number; seconds: number; rssStartMb: number; rssPeakMb: number; rssEndMb: number; samples: number; load: string };
}

if (buildIsStale()) {
  console.log('Building (npm run build): the build is missing or older than the sources…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchSize(size, withIati && size === Math.max(...sizes)));
const report = render(results);
console.log(`\n${report}`);
mkdirSync('bench/results', { recursive: true });
const file = process.env.BENCH_OUT ?? `bench/results/${new Date().toISOString().slice(0, 10)}-statistics.md`;
writeFileSync(file, report);
console.log(`wrote ${file}`);

async function benchSize(size: number, iati: boolean): Promise<SizeResult> {
  const url = new URL(baseUrl);
  url.pathname = `/bench_participants_${size}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const one = async <T>(text: string, values: unknown[] = []) => (await db.query(text, values)).rows[0] as T;
  const counts = await one<{ participants: number }>('select count(*)::int as participants from participants').catch(() => ({ participants: 0 }));
  if (counts.participants !== size) throw new Error(`bench_participants_${size} is missing or not full: run "npm run bench:participants" first`);
  if (iati) await addResultsAndCommitments(db);
  const programme = await one<{ id: string }>(`select id from programmes where code = 'bench-health'`);
  // A participant the bench moves out of the counts and back (completed ↔ withdrawn): every other change makes
  // the figures one smaller, every change makes every answer computed before it stale.
  const changing = await one<{ id: string }>(`select id from participants where status in ('completed', 'withdrawn') order by id limit 1`);
  const toggle = async () => {
    const started = performance.now();
    await db.query(`update participants set status = case status when 'completed' then 'withdrawn' else 'completed' end where id = $1`, [changing.id]);
    return performance.now() - started;
  };
  const tables = await one<{ flow: number; sizes: string }>(
    `select (select count(*)::int from participant_flow_counts) as flow, pg_size_pretty(pg_total_relation_size('participant_flow_counts')) as sizes`,
  );

  const cases: [string, string][] = [
    ['all years, no filter', '/en/statistics'],
    ['a year (2024)', '/en/statistics?yearFrom=2024&yearTo=2024'],
    ['South–South in 2024', '/fr/statistics?direction=south-south&yearFrom=2024&yearTo=2024'],
    ['a country (from Nepal)', '/en/statistics?from=NP'],
    ['a region (to Africa)', '/en/statistics?to=africa'],
    ['a programme (health)', `/en/statistics?programme=${programme.id}`],
    ['an SDG (3)', '/en/statistics?sdg=3'],
    ['gender + age band (two filters)', '/en/statistics?gender=female&ageBand=25-29'],
    ['programme + country + year (three filters)', `/en/statistics?programme=${programme.id}&from=NP&yearFrom=2020&yearTo=2020`],
    ['flow map data: GET /api/v1/statistics', '/api/v1/statistics'],
    ['flow map data, South–South 2024 (API)', '/api/v1/statistics?direction=south-south&yearFrom=2024&yearTo=2024'],
  ];

  const useCase = new Map<string, number[]>();
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  // The in-process part runs before the server (which would migrate on start) reads the database.
  await handle.migrate();
  const ctx = coreContext({ db: handle.db });
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  await flowCountsInMemory(handle.db);
  const firstRead = { ms: performance.now() - loadStarted, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 1048576 };
  console.log(`  the copy in memory: first read ${firstRead.ms.toFixed(0)} ms, heap ${firstRead.heapMb.toFixed(1)} MB more`);
  for (const [name, path] of cases) {
    if (path.startsWith('/api/')) continue;
    const filters = statisticsFiltersFromSearch(new URL(path, base).searchParams);
    if (!filters.success) throw new Error(path);
    const times = { sql: [] as number[], memory: [] as number[] };
    for (let i = 0; i < Math.max(5, runs / 3); i++) {
      let started = performance.now();
      await statisticsSummedInSql(ctx, filters.data, 2026);
      times.sql.push(performance.now() - started);
      started = performance.now();
      await computeStatistics(ctx, await flowCountsInMemory(handle.db), filters.data, 2026);
      times.memory.push(performance.now() - started);
    }
    useCase.set(name, [percentile(times.sql, 50), percentile(times.sql, 95), percentile(times.memory, 50), percentile(times.memory, 95)]);
    console.log(`  use-case ${name}: before p50 ${useCase.get(name)!.map((n) => n.toFixed(1)).join(' / ')} ms (before p50/p95, now p50/p95)`);
  }
  await handle.close();

  const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-statistics-'));
  const server = await startServer(url.toString(), dataDir);
  const result: SizeResult = { size, load: [loadAverage()], flowCountRows: tables.flow, sizes: tables.sizes, firstRead, rss: { startedMb: rssOf(server), afterColdMb: 0 }, writeMs: [], cases: new Map(), useCase };
  try {
    console.log(`\n${size} participants: participant_flow_counts ${tables.flow} rows (${tables.sizes}); load ${result.load[0]}`);
    for (const [name, path] of cases) {
      const first = await timed(path);
      result.cases.set(name, { cold: first.ms, invalidated: [], warm: [], kb: first.kb });
    }
    result.rss.afterColdMb = rssOf(server);
    for (const [name, path] of cases) {
      const timing = result.cases.get(name)!;
      for (let i = 0; i < runs; i++) {
        result.writeMs.push(await toggle());
        timing.invalidated.push((await timed(path)).ms);
      }
      for (let i = 0; i < runs; i++) timing.warm.push((await timed(path)).ms);
      const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
      console.log(`  ${name.padEnd(44)} cold ${timing.cold.toFixed(1)}  invalidated p50 ${f(timing.invalidated, 50)} p95 ${f(timing.invalidated, 95)}  warm p50 ${f(timing.warm, 50)} p95 ${f(timing.warm, 95)} ms  ${timing.kb.toFixed(0)} KB`);
    }
    result.load.push(loadAverage());
    if (iati) result.iati = await downloadIati(server);
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    await db.end();
  }
  return result;
}

async function startServer(databaseUrl: string, dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production', DEMO_DATA: 'false', DATABASE_URL: databaseUrl };
  const log = openSync(join(dataDir, 'server.log'), 'w');
  const server = spawn(process.execPath, [...serverNodeFlags, serverBundle], { env, stdio: ['ignore', log, log] });
  closeSync(log);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}: ${readFileSync(join(dataDir, 'server.log'), 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  server.kill('SIGTERM');
  throw new Error('server did not start within 300 s');
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

function rssOf(server: ChildProcess): number {
  const line = readFileSync(`/proc/${server.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
}

async function timed(path: string): Promise<{ ms: number; kb: number }> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip', accept: path.startsWith('/api/') ? 'application/json' : 'text/html' } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { ms, kb: body.byteLength / 1024 };
}

/** The whole IATI file, read as fast as it comes, with the server's VmRSS every 100 ms. */
async function downloadIati(server: ChildProcess): Promise<NonNullable<SizeResult['iati']>> {
  const rss = () => rssOf(server);
  const rssStartMb = rss();
  let peak = rssStartMb;
  let samples = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
    samples++;
  }, 100);
  const started = performance.now();
  const response = await fetch(`${base}/open-data/iati/activities.xml`);
  if (!response.ok || !response.body) throw new Error(`IATI: ${response.status}`);
  let bytes = 0;
  let activities = 0;
  let tail = '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    bytes += chunk.byteLength;
    const text = tail + decoder.decode(chunk, { stream: true });
    activities += text.split('<iati-activity ').length - 1;
    tail = text.slice(-20);
    if (tail.includes('<iati-activity ')) tail = tail.slice(tail.lastIndexOf('<iati-activity ') + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssEndMb = rss();
  peak = Math.max(peak, rssEndMb);
  const round = (n: number) => Math.round(n);
  const figures = { activities, megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10, seconds: Math.round(seconds * 10) / 10, rssStartMb: round(rssStartMb), rssPeakMb: round(peak), rssEndMb: round(rssEndMb), samples, load: loadAverage() };
  console.log(`  IATI: ${JSON.stringify(figures)}`);
  return figures;
}

/** Two goals per granted round, each with a numeric and a worded indicator, and each round's commitment (as bench/iati-export.ts does; once). */
async function addResultsAndCommitments(db: pg.Client) {
  const done = (await db.query('select exists (select 1 from application_goals) as done')).rows[0].done as boolean;
  if (done) return;
  console.log('adding goals, indicators and commitments to the rounds (once)…');
  await db.query(`
    insert into application_goals (id, application_id, organisation_id, description, position)
    select md5('goal' || s.application_id || k)::uuid, s.application_id, null, 'Shared goal ' || k || ': better services through exchange', k
    from partnership_stages s cross join generate_series(1, 2) k on conflict do nothing`);
  await db.query(`
    insert into goal_indicators (goal_id, description, baseline, target, position)
    select g.id, case when k = 1 then 'Staff trained' else 'Routines in writing' end, case when k = 1 then '0' else 'ad hoc' end, case when k = 1 then '40' else 'written and in use' end, k
    from application_goals g cross join generate_series(1, 2) k`);
  await db.query(`
    insert into ledger_entries (kind, year, amount_minor, currency, from_account, to_account, call_id, stage_id, reason, posted_by_label, posted_at)
    select 'commitment', extract(year from s.starts_on)::int, s.amount_ceiling_minor, s.currency, 'call:' || a.call_id, 'stage:' || s.id, a.call_id, s.id, '', 'bench', s.starts_on::timestamptz
    from partnership_stages s join applications a on a.id = s.application_id where s.amount_ceiling_minor > 0`);
  await db.query('analyze');
}

function loadAverage() {
  return os.loadavg().map((n) => n.toFixed(1)).join(' ');
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function render(all: SizeResult[]) {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    `# Statistics page and IATI file on PostgreSQL, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `\`npm run bench:statistics\` (bench/statistics.ts): the compiled server (\`node ${serverNodeFlags.join(' ')} ${serverBundle}\`) on PostgreSQL, over HTTP on 127.0.0.1, one request at a time, gzip, milliseconds to the last byte. Cold: the first request of each case after the server started. Invalidated: ${runs} times, a participant moves out of the counts or back in (completed ↔ withdrawn: every answer computed before is stale), then the request. Warm: ${runs} times the same request again. Shared 2-core machine (load average 1, 5, 15 minutes given with each size).`,
    '',
  ];
  for (const r of all) {
    lines.push(
      `## ${r.size.toLocaleString('en')} participants`,
      '',
      `participant_flow_counts: ${r.flowCountRows.toLocaleString('en')} rows (${r.sizes}); the copy in memory: first read ${r.firstRead.ms.toFixed(0)} ms, ${r.firstRead.heapMb.toFixed(1)} MB of heap; the server's resident memory ${r.rss.startedMb.toFixed(0)} MB after start, ${r.rss.afterColdMb.toFixed(0)} MB after the first request of every case. Load average ${r.load.join(' → ')}. A participant's change (the update and its triggers): p50 ${f(percentile(r.writeMs, 50))} ms, p95 ${f(percentile(r.writeMs, 95))} ms.`,
      '',
      '| case | cold | invalidated p50 | invalidated p95 | warm p50 | warm p95 | KB (HTML) |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...[...r.cases].map(([name, t]) => `| ${name} | ${f(t.cold)} | ${f(percentile(t.invalidated, 50))} | ${f(percentile(t.invalidated, 95))} | ${f(percentile(t.warm, 50))} | ${f(percentile(t.warm, 95))} | ${t.kb.toFixed(0)} |`),
      '',
      'The use-case alone, uncached, in process: participant_flow_counts summed in SQL under the filters (before decision 019) and summed from the copy in memory (now).',
      '',
      '| case | SQL p50 | SQL p95 | in memory p50 | in memory p95 |',
      '|---|---:|---:|---:|---:|',
      ...[...r.useCase].map(([name, t]) => `| ${name} | ${t.map(f).join(' | ')} |`),
      '',
    );
    if (r.iati) {
      const i = r.iati;
      lines.push(
        `IATI file through the compiled server (GET /open-data/iati/activities.xml, read as fast as it comes): ${i.activities.toLocaleString('en')} activities, ${i.megabytes} MB in ${i.seconds} s; the server's resident memory (VmRSS, ${i.samples} samples every 100 ms) ${i.rssStartMb} MB before, at most ${i.rssPeakMb} MB, ${i.rssEndMb} MB after. Load average at the end ${i.load}.`,
        '',
      );
    }
  }
  return lines.join('\n');
}
