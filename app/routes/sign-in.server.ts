import { APIError } from 'better-auth/api';
import { data, redirect, type AppLoadContext } from 'react-router';
import { z } from 'zod';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { DomainError } from '../../core/errors.ts';
import { system } from '../../core/identity/actor.ts';
import { checkSignInAllowed, clearSignInFailures, recordSignInFailure } from '../../core/identity/sign-in-guard.ts';
import { safeNext } from '../auth/guard.server.ts';
import { authHeaders } from '../auth/auth-headers.server.ts';
import { withCookies } from '../auth/session-cookies.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { domainFieldError, zodFieldErrors, type FieldError } from '../forms/field-errors.ts';

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
  const form = await request.formData();
  const values = { email: String(form.get('email') ?? ''), next: String(form.get('next') ?? '') };
  const refuse = (errors: FieldError[], status: number) => data<SignInResult>({ errors, values }, { status });

  const parsed = signInInput.safeParse({ email: values.email, password: String(form.get('password') ?? '') });
  if (!parsed.success) return refuse(zodFieldErrors(t, parsed.error), 400);
  const { email, password } = parsed.data;
  const db = context.core.db;
  try {
    await checkSignInAllowed(db, { email, ip: context.clientIp });
  } catch (error) {
    if (error instanceof DomainError) return refuse([domainFieldError(t, error, 'email')], error.status);
    throw error;
  }
  try {
    const { headers, response } = await context.auth.api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: authHeaders(request, context.clientIp),
      returnHeaders: true,
    });
    await clearSignInFailures(db, email);
    await db.transaction((tx) =>
      recordAudit(tx, { db: tx, actor: system('sign-in'), requestId: context.requestId }, {
        action: 'session.signed-in',
        recordType: 'user',
        recordId: response.user.id,
        after: { ip: context.clientIp },
      }),
    );
    return redirect(safeNext(values.next, `/${t.locale}/account`), { headers: withCookies(headers) });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const { locked } = await recordSignInFailure(db, { email, ip: context.clientIp });
    if (locked) {
      return refuse([domainFieldError(t, new DomainError('signInLocked', { field: 'email', params: { minutes: 15 } }))], 429);
    }
    // The same answer for an unknown address and a wrong password: nothing to learn about who has an account.
    return refuse([{ field: 'email', message: t.t('error.wrongCredentials') }], 401);
  }
}
