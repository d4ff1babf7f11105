import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { locales } from '../../i18n/locales.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { DomainError } from '../../core/errors.ts';
import { createInvitation, createInvitationInput } from '../../core/identity/create-invitation.ts';
import { getInvitationOptions } from '../../core/identity/get-invitation-options.ts';
import { listOpenInvitations } from '../../core/identity/list-invitations.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { revokeInvitation } from '../../core/identity/revoke-invitation.ts';
import { guarded } from '../auth/guard.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { RowAction } from '../ui/row-action.tsx';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/invitations';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const [open, options] = await Promise.all([listOpenInvitations(context.core), getInvitationOptions(context.core)]);
    return { open: open.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })), options };
  });
}

type Values = Record<string, string>;

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    // Who may use this page at all is decided before looking at what was sent.
    requirePermission(context.core.actor, 'invitation:list');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    if (form.get('intent') === 'revoke') {
      await revokeInvitation(context.core, { invitationId: String(form.get('id') ?? '') });
      return redirect(`/${t.locale}/invitations?revoked=1`);
    }
    const values: Values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    const parsed = createInvitationInput.safeParse({
      ...values,
      organisationId: values.organisationId || undefined,
      participantId: values.participantId || undefined,
    });
    if (!parsed.success) return data({ errors: zodFieldErrors(t, parsed.error), values }, { status: 400 });
    try {
      await createInvitation(context.core, parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 403) throw error;
      return data({ errors: [domainFieldError(t, error)], values }, { status: error.status });
    }
    return redirect(`/${t.locale}/invitations?sent=${encodeURIComponent(parsed.data.email)}`);
  });
}

export default function Invitations() {
  const { open, options } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: Values }>();
  const [search] = useSearchParams();
  const { t, date, locale } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? {};
  const sent = search.get('sent');
  const offersStaffRoles = options.roles.some((r) => r === 'administrator' || r === 'programme_adviser' || r === 'finance_officer');
  const organisationOptions = options.organisations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <PageHeading title={t('invitations.title')} />
      <p className="ds-paragraph">{t('invitations.intro')}</p>
      <SuccessNotice text={sent ? t('invitations.sent', { email: sent }) : null} />

      <section aria-labelledby="new-invitation-title" className="panel">
        <h2 id="new-invitation-title" className="ds-heading" data-size="sm">
          {t('invitations.new')}
        </h2>
        <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
        <Form method="post" className="form-grid" noValidate>
          <TextField name="name" label={t('invitations.field.name')} errors={errors} defaultValue={values.name} autoComplete="off" />
          <TextField name="email" type="email" label={t('invitations.field.email')} errors={errors} defaultValue={values.email} autoComplete="off" />
          <SelectField
            name="role"
            label={t('invitations.field.role')}
            errors={errors}
            defaultValue={values.role}
            options={options.roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
          />
          <SelectField
            name="organisationId"
            label={t('invitations.field.organisation')}
            hint={t('invitations.field.organisationHint')}
            errors={errors}
            defaultValue={values.organisationId ?? (organisationOptions.length === 1 ? organisationOptions[0]!.value : undefined)}
            options={offersStaffRoles ? [{ value: '', label: t('invitations.field.noOrganisation') }, ...organisationOptions] : organisationOptions}
          />
          {options.participants.length > 0 ? (
            <SelectField
              name="participantId"
              label={t('invitations.field.participant')}
              hint={t('invitations.field.participantHint')}
              errors={errors}
              defaultValue={values.participantId}
              options={[{ value: '', label: t('invitations.field.noParticipant') }, ...options.participants.map((p) => ({ value: p.id, label: `${p.givenName} ${p.familyName}` }))]}
            />
          ) : null}
          <SelectField
            name="locale"
            label={t('invitations.field.language')}
            hint={t('invitations.field.languageHint')}
            errors={errors}
            defaultValue={values.locale ?? locale}
            options={locales.map((l) => ({ value: l, label: catalogs[l]['language.name'] }))}
          />
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {t('invitations.submit')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="open-invitations-title">
        <h2 id="open-invitations-title" className="ds-heading" data-size="sm">
          {t('invitations.open', { count: open.length })}
        </h2>
        {open.length === 0 ? (
          <p className="ds-paragraph">{t('invitations.none')}</p>
        ) : (
          <DataTable columns={[{ label: t('invitations.field.name') }, { label: t('invitations.field.email') }, { label: t('invitations.field.role') }, { label: t('invitations.field.organisation') }, { label: t('invitations.expires') }, { label: t('account.sessions.actions'), visuallyHidden: true }]}>
            {open.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.name}</th>
                <td>{i.email}</td>
                <td>{t(`role.${i.role}` as MessageKey)}</td>
                <td>{i.organisationName ?? ''}</td>
                <td>{date(i.expiresAt, 'medium')}</td>
                <td>
                  <RowAction fields={{ intent: 'revoke', id: i.id }} label={t('invitations.revoke')} accessibleLabel={t('invitations.revokeFor', { name: i.name })} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
