import { createHmac, timingSafeEqual } from 'node:crypto';
import { getSessionCookie } from 'better-auth/cookies';
import type { Actor } from '../../core/identity/actor.ts';
import { visitor } from '../../core/identity/actor.ts';
import { loadActor } from '../../core/identity/load-actor.ts';
import type { Database } from '../../db/database.ts';
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
 * Who sent the request. Visitors without a session cookie cost no database query; with one, the
 * session, the person and their roles are one query (core/identity/load-actor.ts). Once a day of use,
 * better-auth extends the session as it would have (its own refresh).
 */
export async function resolveActor(auth: Auth, db: Database, headers: Headers): Promise<Actor> {
  const token = signedSessionToken(headers, auth.options.secret);
  if (!token) return visitor;
  const now = new Date();
  const { actor, sessionExpiresAt } = await loadActor(db, { sessionToken: token, now });
  if (actor.kind === 'user' && sessionExpiresAt) {
    const refreshedAt = sessionExpiresAt.getTime() - SESSION_EXPIRES_IN_SECONDS * 1000;
    if (now.getTime() - refreshedAt > SESSION_UPDATE_AGE_SECONDS * 1000) await auth.api.getSession({ headers });
  }
  return actor;
}
