import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start`: builds the web UI when the build is missing or older than the sources, then runs the
 * server in this same process (so its PID is the server's and SIGTERM reaches it directly).
 */
const sources = ['app', 'core', 'db', 'public', 'react-router.config.ts', 'vite.config.ts', 'package-lock.json'];
const buildMarker = 'build/server/index.js';

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

if (!existsSync(buildMarker) || Math.max(...sources.map(newestChange)) > statSync(buildMarker).mtimeMs) {
  console.log('Building the web UI (first start or changed sources)…');
  const result = spawnSync('node_modules/.bin/react-router', ['build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('../server.ts');
