import { useLoaderData } from 'react-router';
import { requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin';
import { PageHeading } from '../ui/page-heading.tsx';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'admin:access');
    return { ok: true };
  });
}

export default function Admin() {
  useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const links = [
    { href: `/${locale}/admin/users`, title: t('admin.users.title'), text: t('admin.users.intro') },
    { href: `/${locale}/invitations`, title: t('invitations.title'), text: t('invitations.intro') },
    { href: `/${locale}/admin/audit`, title: t('admin.audit.title'), text: t('admin.audit.intro') },
    { href: `/${locale}/admin/mail`, title: t('admin.mail.title'), text: t('admin.mail.intro') },
    { href: `/${locale}/admin/programmes`, title: t('programmes.title'), text: t('programmes.intro') },
  ];
  return (
    <>
      <PageHeading title={t('admin.title')} />
      <ul className="cards link-cards">
        {links.map((l) => (
          <li key={l.href} className="ds-card">
            <h2 className="ds-heading" data-size="xs">
              <a className="ds-link" href={l.href}>
                {l.title}
              </a>
            </h2>
            <p className="ds-paragraph">{l.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
