import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { beforeAll } from 'vitest';
import { createAuth, type Auth } from '../../server/auth/create-auth.ts';
import { recordSessionCreated } from '../../server/auth/record-session-created.ts';
import { createHttpApp } from '../../server/http-app.ts';
import { createLogger } from '../../server/logger.ts';
import { useTestDatabase } from './test-database.ts';

/** The address the in-process app believes it is served at; requests carry it as their Origin. */
export const publicUrl = 'http://localhost:3000';
const root = resolve(import.meta.dirname, '../..');

/** The newest modification time under a folder (the sources a page build is made from). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** The pages' server build, made first when it is missing or older than the sources. */
export async function pageBuild(): Promise<ServerBuild> {
  const file = join(root, 'build/server/index.js');
  const sources = Math.max(...['app', 'core', 'i18n', 'db'].map((d) => newest(join(root, d))));
  if (!existsSync(file) || statSync(file).mtimeMs < sources) {
    execFileSync(join(root, 'node_modules/.bin/react-router'), ['build'], { cwd: root, stdio: 'ignore' });
  }
  return (await import(`${pathToFileURL(file).href}?t=${statSync(file).mtimeMs}`)) as ServerBuild;
}

export interface InProcessApp {
  /** The whole server (origin check, body limit, API, auth callback, pages), for `app.request`. */
  readonly app: ReturnType<typeof createHttpApp>;
  readonly auth: Auth;
  readonly db: ReturnType<typeof useTestDatabase>['db'];
}

/**
 * The real HTTP app, as the server runs it, on this test file's own database with the demo data and its
 * people (password `exchange-demo-2026`), built once in a `beforeAll`; its health checks ping that
 * database. Hooks registered after this call run after it, so they may use `app`, `auth` and `db`.
 */
export function useInProcessApp({ secret }: { secret: string }): InProcessApp {
  const testDb = useTestDatabase({ withDemo: true });
  const state = {} as { app: ReturnType<typeof createHttpApp>; auth: Auth };
  beforeAll(async () => {
    const db = testDb.db;
    const build = await pageBuild();
    state.auth = createAuth({ db, secret, baseURL: publicUrl, onSessionCreated: (session) => recordSessionCreated(db, session), onPasswordReset: async () => {} });
    state.app = createHttpApp({ db, auth: state.auth, publicUrl, mailToLog: true, oidcIssuer: undefined, ping: () => testDb.handle.ping(), logger: createLogger('silent'), build, clientDir: join(root, 'build/client') });
  }, 600_000);
  return {
    get app() {
      return state.app;
    },
    get auth() {
      return state.auth;
    },
    get db() {
      return testDb.db;
    },
  };
}
