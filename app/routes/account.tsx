import { Form, redirect, useLoaderData, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { getOwnMemberships } from '../../core/identity/get-own-memberships.ts';
import { requestDeletion } from '../../core/identity/request-deletion.ts';
import { requireUser } from '../../core/identity/permissions.ts';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { guarded } from '../auth/guard.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { RowAction } from '../ui/row-action.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/account';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { isStorableText } from '../../core/input/text.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const actor = requireUser(context.core.actor);
    const sessions = await context.auth.api.listSessions({ headers: request.headers });
    const current = await context.auth.api.getSession({ headers: request.headers });
    const memberships = await getOwnMemberships(context.core);
    return {
      person: { name: actor.name, email: actor.email, agencyRoles: actor.agencyRoles, memberships, participant: actor.participantIds.length > 0 },
      sessions: sessions.map((s) => ({ token: s.token, createdAt: s.createdAt.toISOString(), userAgent: s.userAgent ?? '', ipAddress: s.ipAddress ?? '', current: s.token === current?.session.token })),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const actor = requireUser(context.core.actor);
    const form = await readForm(request);
    const intent = form.get('intent');
    if (intent === 'revoke-session') {
      // better-auth only revokes sessions of the signed-in person: a guessed token of someone else does nothing.
      const token = String(form.get('token') ?? '');
      // A token that cannot be stored names no session: nothing to revoke.
      if (!isStorableText(token)) return redirect(`/${params.lang}/account`);
      await context.auth.api.revokeSession({ body: { token }, headers: request.headers });
      await context.core.db.transaction((tx) => recordAudit(tx, { ...context.core, db: tx }, { action: 'session.revoked', recordType: 'user', recordId: actor.userId }));
      return redirect(`/${params.lang}/account?revoked=1`);
    }
    if (intent === 'request-deletion') {
      await requestDeletion(context.core);
      return redirect(`/${params.lang}/account?deletion=1`);
    }
    return redirect(`/${params.lang}/account`);
  });
}

export default function Account() {
  const { person, sessions } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t, dateTime, locale } = useI18n();
  const notice = search.get('welcome') ? t('account.welcome') : search.get('revoked') ? t('account.sessionRevoked') : search.get('deletion') ? t('account.deletionRequested') : null;
  return (
    <>
      <PageHeading title={t('account.title')} />
      <SuccessNotice text={notice} />
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{person.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{person.email}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>
          {[
            ...person.agencyRoles.map((r) => t(`role.${r}` as MessageKey)),
            ...person.memberships.map((m) => t('admin.users.roleAt', { role: t(`role.${m.role}` as MessageKey), organisation: m.organisation })),
            ...(person.participant ? [t('role.participant')] : []),
          ].join('; ')}
        </dd>
      </dl>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="ds-heading" data-size="sm">
          {t('account.sessions.title')}
        </h2>
        <p className="ds-paragraph">{t('account.sessions.intro')}</p>
        <DataTable columns={[{ label: t('account.sessions.started') }, { label: t('account.sessions.device') }, { label: t('account.sessions.address') }, { label: t('account.sessions.actions'), visuallyHidden: true }]}>
          {sessions.map((s) => (
            <tr key={s.token}>
              <td>{dateTime(s.createdAt)}</td>
              <td>{s.userAgent}</td>
              <td>{s.ipAddress}</td>
              <td>
                {s.current ? (
                  t('account.sessions.thisDevice')
                ) : (
                  <RowAction fields={{ intent: 'revoke-session', token: s.token }} label={t('account.sessions.revoke')} />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title" className="ds-heading" data-size="sm">
          {t('account.data.title')}
        </h2>
        <p className="ds-paragraph">{t('account.data.intro')}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/account/export`} download>
            {t('account.data.download')}
          </a>
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="request-deletion" />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('account.data.requestDeletion')}
          </button>
        </Form>
      </section>
    </>
  );
}
