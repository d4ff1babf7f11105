import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { OIDC_PROVIDER_ID } from '../../core/identity/single-sign-on.ts';
import type { Database } from '../../db/database.ts';
import { account, rateLimit, session, user, verification } from '../../db/schema/auth.ts';

/** The session cookies' prefix (`mx.session_token`), lifetime and refresh age: read by resolve-actor.ts too. */
export const SESSION_COOKIE_PREFIX = 'mx';
export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 14;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;

export interface AuthOptions {
  db: Database;
  secret: string;
  baseURL: string;
  /** Agency single sign-on; absent when not configured. */
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  /** Every new session (password or single sign-on), for the audit trail. */
  onSessionCreated: (session: { userId: string; ipAddress?: string | null }) => Promise<void>;
  /** Called with the reset token; the caller enqueues the email (a link to our own reset page). */
  onPasswordReset: (args: { userId: string; email: string; name: string; locale: string; token: string }) => Promise<void>;
  /** After better-auth changes or removes a session or a person (signed out, revoked, refreshed): what the server kept of them ends. */
  onSessionsChanged?: () => void;
}

/**
 * better-auth does what a library should: password hashing, sessions in the database, reset tokens.
 * Our forms call its server API from React Router actions (no client library, no JavaScript), and
 * people join only by invitation, so its own sign-up is off (docs/decisions/005).
 */
export function createAuth({ db, secret, baseURL, oidc, onSessionCreated, onPasswordReset, onSessionsChanged = () => {} }: AuthOptions) {
  return betterAuth({
    secret,
    baseURL,
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification, rateLimit } }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user: u, token }) => {
        const withLocale = u as typeof u & { locale?: string };
        await onPasswordReset({ userId: u.id, email: u.email, name: u.name, locale: withLocale.locale ?? 'en', token });
      },
    },
    user: {
      additionalFields: { locale: { type: 'string', required: false, defaultValue: 'en', input: false } },
    },
    session: { expiresIn: SESSION_EXPIRES_IN_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: baseURL.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    // Single sign-on never creates accounts (no open sign-up): it links to the invited person with the
    // same, provider-verified email address.
    plugins: [
      genericOAuth({
        config: oidc
          ? [
              {
                providerId: OIDC_PROVIDER_ID,
                discoveryUrl: `${oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                disableSignUp: true,
              },
            ]
          : [],
      }),
    ],
    account: { accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] } },
    databaseHooks: {
      // Before and after: a request that reads the session between the two keeps nothing past the change.
      session: {
        create: { after: async (s) => onSessionCreated({ userId: s.userId, ipAddress: s.ipAddress }) },
        update: { before: async () => onSessionsChanged(), after: async () => onSessionsChanged() },
        delete: { before: async () => onSessionsChanged(), after: async () => onSessionsChanged() },
      },
      user: { update: { before: async () => onSessionsChanged(), after: async () => onSessionsChanged() }, delete: { before: async () => onSessionsChanged(), after: async () => onSessionsChanged() } },
    },
    // Server-side calls skip better-auth's HTTP rate limiter; core/identity/sign-in-guard.ts limits sign-in.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
