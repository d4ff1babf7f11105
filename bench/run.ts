import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseTarget } from '../db/client.ts';
import { seedDemoData } from '../db/seed/seed-demo-data.ts';
import { seedDemoUsers } from '../db/seed/seed-demo-users.ts';
import { coreContext } from '../core/context.ts';
import { system } from '../core/identity/actor.ts';
import { makeIatiCheck } from '../core/open-data/iati/make-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../core/open-data/iati/stream-iati-activities.ts';
import { insertBulkPartnerships } from './bulk-partnerships.ts';
import { freshPostgresDatabase } from './fresh-postgres-database.ts';
import { buildIsStale, serverBundle, serverNodeFlags } from '../scripts/build-server.ts';

/**
 * `npm run bench`: the production server (`node build/server.js`, started here on its own port and
 * DATA_DIR) loaded by autocannon, page by page, with a fixed number of connections for a fixed time,
 * on the embedded database and, with BENCH_DATABASE_URL, on PostgreSQL (in a fresh database
 * `<name>_bench` next to the one named). Prints requests/s, latency percentiles, each page's ratio to
 * the sign-in page (what the framework costs: the layout's one query and a form) and the server's memory, and writes
 * the tables to bench/results/<date>.md (<date>-<n>-partnerships.md with BENCH_PARTNERSHIPS). Figures,
 * not assertions: tests never time anything.
 *
 * The machine is shared, so absolute figures move from run to run; compare pages within one run
 * (the ratio column), not requests/s across runs.
 *
 * BENCH_SECONDS (5) and BENCH_WARMUP_SECONDS (1) per page and round, BENCH_ROUNDS (3: every round goes
 * through all pages; a page's requests/s and ratio are the medians of its rounds, which steadies them
 * on a busy machine),
 * BENCH_CONNECTIONS (10), BENCH_PORT (3290),
 * BENCH_PARTNERSHIPS (0: demo data only; 100000 adds that many partnerships before the server starts),
 * BENCH_DATABASES (pglite,postgres), BENCH_ONLY (a regular expression on page names),
 * BENCH_SERVER=tsx (run server.ts through tsx instead of the compiled build), BENCH_NODE_ARGS (extra
 * node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_OUT (the results file; "-" for none).
 */
const port = Number(process.env.BENCH_PORT ?? 3290);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 5);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const bulk = Number(process.env.BENCH_PARTNERSHIPS ?? 0);
const serverKind = process.env.BENCH_SERVER === 'tsx' ? 'tsx' : 'compiled';
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const postgresUrl = process.env.BENCH_DATABASE_URL;
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').filter((kind) => kind === 'pglite' || (kind === 'postgres' && postgresUrl));
const day = new Date().toISOString().slice(0, 10);
const outFile = process.env.BENCH_OUT ?? `bench/results/${day}${bulk ? `-${bulk}-partnerships` : ''}.md`;
const base = `http://127.0.0.1:${port}`;
/** The demo's finance pages show this year (the seed appropriates every year with calls). */
const budgetYear = 2026;
const demo = { email: 'adviser@demo.example', password: 'exchange-demo-2026' };

