import { Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { signIn, startSingleSignOn, type SignInResult } from './sign-in.server.ts';
import type { Route } from './+types/sign-in';
import { PageHeading } from '../ui/page-heading.tsx';

export function loader({ context, params }: Route.LoaderArgs) {
  // Already signed in: nothing to do here.
  if (context.core.actor.kind === 'user') throw redirect(`/${params.lang}/start`);
  return { singleSignOn: context.oidcEnabled };
}

export function action({ request, params, context }: Route.ActionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get('sso') === '1' && context.oidcEnabled) return startSingleSignOn(request, params.lang, context);
  return signIn(request, params.lang, context);
}

export default function SignIn() {
  const result = useActionData<SignInResult>();
  const { singleSignOn } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t, locale } = useI18n();
  // better-auth sends the browser back with ?error=… when single sign-on fails.
  const ssoError = search.get('error');
  const errors = result?.errors ?? (ssoError ? [{ field: 'sso', message: ssoError === 'signup_disabled' ? t('error.ssoNoAccount') : t('error.ssoFailed') }] : []);
  return (
    <div className="narrow">
      <PageHeading title={t('signIn.title')} />
      <p className="ds-paragraph">{t('signIn.intro')}</p>
      <SuccessNotice text={search.get('reset') ? t('signIn.passwordChanged') : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={result?.values.next ?? search.get('next') ?? ''} />
        <TextField name="email" type="email" label={t('signIn.email')} errors={errors} defaultValue={result?.values.email} autoComplete="username" />
        <TextField name="password" type="password" label={t('signIn.password')} errors={errors} autoComplete="current-password" />
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('signIn.submit')}
          </button>
        </div>
      </Form>
      {singleSignOn ? (
        <section aria-labelledby="sso-title" className="panel">
          <h2 id="sso-title" className="ds-heading" data-size="xs">
            {t('signIn.sso.title')}
          </h2>
          <Form method="post" action="?sso=1">
            <input type="hidden" name="next" value={search.get('next') ?? ''} />
            <button id="sso" type="submit" className="ds-button" data-variant="secondary">
              {t('signIn.sso.submit')}
            </button>
          </Form>
        </section>
      ) : null}
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/forgot-password`}>
          {t('signIn.forgotPassword')}
        </a>
      </p>
      <p className="ds-paragraph" data-size="sm">
        {t('signIn.byInvitation')}
      </p>
    </div>
  );
}
