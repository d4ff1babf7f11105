import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { ServerBuild } from 'react-router';
import { openDatabase } from '../db/client.ts';
import { withPreparedReads } from '../db/pglite-prepared-reads.ts';
import { seedDemoData } from '../db/seed/seed-demo-data.ts';
import { seedDemoUsers } from '../db/seed/seed-demo-users.ts';
import { withSharedReadCache } from '../db/shared-read-cache.ts';
import { createAuth } from '../server/auth/create-auth.ts';
import { createHttpApp } from '../server/http-app.ts';
import { createLogger } from '../server/logger.ts';
import { freshPostgresDatabase } from './fresh-postgres-database.ts';

/**
 * `tsx bench/page-queries.ts [path …]`: the SQL one request of each page sends, counted, with the rows
 * each statement brings back and its time, on an in-memory PGlite with the demo data, through the
 * real HTTP app (the build in build/server/, as `npm run bench` serves it; `npm run build` first).
 * Paths are the bench's pages by default; `{partnership}` and `{application}` stand for the first of
 * each the adviser sees. Signed in as the demo adviser throughout (QUERIES_VISITOR=1: as a visitor).
 * QUERIES_SQL=1 prints each statement (its time the mean of QUERIES_REPEAT runs); QUERIES_EXPLAIN=1 its plan with timings (explain analyze). QUERIES_PROFILE=<dir>: then each page QUERIES_REPEAT (300) times
 * more under the CPU profiler, one <dir>/<n>.cpuprofile per page for bench/summarise-profile.ts (run with
 * NODE_ENV=production, as the server runs React). QUERIES_DATABASE_URL=postgres://…: on PostgreSQL instead, in a
 * fresh database beside the one named; the statements are then not listed. QUERIES_THREAD=1: PGlite in its own thread, as the server has it. QUERIES_TIME=<n>: n more requests timed, unprofiled (wall, CPU, the server thread's CPU). QUERIES_BODY=<dir>: each page's body, uncompressed.
 */
const root = resolve(import.meta.dirname, '..');
const log: { sql: string; params: unknown[]; rows: number; ms: number }[] = [];
let counting = false;
// QUERIES_DATABASE_URL: the same on PostgreSQL, in a fresh database beside the one named (as the server opens
// it, db/client.ts); there only the whole requests and the profile, since the statements are counted on PGlite.
const postgresUrl = process.env.QUERIES_DATABASE_URL;
// QUERIES_THREAD=1: PGlite in its own thread, as the server opens it (decision 026); whole requests and the
// profile of the server's thread only, since the statements run in the other.
const threaded = !postgresUrl && process.env.QUERIES_THREAD ? await openDatabase({ kind: 'pglite', ownThread: true }) : undefined;
const pglite = postgresUrl || threaded ? undefined : await PGlite.create({ extensions: { pg_trgm } });
const postgres = postgresUrl ? await openDatabase({ kind: 'postgres', url: await freshPostgresDatabase(postgresUrl, 'queries') }) : threaded;
const query = pglite ? pglite.query.bind(pglite) : undefined;
if (pglite && query) {
  // As db/client.ts opens it for the server.
  withPreparedReads(pglite);
  pglite.query = (async (...args: Parameters<typeof query>) => {
    const started = performance.now();
    const result = await query(...args);
    if (counting) log.push({ sql: String(args[0]), params: (args[1] as unknown[] | undefined) ?? [], rows: result.rows.length, ms: performance.now() - started });
    return result;
  }) as typeof pglite.query;
}
const lite = pglite ? drizzle({ client: pglite }) : undefined;
if (lite) await migrate(lite, { migrationsFolder: join(root, 'db/migrations') });
else await postgres!.migrate();
const base = lite ?? postgres!.db;
await seedDemoData(base);
await seedDemoUsers(base);
const db = withSharedReadCache(base);
const build = (await import(pathToFileURL(join(root, 'build/server/index.js')).href)) as ServerBuild;
const publicUrl = 'http://localhost:3000';
const auth = createAuth({ db: base, secret: 'page-queries-0123456789-0123456789-0123456789', baseURL: publicUrl, onSessionCreated: async () => {}, onPasswordReset: async () => {} });
const app = createHttpApp({ db, auth, publicUrl, mailToLog: true, oidcIssuer: undefined, ping: async () => {}, logger: createLogger('silent'), build, clientDir: join(root, 'build/client') });

const signIn = await app.request(`${publicUrl}/en/sign-in`, {
  method: 'POST',
  headers: { origin: publicUrl, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ email: 'adviser@demo.example', password: 'exchange-demo-2026', next: '' }),
});
const adviserCookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
const cookie = process.env.QUERIES_VISITOR ? '' : adviserCookie;
const headers = (path: string) => ({ cookie, accept: path.startsWith('/api/') ? 'application/json' : 'text/html', 'accept-encoding': 'gzip' });
const first = async (path: string) => ((await (await app.request(`${publicUrl}${path}`, { headers: { cookie: adviserCookie, accept: 'application/json' } })).json()) as { items: { id: string }[] }).items[0]!.id;
const ids = { partnership: await first('/api/v1/partnerships'), application: await first('/api/v1/applications') };