interface Page {
  name: string;
  path: string | ((ids: Ids) => string);
  signedIn?: boolean;
  /** Not a data page: not held to the 0.6 × sign-in page target. */
  noData?: boolean;
  /**
   * A bulk file (megabytes, made once and kept: server/public-page-cache.ts), not a page: its downloads a second
   * are bounded by its size, so it is shown in MB/s and not held to the page target.
   */
  download?: boolean;
}
interface Ids {
  partnership: string;
  application: string;
}
const pages: Page[] = [
  { name: '/healthz', path: '/healthz', noData: true },
  { name: 'sign-in page', path: '/en/sign-in', noData: true },
  { name: 'home (figures)', path: '/nb/' },
  { name: 'partnership directory', path: '/nb/partnerships' },
  { name: 'statistics (all years)', path: '/nb/statistics' },
  { name: 'statistics, South–South 2024', path: '/fr/statistics?direction=south-south&yearFrom=2024&yearTo=2024' },
  { name: 'organisation directory, NP', path: '/nb/organisations?country=NP' },
  { name: 'partnership page', path: (ids) => `/nb/partnerships/${ids.partnership}` },
  { name: 'applications (adviser)', path: '/nb/applications', signedIn: true },
  { name: 'application page (adviser)', path: (ids) => `/nb/applications/${ids.application}`, signedIn: true },
  { name: 'finance year (adviser)', path: `/nb/finance?year=${budgetYear}`, signedIn: true },
  { name: 'ledger of the year (adviser)', path: `/nb/finance/ledger?account=year%3A${budgetYear}`, signedIn: true },
  { name: 'tranches (adviser)', path: '/nb/finance/tranches', signedIn: true },
  { name: 'financial reports (adviser)', path: '/nb/financial-reports', signedIn: true },
  { name: 'results dashboard (adviser)', path: '/nb/results', signedIn: true },
  { name: 'results reports (adviser)', path: '/nb/result-reports', signedIn: true },
  { name: 'IATI preview (adviser)', path: '/nb/open-data/iati', signedIn: true },
  { name: 'open data', path: '/fr/open-data' },
  { name: 'API partnerships', path: '/api/v1/partnerships' },
  { name: 'API statistics', path: '/api/v1/statistics' },
  { name: 'API open data: partnerships (JSON)', path: '/api/v1/open-data/partnerships.json', download: true },
  { name: 'API organisations, NP', path: '/api/v1/organisations?country=NP' },
  { name: 'API partnership', path: (ids) => `/api/v1/partnerships/${ids.partnership}` },
  { name: 'API applications (adviser)', path: '/api/v1/applications', signedIn: true },
  { name: 'API application (adviser)', path: (ids) => `/api/v1/applications/${ids.application}`, signedIn: true },
  { name: 'API application budget (adviser)', path: (ids) => `/api/v1/applications/${ids.application}/budget`, signedIn: true },
  { name: 'API finance year (adviser)', path: `/api/v1/finance/years/${budgetYear}`, signedIn: true },
];

interface PageResult {
  page: Page;
  path: string;
  rps: number;
  /** Median over the rounds of requests/s relative to the sign-in page in the same round. */
  ratio: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  kb: number;
  /** The server process's CPU time (user + system) per request: steadier than requests/s on a busy machine. */
  cpuMs: number;
  /** On PostgreSQL, its backends' CPU time per request for the bench's database (on PGlite it is in cpuMs, in the server's own thread). */
  databaseCpuMs?: number;
  rssMb: number;
}
interface RunResult {
  kind: 'pglite' | 'postgres';
  startMs: number;
  firstSignInMs: number;
  firstHomeMs: number;
  idleRssMb: number;
  peakRssMb: number;
  hwmMb: number;
  results: PageResult[];
}

// ---------------------------------------------------------------------------------------------------

