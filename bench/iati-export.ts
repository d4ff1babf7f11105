import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import type { Database } from '../db/database.ts';
import { createAgency } from '../db/factories/agency-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { seedDemoData } from '../db/seed/seed-demo-data.ts';
import { coreContext } from '../core/context.ts';
import { system } from '../core/identity/actor.ts';
import { makeIatiCheck } from '../core/open-data/iati/make-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER, streamIatiActivities } from '../core/open-data/iati/stream-iati-activities.ts';
import { insertBulkPartnerships } from './bulk-partnerships.ts';
import { generateParticipants } from './generate-participants.ts';

/**
 * `npx tsx bench/iati-export.ts`: the IATI file streamed in full, on the embedded database (PGlite, in the
 * same process as the server, as a default installation runs), with its time and the process's peak
 * resident memory (sampled at every chunk and every 20 ms). Each case runs in a child process of its own so that one case's
 * memory does not count in another's:
 *   demo         the demo data (db/seed);
 *   rounds:N     bench/generate-participants.ts with N participants (N / 20 partnerships, three granted
 *                rounds each), plus two goals with two indicators and a commitment per round;
 *   bulk:N       bench/bulk-partnerships.ts with N partnerships (half of them approved, each a three-year
 *                agreement), plus the same goals, indicators and commitments.
 * Then the publisher's check, made and stored as the server's job makes it (checkSeconds, checkProblems).
 * BENCH_IATI_CASES=demo,rounds:20000,bulk:100000 (the default); BENCH_IATI_VALIDATE=1 also writes each file
 * and validates it with xmllint against reference/iati/schema.
 */
const [, , single] = process.argv;

if (!single) {
  const cases = (process.env.BENCH_IATI_CASES ?? 'demo,rounds:20000,bulk:100000').split(',');
  for (const c of cases) {
    const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, c], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: process.env });
    process.stdout.write(run.stdout);
  }
} else {
  const handle = await openDatabase({ kind: 'pglite' });
  await handle.migrate();
  const db = handle.db;
  const [kind, size] = single.split(':') as [string, string | undefined];
  const filled = performance.now();
  if (kind === 'demo') await seedDemoData(db);
  else {
    if (kind === 'rounds') await generateParticipants(db, { count: Number(size), progress: false });
    else {
      await createAgency(db);
      const programmes = [await createProgramme(db, { code: 'bench-professional', name: 'Professional' }), await createProgramme(db, { code: 'bench-health', name: 'Health' })];
      const calls = [];
      for (let i = 0; i < 6; i++) calls.push(await createCall(db, { programmeId: programmes[i % 2]!.id, title: `Bench call ${i}`, criteria: [] }));
      await insertBulkPartnerships(db, { count: Number(size), programmeIds: programmes.map((p) => p.id), callIds: calls.map((c) => c.id) });
    }
    await addResultsAndCommitments(db);
  }
  const fillSeconds = (performance.now() - filled) / 1000;
  global.gc?.();
  const startRss = process.memoryUsage().rss;
  const startHeap = process.memoryUsage().heapUsed;
  let peak = startRss;
  let peakHeap = startHeap;
  // The resident memory includes PGlite's WebAssembly heap (the embedded database, in this process), which
  // grows with the data and never shrinks; the JavaScript heap is what the export itself holds.
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  // PGlite answers in microtasks, so a timer alone may never fire while the file is read: every chunk samples too.
  const sampler = setInterval(sample, 20);
  const dir = process.env.BENCH_IATI_VALIDATE ? mkdtempSync(join(tmpdir(), 'iati-bench-')) : null;
  const file = dir ? createWriteStream(join(dir, 'activities.xml')) : null;
  const started = performance.now();
  const stream = await streamIatiActivities(coreContext({ db }), { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER });
  let bytes = 0;
  let activities = 0;
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    sample();
    bytes += chunk.byteLength;
    activities += decoder.decode(chunk).split('<iati-activity ').length - 1;
    if (file && !file.write(chunk)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  let valid: string | undefined;
  if (file && dir) {
    await new Promise<void>((resolve) => file.end(() => resolve()));
    const run = spawnSync('xmllint', ['--noout', '--stream', '--schema', 'reference/iati/schema/iati-activities-schema.xsd', join(dir, 'activities.xml')], { encoding: 'utf8' });
    valid = run.status === 0 ? 'valid' : `invalid: ${run.stderr.slice(0, 300)}`;
    rmSync(dir, { recursive: true, force: true });
  }
  // The publisher's check (decision 024), as the server's job makes it: every activity checked, every problem stored.
  const checkStarted = performance.now();
  const check = await makeIatiCheck(coreContext({ db, actor: system('bench') }), { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER, force: true });
  const checkSeconds = (performance.now() - checkStarted) / 1000;
  sample();
  await handle.close();
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  console.log(JSON.stringify({ case: single, activities, megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10, seconds: Math.round(seconds * 100) / 100, activitiesPerSecond: Math.round(activities / seconds), rssBeforeMb: mb(startRss), peakRssMb: mb(peak), heapBeforeMb: mb(startHeap), peakHeapMb: mb(peakHeap), fillSeconds: Math.round(fillSeconds), checkSeconds: Math.round(checkSeconds * 10) / 10, checkProblems: check.problems, ...(valid ? { schema: valid } : {}) }));
}

/** Two goals per granted application, each with a numeric and a worded indicator, and the commitment of each stage from its call. */
async function addResultsAndCommitments(db: Database) {
  await db.execute(sql`
    insert into application_goals (id, application_id, organisation_id, description, position)
    select md5('goal' || s.application_id || k)::uuid, s.application_id, null, 'Shared goal ' || k || ': better services through exchange', k
    from partnership_stages s cross join generate_series(1, 2) k`);
  await db.execute(sql`
    insert into goal_indicators (goal_id, description, baseline, target, position)
    select g.id, case when k = 1 then 'Staff trained' else 'Routines in writing' end, case when k = 1 then '0' else 'ad hoc' end, case when k = 1 then '40' else 'written and in use' end, k
    from application_goals g cross join generate_series(1, 2) k`);
  await db.execute(sql`
    insert into ledger_entries (kind, year, amount_minor, currency, from_account, to_account, call_id, stage_id, reason, posted_by_label, posted_at)
    select 'commitment', extract(year from s.starts_on)::int, s.amount_ceiling_minor, s.currency, 'call:' || a.call_id, 'stage:' || s.id, a.call_id, s.id, '', 'bench', s.starts_on::timestamptz
    from partnership_stages s join applications a on a.id = s.application_id where s.amount_ceiling_minor > 0`);
  await db.execute(sql`analyze`);
}