const paths = process.argv.length > 2 ? process.argv.slice(2) : ['/en/sign-in', '/nb/', '/nb/partnerships', '/nb/organisations?country=NP', '/nb/partnerships/{partnership}', '/nb/applications', '/nb/applications/{application}', '/api/v1/partnerships', '/api/v1/partnerships/{partnership}', '/api/v1/applications', '/api/v1/applications/{application}'];
console.log('| page | status | queries | rows | query ms | whole request ms |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const template of paths) {
  const path = template.replace('{partnership}', ids.partnership).replace('{application}', ids.application);
  // Twice first (caches filled, code warm), then the one counted.
  for (let i = 0; i < 3; i++) await (await app.request(`${publicUrl}${path}`, { headers: headers(path) })).arrayBuffer();
  // QUERIES_SQL: each statement's time is the mean over QUERIES_REPEAT (1) runs of the page.
  const runs = process.env.QUERIES_SQL ? Number(process.env.QUERIES_REPEAT ?? 1) : 1;
  const times = new Map<number, number>();
  log.length = 0;
  counting = true;
  for (let run = 1; run < runs; run++) {
    await (await app.request(`${publicUrl}${path}`, { headers: headers(path) })).arrayBuffer();
    log.forEach((q, i) => times.set(i, (times.get(i) ?? 0) + q.ms));
    log.length = 0;
  }
  const started = performance.now();
  const response = await app.request(`${publicUrl}${path}`, { headers: headers(path) });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  counting = false;
  for (const [i, q] of log.entries()) q.ms = (q.ms + (times.get(i) ?? 0)) / runs;
  const rows = log.reduce((sum, q) => sum + q.rows, 0);
  const queryMs = log.reduce((sum, q) => sum + q.ms, 0);
  console.log(`| ${template} | ${response.status} | ${log.length} | ${rows} | ${queryMs.toFixed(1)} | ${ms.toFixed(1)} |`);
  if (process.env.QUERIES_SQL) for (const q of log) console.log(`    ${q.rows} rows ${q.ms.toFixed(2)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
  if (process.env.QUERIES_DUMP) writeFileSync(process.env.QUERIES_DUMP, JSON.stringify(log));
  // QUERIES_BODY=<dir>: the page as the browser gets it, uncompressed, in <dir>/<n>.html (to see what a page sends).
  if (process.env.QUERIES_BODY) {
    mkdirSync(process.env.QUERIES_BODY, { recursive: true });
    const { 'accept-encoding': _, ...plain } = headers(path);
    writeFileSync(join(process.env.QUERIES_BODY, `${paths.indexOf(template)}.html`), await (await app.request(`${publicUrl}${path}`, { headers: plain })).text());
  }
  if (process.env.QUERIES_EXPLAIN)
    for (const q of [...log]) {
      const plan = await query!<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing on) ${q.sql}`, q.params);
      console.log(`\n    ${q.sql.replace(/\s+/g, ' ').slice(0, 200)}\n${plan.rows.map((r) => `      ${r['QUERY PLAN']}`).join('\n')}`);
    }
  // QUERIES_TIME=<n>: n more requests, unprofiled: wall time, the process's CPU and the server thread's own CPU per request
  // (the last from /proc, where the main thread's task id is the process id; with QUERIES_THREAD the rest is the database's thread).
  const timed = Number(process.env.QUERIES_TIME ?? 0);
  if (timed > 0) {
    const mainThreadMs = () => {
      const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    };
    const [wall, cpu, main] = [performance.now(), process.cpuUsage(), mainThreadMs()];
    for (let i = 0; i < timed; i++) await (await app.request(`${publicUrl}${path}`, { headers: headers(path) })).arrayBuffer();
    const used = process.cpuUsage(cpu);
    console.log(`    over ${timed}: ${((performance.now() - wall) / timed).toFixed(2)} ms a request, CPU ${((used.user + used.system) / 1000 / timed).toFixed(2)} ms, server thread ${((mainThreadMs() - main) / timed).toFixed(2)} ms`);
  }
  const profileDir = process.env.QUERIES_PROFILE;
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const repeat = Number(process.env.QUERIES_REPEAT ?? 300);
    const started = performance.now();
    for (let i = 0; i < repeat; i++) await (await app.request(`${publicUrl}${path}`, { headers: headers(path) })).arrayBuffer();
    const { profile } = await session.post('Profiler.stop');
    const file = join(profileDir, `${paths.indexOf(template)}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`    ${((performance.now() - started) / repeat).toFixed(2)} ms per request over ${repeat}: ${file}`);
    session.disconnect();
  }
}
await (postgres ? postgres.close() : pglite!.close());