if (buildIsStale()) {
  console.log('Building (npm run build): the build is missing or older than the sources…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

const runs: RunResult[] = [];
for (const kind of databases as ('pglite' | 'postgres')[]) runs.push(await benchOne(kind));
const report = renderReport(runs);
console.log(`\n${report}`);
if (outFile !== '-') {
  mkdirSync(resolve(outFile, '..'), { recursive: true });
  writeFileSync(outFile, report);
  console.log(`Written to ${outFile}`);
}

// ---------------------------------------------------------------------------------------------------

async function benchOne(kind: 'pglite' | 'postgres'): Promise<RunResult> {
  const dataDir = `data/bench-${kind}`;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase(postgresUrl!) : undefined;
  if (bulk > 0) await preload(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: join(dataDir, 'pglite') });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DEMO_DATA: 'true',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const entry = serverKind === 'tsx' ? ['--import', 'tsx', 'server.ts'] : [...serverNodeFlags, serverBundle];
  const log = openSync(join(dataDir, 'server.log'), 'w');
  const started = performance.now();
  const server = spawn(process.execPath, [...nodeArgs, ...entry], { env, stdio: ['ignore', log, log] });
  closeSync(log);
  const memory = watchMemory(server.pid!);
  try {
    await waitForServer(server);
    const startMs = performance.now() - started;
    const firstSignInMs = await timeOne('/en/sign-in');
    const firstHomeMs = await timeOne('/nb/');
    const cookie = await signIn();
    const ids = await findIds(cookie);
    const idleRssMb = memory.current();
    console.log(
      `\n${label(kind)}${bulk ? ` + ${bulk} partnerships` : ''}: ${serverKind} server ready in ${Math.round(startMs)} ms, ` +
        `first sign-in page ${firstSignInMs.toFixed(0)} ms, first home ${firstHomeMs.toFixed(0)} ms, RSS ${idleRssMb} MB`,
    );
    const chosen = pages.filter((page) => !only || only.test(page.name) || page.name === 'sign-in page');
    const samples = chosen.map(() => ({ rps: [] as number[], ratios: [] as number[], times: [] as number[], errors: 0, bytes: 0, requests: 0, rssMb: 0, cpu: 0, databaseCpu: 0 }));
    const databaseName = databaseUrl ? new URL(databaseUrl).pathname.slice(1) : undefined;
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) console.log(`  round ${round} of ${rounds}`);
      for (const [i, page] of chosen.entries()) {
        const path = pathOf(page, ids);
        const headers: Record<string, string> = { 'accept-encoding': 'gzip', accept: path.startsWith('/api/') ? 'application/json' : 'text/html' };
        if (page.signedIn) headers.cookie = cookie;
        if (warmup > 0) await load(path, headers, warmup);
        const cpuBefore = cpuSeconds(server.pid!);
        const databaseBefore = databaseName ? backendCpuSeconds(databaseName) : undefined;
        const r = await load(path, headers, duration);
        const s = samples[i]!;
        const cpu = cpuSeconds(server.pid!) - cpuBefore;
        s.cpu += cpu;
        const databaseCpu = databaseName && databaseBefore ? cpuSince(databaseBefore, backendCpuSeconds(databaseName)) : 0;
        s.databaseCpu += databaseCpu;
        s.rps.push(r.rps);
        s.times = s.times.concat(r.times);
        s.errors += r.errors;
        s.bytes += r.bytes;
        s.requests += r.requests;
        s.rssMb = memory.current();
        const p = (q: number) => percentile(r.times, q).toFixed(1).padStart(6);
        console.log(
          `  ${page.name.padEnd(30)} ${String(r.rps).padStart(6)} req/s  p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)} ms  ` +
            `CPU ${((1000 * cpu) / Math.max(1, r.requests)).toFixed(2)} ms/req${databaseName ? ` + database ${((1000 * databaseCpu) / Math.max(1, r.requests)).toFixed(2)}` : ''}  ${(r.bytes / Math.max(1, r.requests) / 1024).toFixed(1).padStart(5)} KB  errors ${r.errors}  RSS ${s.rssMb} MB`,
        );
      }
      // Each page against the sign-in page of the same round: both saw about the same machine.
      const signIn = samples[chosen.findIndex((page) => page.name === 'sign-in page')]!;
      for (const s of samples) s.ratios.push(s.rps.at(-1)! / signIn.rps.at(-1)!);
    }
    const results: PageResult[] = chosen.map((page, i) => {
      const s = samples[i]!;
      s.times.sort((a, b) => a - b);
      return {
        page,
        path: pathOf(page, ids),
        rps: Math.round(median(s.rps)),
        ratio: median(s.ratios),
        p50: percentile(s.times, 50),
        p95: percentile(s.times, 95),
        p99: percentile(s.times, 99),
        errors: s.errors,
        kb: s.bytes / Math.max(1, s.requests) / 1024,
        cpuMs: (1000 * s.cpu) / Math.max(1, s.requests),
        ...(databaseName ? { databaseCpuMs: (1000 * s.databaseCpu) / Math.max(1, s.requests) } : {}),
        rssMb: s.rssMb,
      };
    });
    return { kind, startMs, firstSignInMs, firstHomeMs, idleRssMb, peakRssMb: memory.peak(), hwmMb: readStatusMb(server.pid!, 'VmHWM'), results };
  } finally {
    memory.stop();
    await stopServer(server);
  }
}

