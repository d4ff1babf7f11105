import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/**
 * `npm run bench:start`: how long the server takes to answer after it is started, what its first
 * requests cost and how much memory it holds, for `node --import tsx server.ts` (TypeScript
 * transpiled at start) and `node build/server.js` (compiled by `npm run build`), alternating, on a
 * database already migrated and seeded by a first start (BENCH_DATABASE_URL for PostgreSQL, else
 * PGlite in data/bench-start). Prints the median of BENCH_STARTS (5) starts of each. Figures for
 * docs/decisions/008-compiled-server.md.
 */
const port = Number(process.env.BENCH_PORT ?? 3293);
const starts = Number(process.env.BENCH_STARTS ?? 5);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const base = `http://127.0.0.1:${port}`;
const dataDir = 'data/bench-start';
const modes = { tsx: ['--import', 'tsx', 'server.ts'], compiled: ['build/server.js'] } as const;

interface Sample {
  readyMs: number;
  signInMs: number;
  homeMs: number;
  rssMb: number;
}

async function once(mode: keyof typeof modes): Promise<Sample> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const started = performance.now();
  const server = spawn(process.execPath, [...modes[mode]], { env, stdio: 'ignore' });
  const exited = new Promise((r) => server.once('exit', r));
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`${mode}: server exited with ${server.exitCode}`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const readyMs = performance.now() - started;
    const timed = async (path: string) => {
      const t = performance.now();
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return performance.now() - t;
    };
    const signInMs = await timed('/en/sign-in');
    const homeMs = await timed('/nb/');
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    return { readyMs, signInMs, homeMs, rssMb };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

if (!databaseUrl) rmSync(dataDir, { recursive: true, force: true });
await once('compiled'); // migrates and seeds, so that every measured start finds the same database
const samples: Record<keyof typeof modes, Sample[]> = { tsx: [], compiled: [] };
for (let i = 0; i < starts; i++) for (const mode of ['tsx', 'compiled'] as const) samples[mode].push(await once(mode));

console.log(`${databaseUrl ? 'PostgreSQL' : 'PGlite'}, median of ${starts} starts each, Node ${process.version}\n`);
console.log('| server | start to first healthy answer, ms | first sign-in page, ms | first home page, ms | RSS after, MB |');
console.log('|---|---:|---:|---:|---:|');
for (const mode of ['tsx', 'compiled'] as const) {
  const s = samples[mode];
  const m = (key: keyof Sample) => median(s.map((x) => x[key])).toFixed(0);
  console.log(`| \`node ${modes[mode].join(' ')}\` | ${m('readyMs')} | ${m('signInMs')} | ${m('homeMs')} | ${m('rssMb')} |`);
}
