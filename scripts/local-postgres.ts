import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run db:pg` starts a throwaway PostgreSQL on 127.0.0.1 (no change to /etc or system services);
 * `npm run db:pg -- stop` stops it. It prints the DATABASE_URL to use.
 * PG_PORT (default 5433) and PG_DIR (default /tmp/mx-postgres) override the defaults.
 */
const port = process.env.PG_PORT ?? '5433';
const dir = process.env.PG_DIR ?? '/tmp/mx-postgres';
const dataDir = join(dir, 'data');
const database = 'mutual_exchange';

function findBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((v) => join(root, v, 'bin')).find((b) => existsSync(join(b, 'pg_ctl')));
  if (!bin) {
    console.error('PostgreSQL is not installed: "sudo apt-get install postgresql" (Debian/Ubuntu), then run this again.');
    process.exit(1);
  }
  return bin;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the postgres user. */
function run(command: string, args: string[], quiet = false) {
  const asRoot = process.getuid?.() === 0;
  const quoted = [command, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const result = asRoot
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { stdio: quiet ? 'pipe' : 'inherit' })
    : spawnSync(command, args, { stdio: quiet ? 'pipe' : 'inherit' });
  return result.status === 0;
}

const bin = findBin();
const action = process.argv[2] ?? 'start';
const url = `postgres://postgres@127.0.0.1:${port}/${database}`;

if (action === 'stop') {
  run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', 'stop']);
  process.exit(0);
}

mkdirSync(dir, { recursive: true });
if (process.getuid?.() === 0) {
  const ids = spawnSync('id', ['-u', 'postgres']).stdout.toString().trim();
  const gid = spawnSync('id', ['-g', 'postgres']).stdout.toString().trim();
  chownSync(dir, Number(ids), Number(gid));
}
if (!existsSync(join(dataDir, 'PG_VERSION'))) {
  const ok = run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], true);
  if (!ok) {
    console.error(`initdb failed in ${dataDir}`);
    process.exit(1);
  }
}
if (!run(join(bin, 'pg_ctl'), ['-D', dataDir, 'status'], true)) {
  const started = run(join(bin, 'pg_ctl'), [
    '-D', dataDir, '-l', join(dir, 'log'), '-w',
    '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`,
    'start',
  ], true);
  if (!started) {
    console.error(`PostgreSQL did not start: see ${join(dir, 'log')}`);
    process.exit(1);
  }
}
run(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-qc', `create database ${database}`], true);
console.log(`PostgreSQL is running on 127.0.0.1:${port}.\nDATABASE_URL=${url}`);