/** BENCH_PARTNERSHIPS: migrate, seed the demo data and add the bulk partnerships before the server starts. */
async function preload(target: DatabaseTarget) {
  const started = performance.now();
  const handle = await openDatabase(target);
  await handle.migrate();
  await seedDemoData(handle.db, { history: true });
  await seedDemoUsers(handle.db);
  const rows = async (query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const programmeIds = await rows(sql`select id from programmes order by id`);
  const callIds = await rows(sql`select id from calls order by id`);
  await insertBulkPartnerships(handle.db, { count: bulk, programmeIds, callIds });
  // The IATI check a server makes at start (decision 024), made here so the run does not bench beside it.
  const check = await makeIatiCheck(coreContext({ db: handle.db, actor: system('bench') }), { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER });
  console.log(`Checked ${check.activities} IATI activities (${check.problems} problems stored) in ${check.ms} ms`);
  await handle.close();
  console.log(`Loaded ${bulk} partnerships into ${target.kind} in ${Math.round(performance.now() - started)} ms`);
}

async function waitForServer(server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}: see its log in data/bench-*/server.log`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('server did not start within 120 s');
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

async function timeOne(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}

/** A form post to the sign-in page, as a browser sends it; the session cookies it sets. */
async function signIn(): Promise<string> {
  const response = await fetch(`${base}/en/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: demo.email, password: demo.password, next: '' }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  if (response.status !== 302 || !cookie.includes('mx.session_token')) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

async function findIds(cookie: string): Promise<Ids> {
  const first = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie, accept: 'application/json' } });
    const body = (await response.json()) as { items?: { id: string }[] };
    const id = body.items?.[0]?.id;
    if (!id) throw new Error(`${path}: no item (${response.status})`);
    return id;
  };
  return { partnership: await first('/api/v1/partnerships'), application: await first('/api/v1/applications') };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function load(path: string, headers: Record<string, string>, seconds: number) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon({ url: `${base}${path}`, connections, duration: seconds, headers }, (error, r) => (error ? fail(error) : done(r)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.average),
    times,
    errors: result.errors + result.timeouts + result.non2xx,
    bytes: result.throughput.total,
    requests: result.requests.total,
  };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function pathOf(page: Page, ids: Ids) {
  return typeof page.path === 'string' ? page.path : page.path(ids);
}

/** User + system CPU seconds the process has used (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of each PostgreSQL backend serving `database`, by process id. A backend's process title names
 * its database ("postgres: postgres mutual_exchange_bench 127.0.0.1(41234) idle"); the server's pool keeps
 * its connections open through the run, so the same backends are read before and after a page.
 */
function backendCpuSeconds(database: string): Map<number, number> {
  const backends = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.split(' ')[2] === database) backends.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return backends;
}

/** CPU seconds used between two readings of the backends (one that started meanwhile counts from zero). */
function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

function readStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0; // exited
  }
}

/** Samples the server's resident memory every 100 ms; peak() is the largest sample. */
function watchMemory(pid: number) {
  let peak = 0;
  const sample = () => {
    const rss = readStatusMb(pid, 'VmRSS');
    peak = Math.max(peak, rss);
    return rss;
  };
  const timer = setInterval(sample, 100);
  return { current: sample, peak: () => Math.max(peak, sample()), stop: () => clearInterval(timer) };
}

function label(kind: 'pglite' | 'postgres') {
  return kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
}

