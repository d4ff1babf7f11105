import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

/**
 * `npm run bench`: the production build on a fresh embedded database, loaded by autocannon with a fixed
 * number of connections for a fixed time per page. Prints requests/s, latency percentiles and the
 * server's peak memory. Figures, not assertions: tests never time anything (DEVELOPERS.md).
 */
const port = Number(process.env.BENCH_PORT ?? 3290);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const pages = [
  { name: '/healthz', path: '/healthz' },
  { name: 'home page (figures from the database)', path: '/nb/' },
  { name: 'organisation directory (list query)', path: '/nb/organisations?country=NP' },
  { name: 'API health', path: '/api/v1/health' },
];

const build = spawnSync('node_modules/.bin/react-router', ['build'], { stdio: 'ignore' });
if (build.status !== 0) throw new Error('build failed');
const dataDir = 'data/bench';
rmSync(dataDir, { recursive: true, force: true });

const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function load(path: string) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: `http://127.0.0.1:${port}${path}`, connections, duration, headers: { 'accept-encoding': 'gzip' } };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.average),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.non2xx,
  };
}

try {
  await waitForServer();
  console.log(`Benchmark ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PGlite, ${connections} connections × ${duration} s per page\n`);
  console.log('| page | requests/s | p50 ms | p95 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const page of pages) {
    const r = await load(page.path);
    console.log(`| ${page.name} | ${r.rps} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`);
  }
  console.log(`\nServer peak memory (VmHWM): ${peakMemoryMb(server.pid!)} MB`);
} finally {
  server.kill('SIGTERM');
}
