import { APIError } from 'better-auth/api';
import { data, redirect, type AppLoadContext } from 'react-router';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { checkSignInAllowed, clearSignInFailures, recordSignInFailure } from '../../core/identity/sign-in-guard.ts';
import { OIDC_PROVIDER_ID } from '../../core/identity/single-sign-on.ts';
import { safeNext } from '../auth/guard.server.ts';
import { authHeaders } from '../auth/auth-headers.server.ts';
import { withCookies } from '../auth/session-cookies.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { domainFieldError, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { readForm } from '../ui/read-form.server.ts';

const signInInput = z.object({
  email: z.email('invalidEmail').trim().toLowerCase(),
  password: z.string().min(1, 'required'),
});

export interface SignInResult {
  errors: FieldError[];
  values: { email: string; next: string };
}

/** Checks the lock-out, asks better-auth to verify the password and open a session, and counts failures. */
export async function signIn(request: Request, lang: string | undefined, context: AppLoadContext) {
  const t = translatorFor(lang);
  const form = await readForm(request);
  const values = { email: String(form.get('email') ?? ''), next: String(form.get('next') ?? '') };
  const refuse = (errors: FieldError[], status: number) => data<SignInResult>({ errors, values }, { status });

  const parsed = signInInput.safeParse({ email: values.email, password: String(form.get('password') ?? '') });
  if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error), 400);
  const { email, password } = parsed.data;
  const db = context.core.db;
  try {
    await checkSignInAllowed(context.core, { email, ip: context.clientIp });
  } catch (error) {
    if (error instanceof DomainError) return refuse([domainFieldError(t, error, 'email')], error.status);
    throw error;
  }
  try {
    const { headers } = await context.auth.api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: authHeaders(request, context.clientIp),
      returnHeaders: true,
    });
    // The audit entry is written by the session hook (server/auth/record-session-created.ts).
    await clearSignInFailures(db, email);
    return redirect(safeNext(values.next, `/${t.locale}/start`, context.publicUrl), { headers: withCookies(headers) });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const { locked } = await recordSignInFailure(context.core, { email, ip: context.clientIp });
    if (locked) {
      return refuse([domainFieldError(t, new DomainError('signInLocked', { field: 'email', params: { minutes: 15 } }))], 429);
    }
    // The same answer for an unknown address and a wrong password: nothing to learn about who has an account.
    return refuse([{ field: 'email', message: t.t('error.wrongCredentials') }], 401);
  }
}

/**
 * Starts agency single sign-on: better-auth makes the state and PKCE verifier (kept in a cookie) and
 * the provider's address; the browser is sent there and comes back to /api/auth/callback/agency.
 */
export async function startSingleSignOn(request: Request, lang: string | undefined, context: AppLoadContext) {
  const t = translatorFor(lang);
  const form = await readForm(request);
  const next = safeNext(String(form.get('next') ?? ''), `/${t.locale}/start`, context.publicUrl);
  const { headers, response } = await context.auth.api.signInSocial({
    body: { provider: OIDC_PROVIDER_ID, callbackURL: next, errorCallbackURL: `/${t.locale}/sign-in`, disableRedirect: true },
    headers: authHeaders(request, context.clientIp),
    returnHeaders: true,
  });
  if (!response.url) throw new Error('single sign-on: no provider address');
  return redirect(response.url, { headers: withCookies(headers) });
}
