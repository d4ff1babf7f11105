import { spawnSync } from 'node:child_process';
import { buildIsStale } from './build-server.ts';

/**
 * The first half of `npm start`: builds (`npm run build`: the web UI and the compiled server) when the
 * build is missing or older than the sources. The second half, in package.json, is
 * `exec node build/server.js`: the server runs as plain JavaScript, without tsx, in the process npm
 * started, so npm passes Ctrl-C and SIGTERM straight to it.
 */
if (buildIsStale()) {
  console.log('Building the web UI and the server (first start or changed sources)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
