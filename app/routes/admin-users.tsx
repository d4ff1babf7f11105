import { redirect, useLoaderData, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { anonymiseUser } from '../../core/identity/anonymise-user.ts';
import { listUsers } from '../../core/identity/list-users.ts';
import { guarded } from '../auth/guard.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { RowAction } from '../ui/row-action.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-users';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const users = await listUsers(context.core);
    return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), anonymisedAt: u.anonymisedAt?.toISOString() ?? null, deletionRequestedAt: u.deletionRequestedAt?.toISOString() ?? null }));
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const form = await readForm(request);
    await anonymiseUser(context.core, { userId: String(form.get('userId') ?? '') });
    return redirect(`/${params.lang}/admin/users?anonymised=1`);
  });
}

export default function AdminUsers() {
  const users = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t, date, locale } = useI18n();
  return (
    <>
      <PageHeading title={t('admin.users.title')} />
      <SuccessNotice text={search.get('anonymised') ? t('admin.users.anonymised') : null} />
      <DataTable columns={[{ label: t('account.name') }, { label: t('account.email') }, { label: t('account.roles') }, { label: t('admin.users.since') }, { label: t('account.sessions.actions'), visuallyHidden: true }]}>
        {users.map((u) => (
          <tr key={u.id}>
            <th scope="row">
              <a className="ds-link" href={`/${locale}/admin/audit?recordId=${encodeURIComponent(u.id)}`}>
                {u.name}
              </a>
            </th>
            <td>{u.email}</td>
            <td>
              {[
                ...u.agencyRoles.map((r) => t(`role.${r}` as MessageKey)),
                ...u.memberships.map((m) => t('admin.users.roleAt', { role: t(`role.${m.role}` as MessageKey), organisation: m.organisation })),
              ].join('; ')}
            </td>
            <td>{date(u.createdAt, 'medium')}</td>
            <td>
              {u.anonymisedAt ? (
                t('admin.users.isAnonymised')
              ) : (
                <RowAction
                  fields={{ userId: u.id }}
                  label={u.deletionRequestedAt ? t('admin.users.anonymiseRequested') : t('admin.users.anonymise')}
                  accessibleLabel={t('admin.users.anonymiseFor', { name: u.name })}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
