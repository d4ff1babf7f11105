import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The second half of `npm run build` (after `react-router build`, which empties build/): compiles
 * server.ts and everything it imports from this repository (server/, api/, core/, db/, i18n/) into
 * one ES module, build/server.js, so that production runs plain JavaScript instead of transpiling
 * TypeScript at every start (docs/decisions/008-compiled-server.md). Packages stay imports from
 * node_modules. The SQL migrations are copied next to it: db/client.ts finds them beside itself.
 */
export const serverBundle = 'build/server.js';
/**
 * build/server.js: React, React Router and other packages choose their production code from NODE_ENV when
 * they are first imported, which the bundle's own imports do before any of its code runs; without this the
 * production server rendered pages with React's development build (found in a CPU profile of `npm start`).
 */
const serverEntry = `// Written by scripts/build-server.ts.\nprocess.env.NODE_ENV ??= 'production';\nawait import('./server-main.js');\n`;
/**
 * How production runs the bundle: `node --max-old-space-size=256 build/server.js` (package.json's start,
 * bench/). V8 otherwise sizes its heap by the machine's memory (gigabytes here) and collects lazily, so
 * the process grew past 400 MB under load; a page needs a few megabytes and every export streams.
 */
export const serverNodeFlags = ['--max-old-space-size=256'];
const pagesBuild = 'build/server/index.js';

/** What each output is made from (tests are not part of it). */
const sources = ['server.ts', 'server', 'api', 'core', 'db', 'i18n', 'app', 'public', 'react-router.config.ts', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when the pages or the server bundle are missing or older than a source file. */
export function buildIsStale(root = process.cwd()): boolean {
  const outputs = [pagesBuild, serverBundle].map((p) => resolve(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return Math.max(...sources.map((s) => newestChange(resolve(root, s)))) > built;
}

export async function buildServer(root = process.cwd()) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    // build/server-main.js, the compiled server itself (build/server.js only sets the environment and imports
    // it), and the embedded database's thread (db/pglite-thread.ts), which loads its own module beside it.
    entryPoints: { 'server-main': 'server.ts', 'pglite-thread-worker': 'db/pglite-thread-worker.ts' },
    outdir: 'build',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(resolve(root, serverBundle), serverEntry);
  const migrations = resolve(root, 'build/migrations');
  rmSync(migrations, { recursive: true, force: true });
  cpSync(resolve(root, 'db/migrations'), migrations, { recursive: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = performance.now();
  await buildServer();
  console.log(`${serverBundle} built in ${Math.round(performance.now() - started)} ms`);
}
