import { data, Form, redirect, useActionData, useLoaderData, useParams } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { acceptInvitation, acceptInvitationInput } from '../../core/identity/accept-invitation.ts';
import { grantInvitation } from '../../core/identity/grant-invitation.ts';
import { PASSWORD_MIN } from '../../core/identity/password-policy.ts';
import { getOpenInvitation } from '../../core/identity/get-invitation.ts';
import { authHeaders } from '../auth/auth-headers.server.ts';
import { withCookies } from '../auth/session-cookies.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Route } from './+types/accept-invitation';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    const invitation = await getOpenInvitation(context.core, { token: params.token });
    const actor = context.core.actor;
    const signedInAsInvitee = actor.kind === 'user' && actor.userId === invitation.existingUserId;
    return { invitation: { ...invitation, id: undefined }, problem: null, signedInAsInvitee };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A used, revoked or expired link is a page that explains, not an error page.
    return data({ invitation: null, problem: error.code, signedInAsInvitee: false }, { status: error.status });
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const t = translatorFor(params.lang);
  const form = await readForm(request);
  const values = { name: String(form.get('name') ?? '') };
  try {
    if (form.get('intent') === 'grant' && context.core.actor.kind === 'user') {
      await grantInvitation(context.core, { token: params.token, userId: context.core.actor.userId });
      return redirect(`/${t.locale}/account?welcome=1`);
    }
    const parsed = acceptInvitationInput.safeParse({ ...Object.fromEntries(form), token: params.token });
    if (!parsed.success) return data({ errors: zodFieldErrors(t, parsed.error, { min: PASSWORD_MIN }), values }, { status: 400 });
    const { email } = await acceptInvitation(context.core, parsed.data);
    const { headers } = await context.auth.api.signInEmail({
      body: { email, password: parsed.data.password },
      headers: authHeaders(request, context.clientIp),
      returnHeaders: true,
    });
    return redirect(`/${t.locale}/account?welcome=1`, { headers: withCookies(headers) });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ errors: [domainFieldError(t, error)], values }, { status: error.status });
  }
}

export default function AcceptInvitation() {
  const { invitation, problem, signedInAsInvitee } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: { name: string } }>();
  const { t, locale } = useI18n();
  const { token } = useParams();
  const errors = result?.errors ?? [];
  if (!invitation) {
    return (
      <div className="narrow">
        <PageHeading title={t('invitation.accept.title')} />
        <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
        <p className="ds-paragraph">{t(`error.${problem ?? 'invitationNotFound'}` as MessageKey)}</p>
        <p className="ds-paragraph">{t('invitation.accept.askAgain')}</p>
      </div>
    );
  }
  const role = t(`role.${invitation.role}` as MessageKey);
  return (
    <div className="narrow">
      <PageHeading title={t('invitation.accept.title')} />
      <p className="ds-paragraph">
        {t('invitation.accept.intro', { role, organisation: invitation.organisationName ?? 'none', email: invitation.email })}
      </p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {invitation.existingUserId ? (
        signedInAsInvitee ? (
          <Form method="post">
            <input type="hidden" name="intent" value="grant" />
            <button type="submit" className="ds-button" data-variant="primary">
              {t('invitation.accept.addRole')}
            </button>
          </Form>
        ) : (
          <p className="ds-paragraph">
            <a className="ds-link" href={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/invitations/${token ?? ''}`)}`}>
              {t('invitation.accept.signInFirst')}
            </a>
          </p>
        )
      ) : (
        <Form method="post" className="stack" noValidate>
          <TextField name="name" label={t('invitation.accept.name')} errors={errors} defaultValue={result?.values.name ?? invitation.name} autoComplete="name" />
          <NewPasswordFields errors={errors} />
          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {t('invitation.accept.submit')}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
