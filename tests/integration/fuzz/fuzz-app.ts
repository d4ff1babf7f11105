import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { agencyRoles } from '../../../core/identity/actor.ts';
import { createUser } from '../../../db/factories/user-factory.ts';
import { organisations } from '../../../db/schema/organisations.ts';
import { participants } from '../../../db/schema/participants.ts';
import { resolveActor } from '../../../server/auth/resolve-actor.ts';
import { publicUrl, useInProcessApp, type InProcessApp } from '../../support/in-process-app.ts';

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
  db: InProcessApp['db'];
}

/**
 * The real HTTP app on this test file's database with the demo data, as the server runs it. Requests go
 * through `app.request`, with the cookie of a person allowed everything, so that fuzzed input reaches
 * the code behind the permission checks.
 */
export function useFuzzServer(): FuzzServer {
  const server = useInProcessApp({ secret: 'fuzz-secret-0123456789-0123456789-0123456789' });
  const state = {} as { cookie: string; coordinatorCookie: string; participantCookie: string; renew: () => Promise<void> };
  beforeAll(async () => {
    const { db, auth } = server;
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
      return Promise.resolve(server.app.request(`${publicUrl}${path}`, { ...init, headers }));
    },
    renewSessions: () => state.renew(),
    get cookie() {
      return state.cookie;
    },
    get db() {
      return server.db;
    },
  };
}
