import { createHmac, timingSafeEqual } from 'node:crypto';
import { getSessionCookie } from 'better-auth/cookies';
import type { Actor } from '../../core/identity/actor.ts';
import { visitor } from '../../core/identity/actor.ts';
import { loadActor } from '../../core/identity/load-actor.ts';
import type { Database } from '../../db/database.ts';
import { sharedRead, type SharedReadPool } from '../../db/shared-read-cache.ts';
import type { Auth } from './create-auth.ts';
import { SESSION_COOKIE_PREFIX, SESSION_EXPIRES_IN_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './create-auth.ts';

/**
 * The session token in the cookie, when its signature is better-auth's (HMAC-SHA-256 of the token with
 * the auth secret, `token.signature`, as better-auth 1.7 signs it); otherwise null.
 */
function signedSessionToken(headers: Headers, secret: string): string | null {
  const raw = getSessionCookie(headers, { cookiePrefix: SESSION_COOKIE_PREFIX });
  if (!raw) return null;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * A session's person and roles, kept between requests (decision 028) for at most this long: on this server
 * any write ends them at once (a transaction's end, or better-auth's own change to a session), so the bound is
 * for a second server on the same PostgreSQL, whose writes this one does not see.
 */
export const actorPool: SharedReadPool = { name: 'actors', maxEntries: 2000, maxAgeMs: 2000 };

/**
 * Who sent the request. Visitors without a session cookie cost no database query; with one, the
 * session, the person and their roles are one query (core/identity/load-actor.ts), kept in `actorPool`
 * until a write. Once a day of use, better-auth extends the session as it would have (its own refresh).
 */
export async function resolveActor(auth: Auth, db: Database, headers: Headers): Promise<Actor> {
  const token = signedSessionToken(headers, auth.options.secret);
  if (!token) return visitor;
  const now = new Date();
  const { actor, sessionExpiresAt } = await sharedRead(db, token, () => loadActor(db, { sessionToken: token, now }), actorPool);
  // A session kept from an earlier request may have run out since.
  if (sessionExpiresAt && sessionExpiresAt.getTime() <= now.getTime()) return visitor;
  if (actor.kind === 'user' && sessionExpiresAt) {
    const refreshedAt = sessionExpiresAt.getTime() - SESSION_EXPIRES_IN_SECONDS * 1000;
    if (now.getTime() - refreshedAt > SESSION_UPDATE_AGE_SECONDS * 1000) await auth.api.getSession({ headers });
  }
  return actor;
}
