import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { session } from '../../db/schema/auth.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { createAuth } from './create-auth.ts';
import { resolveActor } from './resolve-actor.ts';

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
