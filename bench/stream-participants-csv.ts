import { openDatabase } from '../db/client.ts';
import { coreContext } from '../core/context.ts';
import { system } from '../core/identity/actor.ts';
import { exportParticipantsCsv } from '../core/participants/export-participants-csv.ts';

/**
 * Streams the CSV of every participant in BENCH_DATABASE_URL to nowhere, the way the CSV route does
 * (core's export, read as fast as it comes), and prints one JSON line: rows, megabytes, seconds, and
 * the peak resident memory of this process, sampled every 50 ms. Run by bench/participant-list.ts.
 */
const handle = await openDatabase({ kind: 'postgres', url: process.env.BENCH_DATABASE_URL! });
const startRss = process.memoryUsage().rss;
let peak = startRss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const started = performance.now();
const stream = await exportParticipantsCsv(coreContext({ db: handle.db, actor: system('bench') }), { filter: {}, locale: 'en' });
let bytes = 0;
let lines = 0;
const reader = stream.getReader();
for (;;) {
  const { done, value: chunk } = await reader.read();
  if (done) break;
  bytes += chunk.byteLength;
  for (const b of chunk) if (b === 10) lines++;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await handle.close();
const mb = (n: number) => Math.round(n / 1024 / 1024);
console.log(JSON.stringify({ rows: lines - 1, megabytes: mb(bytes), seconds: Math.round((performance.now() - started) / 100) / 10, peakRssMb: mb(peak), startRssMb: mb(startRss) }));
