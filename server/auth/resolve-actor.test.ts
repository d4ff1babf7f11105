import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { agencyRoleAssignments } from '../../db/schema/access.ts';
import { session } from '../../db/schema/auth.ts';
import { forgetSharedReads, withSharedReadCache } from '../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { createAuth } from './create-auth.ts';
import { actorPool, resolveActor } from './resolve-actor.ts';

const testDb = useTestDatabase();
const password = 'resolve-actor-password-2026';

async function world() {
  const auth = createAuth({ db: testDb.db, secret: 'resolve-actor-secret-0123456789-0123456789', baseURL: 'http://localhost:3000', onSessionCreated: async () => {}, onPasswordReset: async () => {} });
  const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
  const person = await createUser(testDb.db, {
    email: `chikondi.${crypto.randomUUID()}@partner.example`,
    password,
    agencyRoles: ['programme_adviser'],
    memberships: [{ organisationId: lilongwe.id, role: 'partner_coordinator' }],
  });
  const { headers } = await auth.api.signInEmail({ body: { email: person.email, password }, returnHeaders: true });
  const cookie = headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  return { auth, person, lilongwe, cookie };
}

const withCookie = (cookie: string) => new Headers({ cookie });

describe('who sent the request', () => {
  it('a signed-in person with their roles, from the cookie better-auth set', async () => {
    const { auth, person, lilongwe, cookie } = await world();
    const actor = await resolveActor(auth, testDb.db, withCookie(cookie));
    expect(actor).toMatchObject({ kind: 'user', userId: person.id, agencyRoles: ['programme_adviser'], memberships: [{ organisationId: lilongwe.id, role: 'partner_coordinator' }], participantIds: [] });
    // What better-auth itself says about the same cookie.
    expect((await auth.api.getSession({ headers: withCookie(cookie) }))?.user.id).toBe(person.id);
  });

  it('a visitor for no cookie, a forged signature, a token that is no session, and after signing out', async () => {
    const { auth, cookie } = await world();
    expect(await resolveActor(auth, testDb.db, new Headers())).toEqual({ kind: 'visitor' });
    const [name, value] = cookie.split('=') as [string, string];
    const decoded = decodeURIComponent(value);
    const token = decoded.slice(0, decoded.lastIndexOf('.'));
    expect(await resolveActor(auth, testDb.db, withCookie(`${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`))).toEqual({ kind: 'visitor' });
    expect(await resolveActor(auth, testDb.db, withCookie(`${name}=${token}`))).toEqual({ kind: 'visitor' });
    expect(await resolveActor(auth, testDb.db, withCookie(`${name}=%E0%A4%A`))).toEqual({ kind: 'visitor' });
    await auth.api.signOut({ headers: withCookie(cookie) });
    expect(await resolveActor(auth, testDb.db, withCookie(cookie))).toEqual({ kind: 'visitor' });
  });

  it('a visitor once the session has expired; a session used after a day is extended as better-auth does', async () => {
    const { auth, person, cookie } = await world();
    const [row] = await testDb.db.select().from(session).where(eq(session.userId, person.id));
    // Two days into a fourteen-day session: still valid, and extended to fourteen days from now.
    await testDb.db.update(session).set({ expiresAt: new Date(Date.now() + 12 * 24 * 3600_000) }).where(eq(session.id, row!.id));
    expect((await resolveActor(auth, testDb.db, withCookie(cookie))).kind).toBe('user');
    const [extended] = await testDb.db.select().from(session).where(eq(session.id, row!.id));
    expect(extended!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600_000);
    await testDb.db.update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.id, row!.id));
    expect(await resolveActor(auth, testDb.db, withCookie(cookie))).toEqual({ kind: 'visitor' });
  });
});

describe('a session kept between requests (decision 028)', () => {
  async function keptWorld() {
    const w = await world();
    const db = withSharedReadCache(testDb.db);
    // As server/start-server.ts wires it: better-auth's changes to sessions end what was kept.
    const auth = createAuth({ db: testDb.db, secret: 'resolve-actor-secret-0123456789-0123456789', baseURL: 'http://localhost:3000', onSessionCreated: async () => {}, onPasswordReset: async () => {}, onSessionsChanged: () => forgetSharedReads(db) });
    return { ...w, auth, db };
  }
  afterEach(() => vi.useRealTimers());

  it('is read once, seen changed after this server’s next write at once, and after two seconds when another server changed it', async () => {
    const { auth, db, person, cookie } = await keptWorld();
    expect(await resolveActor(auth, db, withCookie(cookie))).toMatchObject({ agencyRoles: ['programme_adviser'] });
    // A role given where this handle does not see it (another server, a script): kept for at most two seconds.
    await testDb.db.insert(agencyRoleAssignments).values({ userId: person.id, roleCode: 'finance_officer' });
    expect(await resolveActor(auth, db, withCookie(cookie))).toMatchObject({ agencyRoles: ['programme_adviser'] });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + actorPool.maxAgeMs! + 1 });
    expect(await resolveActor(auth, db, withCookie(cookie))).toMatchObject({ agencyRoles: expect.arrayContaining(['programme_adviser', 'finance_officer']) });
    vi.useRealTimers();
    // A transaction on this server's handle (every write in core is one) ends it at once.
    await testDb.db.delete(agencyRoleAssignments).where(eq(agencyRoleAssignments.userId, person.id));
    expect(await resolveActor(auth, db, withCookie(cookie))).toMatchObject({ agencyRoles: expect.arrayContaining(['finance_officer']) });
    await db.transaction(async () => {});
    expect(await resolveActor(auth, db, withCookie(cookie))).toMatchObject({ agencyRoles: [] });
  });

  it('ends at once when better-auth signs the session out or revokes it', async () => {
    const { auth, db, cookie } = await keptWorld();
    expect((await resolveActor(auth, db, withCookie(cookie))).kind).toBe('user');
    await auth.api.signOut({ headers: withCookie(cookie) });
    expect(await resolveActor(auth, db, withCookie(cookie))).toEqual({ kind: 'visitor' });

    const other = await keptWorld();
    expect((await resolveActor(other.auth, other.db, withCookie(other.cookie))).kind).toBe('user');
    const [row] = await testDb.db.select().from(session).where(eq(session.userId, other.person.id));
    await other.auth.api.revokeSession({ body: { token: row!.token }, headers: withCookie(other.cookie) });
    expect(await resolveActor(other.auth, other.db, withCookie(other.cookie))).toEqual({ kind: 'visitor' });
  });

  it('is not honoured past the session’s end while kept', async () => {
    const { auth, db, person, cookie } = await keptWorld();
    const [row] = await testDb.db.select().from(session).where(eq(session.userId, person.id));
    await testDb.db.update(session).set({ expiresAt: new Date(Date.now() + 1000) }).where(eq(session.id, row!.id));
    // Without better-auth's refresh (which would extend the session and end what was kept).
    vi.spyOn(auth.api, 'getSession').mockResolvedValue(null);
    expect((await resolveActor(auth, db, withCookie(cookie))).kind).toBe('user');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 1500 });
    expect(await resolveActor(auth, db, withCookie(cookie))).toEqual({ kind: 'visitor' });
  });
});