function renderReport(all: RunResult[]): string {
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  lines.push(`# npm run bench, ${day}`, '');
  lines.push(
    `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${serverKind === 'tsx' ? '`node --import tsx server.ts`' : `\`node ${[...serverNodeFlags, serverBundle].join(' ')}\``}, ` +
      `demo data${bulk ? ` + ${bulk.toLocaleString('en')} partnerships` : ''}, autocannon ${connections} connections, ${warmup} s warm-up + ${duration} s per page, ` +
      `${rounds > 1 ? `${rounds} rounds (median requests/s; latency over all rounds), ` : ''}gzip accepted.`,
    '',
    'The machine is shared with other work, so requests/s move between runs: compare pages within one run',
    '(“× sign-in” is requests/s relative to the sign-in page in the same round, median of the rounds; the sign-in page',
    'costs what the framework costs: the layout’s one query and a form). Server CPU ms/request is steadier than requests/s; ' +
      'on PGlite it includes the embedded database’s thread, on PostgreSQL its backends’ share is the database CPU column.',
    '',
  );
  if (all.length > 1) {
    lines.push(`| page | ${all.map((r) => `${label(r.kind)} req/s | × sign-in`).join(' | ')} |`);
    lines.push(`|---|${all.map(() => '---:|---:').join('|')}|`);
    for (const [i, first] of all[0]!.results.entries()) {
      const cells = all.map((r) => {
        const x = r.results[i]!;
        return `${x.rps} | ${ratio(x)}`;
      });
      lines.push(`| ${first.page.name} | ${cells.join(' | ')} |`);
    }
    lines.push(`| peak RSS (MB) | ${all.map((r) => `${r.peakRssMb} |`).join(' | ')} |`, '');
    const lite = all.find((r) => r.kind === 'pglite');
    const pg = all.find((r) => r.kind === 'postgres');
    if (lite && pg) {
      lines.push(
        `The embedded database's share of the server's memory (same server, same pages, PGlite minus PostgreSQL): ` +
          `${lite.idleRssMb - pg.idleRssMb} MB at rest, ${lite.peakRssMb - pg.peakRssMb} MB at the peak.`,
        '',
      );
    }
  }
  for (const run of all) {
    lines.push(`## ${label(run.kind)}`, '');
    const database = run.kind === 'postgres';
    lines.push(`| page | path | requests/s | × sign-in | p50 ms | p95 ms | p99 ms | server CPU ms/request |${database ? ' database CPU ms/request |' : ''} KB/response | errors | RSS after, MB |`);
    lines.push(`|---|---|---:|---:|---:|---:|---:|---:|${database ? '---:|' : ''}---:|---:|---:|`);
    for (const r of run.results) {
      const path = r.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '{id}');
      const databaseCell = database ? ` ${(r.databaseCpuMs ?? 0).toFixed(2)} |` : '';
      lines.push(`| ${r.page.name} | \`${path}\` | ${r.rps} | ${ratio(r)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.cpuMs.toFixed(2)} |${databaseCell} ${r.kb.toFixed(1)} | ${r.errors} | ${r.rssMb} |`);
    }
    lines.push(
      '',
      `Start to first healthy answer ${Math.round(run.startMs)} ms; first sign-in page ${run.firstSignInMs.toFixed(0)} ms, first home page ${run.firstHomeMs.toFixed(0)} ms. ` +
        `Server memory: ${run.idleRssMb} MB resident before the load, peak ${run.peakRssMb} MB (sampled VmRSS every 100 ms; VmHWM ${run.hwmMb} MB).`,
      '',
    );
  }
  return lines.join('\n');
}

function ratio(r: PageResult) {
  if (r.page.download) return `${r.ratio.toFixed(2)} (file, ${((r.rps * r.kb) / 1024).toFixed(0)} MB/s)`;
  return `${r.ratio.toFixed(2)}${!r.page.noData && r.ratio < 0.6 ? ' ✗' : ''}`;
}
