import { APIError } from 'better-auth/api';
import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { z } from 'zod';
import { newPasswordFields, passwordsMatch } from '../../core/identity/new-password-input.ts';
import { PASSWORD_MIN } from '../../core/identity/password-policy.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/reset-password';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';

const resetInput = z
  .object({
    // better-auth's tokens are letters and digits: anything else (a NUL byte the database refuses) is not a link it sent.
    token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'linkInvalid'),
    ...newPasswordFields,
  })
  .refine(...passwordsMatch);

export async function action({ request, params, context }: Route.ActionArgs) {
  const t = translatorFor(params.lang);
  const form = await readForm(request);
  const parsed = resetInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: zodFieldErrors(t, parsed.error, { min: PASSWORD_MIN }) }, { status: 400 });
  try {
    // better-auth checks the token, stores the new hash and signs out every session (revokeSessionsOnPasswordReset).
    await context.auth.api.resetPassword({ body: { token: parsed.data.token, newPassword: parsed.data.password } });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return data({ errors: [{ field: 'password', message: t.t('error.linkInvalid') }] satisfies FieldError[] }, { status: 400 });
  }
  return redirect(`/${t.locale}/sign-in?reset=1`);
}

export default function ResetPassword() {
  const result = useActionData<{ errors: FieldError[] }>();
  const [search] = useSearchParams();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <div className="narrow">
      <PageHeading title={t('resetPassword.title')} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="token" value={search.get('token') ?? ''} />
        <NewPasswordFields errors={errors} />
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('resetPassword.submit')}
          </button>
        </div>
      </Form>
    </div>
  );
}
