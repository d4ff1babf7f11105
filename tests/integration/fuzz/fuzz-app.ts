import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import type { ServerBuild } from 'react-router';
import { afterAll, beforeAll } from 'vitest';
import { agencyRoles } from '../../../core/identity/actor.ts';
import { createUser } from '../../../db/factories/user-factory.ts';
import { organisations } from '../../../db/schema/organisations.ts';
import { participants } from '../../../db/schema/participants.ts';
import { recordSessionCreated } from '../../../server/auth/record-session-created.ts';
import { createAuth } from '../../../server/auth/create-auth.ts';
import { resolveActor } from '../../../server/auth/resolve-actor.ts';
import { createHttpApp } from '../../../server/http-app.ts';
import { createLogger } from '../../../server/logger.ts';
import { useTestDatabase } from '../../support/test-database.ts';

export const publicUrl = 'http://localhost:3000';
const root = resolve(import.meta.dirname, '../../..');

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

/** Who sends a fuzzed request: someone allowed everything, a coordinator of every organisation, or a visitor. */
export type Acting = 'everyone' | 'coordinator' | 'participant' | 'visitor';

export interface FuzzServer {
  /** Sends a request to the whole server in-process (CSRF check, body limit, API and pages). */
  /**
   * `as: 'coordinator'`: as a partner coordinator of every organisation without agency roles (drafts are theirs).
   * `as: 'participant'`: as the participant of an alumni record of the demo data (their own pages).
   */
  request(path: string, init?: RequestInit, as?: Acting): Promise<Response>;
  /** A session cookie for someone who may do everything: every agency role and coordinator of every organisation. */
  cookie: string;
  /** New sessions for both people, before fuzzing another route. */
  renewSessions(): Promise<void>;
  db: ReturnType<typeof useTestDatabase>['db'];
}

/**
 * The real HTTP app on this test file's database with the demo data, as the server runs it. Requests go
 * through `app.request`, with the cookie of a person allowed everything, so that fuzzed input reaches
 * the code behind the permission checks.
 */
export function useFuzzServer(): FuzzServer {
  const testDb = useTestDatabase({ withDemo: true });
  const state = {} as { app: ReturnType<typeof createHttpApp>; cookie: string; coordinatorCookie: string; participantCookie: string; renew: () => Promise<void> };
  beforeAll(async () => {
    const db = testDb.db;
    const build = await pageBuild();
    const auth = createAuth({
      db,
      secret: 'fuzz-secret-0123456789-0123456789-0123456789',
      baseURL: publicUrl,
      onSessionCreated: (session) => recordSessionCreated(db, session),
      onPasswordReset: async () => {},
    });
    state.app = createHttpApp({ db, auth, publicUrl, mailToLog: true, oidcIssuer: undefined, ping: async () => {}, logger: createLogger('silent'), build, clientDir: join(root, 'build/client') });
    const all = await db.select({ id: organisations.id }).from(organisations);
    const password = 'fuzz-password-2026';
    const everyone = await createUser(db, {
      email: 'fuzz@agency.example',
      name: 'Fuzz Tester',
      password,
      agencyRoles: [...agencyRoles],
      memberships: all.map((o) => ({ organisationId: o.id, role: 'partner_coordinator' as const })),
    });
    // Drafts are hidden from the agency: a coordinator without agency roles edits applications.
    const coordinator = await createUser(db, {
      email: 'fuzz.coordinator@partner.example',
      name: 'Fuzz Coordinator',
      password,
      memberships: all.map((o) => ({ organisationId: o.id, role: 'partner_coordinator' as const })),
    });
    // A participant's own pages: someone back home and alumni, so that every form of theirs is offered.
    const [alumnus] = await db.select({ id: participants.id }).from(participants).where(eq(participants.status, 'alumni')).limit(1);
    const participant = await createUser(db, { email: 'fuzz.participant@example.org', name: 'Fuzz Participant', password, participantIds: alumnus ? [alumnus.id] : [] });
    // Straight through better-auth, past the sign-in page's lock-outs, which fuzzing the sign-in page sets off.
    const signIn = async (email: string) => {
      const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
      const cookie = headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
      if (!cookie.includes('session_token')) throw new Error(`fuzz: signing in as ${email} failed`);
      return cookie;
    };
    // Each route starts with fresh sessions: fuzzing one (sign-out, revoking sessions, removing people)
    // must not turn the next into a visitor's requests.
    // Signing in hashes a password (scrypt, tens of milliseconds): only when a session has gone.
    const live = async (cookie: string | undefined) => cookie !== undefined && (await resolveActor(auth, db, new Headers({ cookie }))).kind === 'user';
    state.renew = async () => {
      if (!(await live(state.cookie))) state.cookie = await signIn(everyone.email);
      if (!(await live(state.coordinatorCookie))) state.coordinatorCookie = await signIn(coordinator.email);
      if (!(await live(state.participantCookie))) state.participantCookie = await signIn(participant.email);
    };
    await state.renew();
  }, 600_000);
  afterAll(() => undefined);
  return {
    request: (path, init = {}, as = 'everyone') => {
      const headers = new Headers(init.headers);
      if (!headers.has('cookie')) headers.set('cookie', as === 'coordinator' ? state.coordinatorCookie : as === 'participant' ? state.participantCookie : as === 'visitor' ? '' : state.cookie);
      headers.set('origin', publicUrl);
      return Promise.resolve(state.app.request(`${publicUrl}${path}`, { ...init, headers }));
    },
    renewSessions: () => state.renew(),
    get cookie() {
      return state.cookie;
    },
    get db() {
      return testDb.db;
    },
  };
}
