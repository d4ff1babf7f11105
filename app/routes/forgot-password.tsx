import { APIError } from 'better-auth/api';
import { data, Form, useActionData } from 'react-router';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { checkSignInAllowed } from '../../core/identity/sign-in-guard.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/forgot-password';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';

interface Result {
  errors: FieldError[];
  email: string;
  sent: boolean;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const t = translatorFor(params.lang);
  const form = await readForm(request);
  const email = String(form.get('email') ?? '');
  const parsed = z.object({ email: z.email('invalidEmail').trim().toLowerCase() }).safeParse({ email });
  if (!parsed.success) return data<Result>({ errors: zodFieldErrors(t, parsed.error), email, sent: false }, { status: 400 });
  try {
    // The same per-address limits as sign-in: this form must not become a way to flood someone's inbox.
    await checkSignInAllowed(context.core, { email: parsed.data.email, ip: context.clientIp });
    await context.auth.api.requestPasswordReset({ body: { email: parsed.data.email } });
  } catch (error) {
    if (error instanceof DomainError) return data<Result>({ errors: [domainFieldError(t, error, 'email')], email, sent: false }, { status: error.status });
    if (!(error instanceof APIError)) throw error;
  }
  // Always the same answer, whether or not the address has an account.
  return { errors: [], email, sent: true } satisfies Result;
}

export default function ForgotPassword() {
  const result = useActionData<Result>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <div className="narrow">
      <PageHeading title={t('forgotPassword.title')} />
      {result?.sent ? (
        <SuccessNotice text={t('forgotPassword.sent', { email: result.email })} />
      ) : (
        <>
          <p className="ds-paragraph">{t('forgotPassword.intro')}</p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
          <Form method="post" className="stack" noValidate>
            <TextField name="email" type="email" label={t('signIn.email')} errors={errors} defaultValue={result?.email} autoComplete="username" />
            <div>
              <button type="submit" className="ds-button" data-variant="primary">
                {t('forgotPassword.submit')}
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
