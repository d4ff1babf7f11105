import { Form, redirect, useLoaderData, useSearchParams } from 'react-router';
import { requirePermission } from '../../core/identity/permissions.ts';
import { runReportRemindersNow } from '../../core/participants/run-report-reminders.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
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

/** Runs the report reminders job now (core/participants/run-report-reminders.ts), then says what it did. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const { sent, emails, alreadySent } = await runReportRemindersNow(context.core);
    return redirect(`/${params.lang}/admin?${new URLSearchParams({ remindersSent: String(sent), emails: String(emails), alreadySent: String(alreadySent) })}`);
  });
}

export default function Admin() {
  useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t, locale } = useI18n();
  const ran = search.get('remindersSent');
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
      <SuccessNotice text={ran === null ? null : t('admin.reminders.done', { sent: Number(ran), emails: Number(search.get('emails') ?? 0), alreadySent: Number(search.get('alreadySent') ?? 0) })} />
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
      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading" className="ds-heading" data-size="sm">
          {t('admin.reminders.title')}
        </h2>
        <p className="ds-paragraph">{t('admin.reminders.intro')}</p>
        <Form method="post">
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('admin.reminders.run')}
          </button>
        </Form>
      </section>
    </>
  );
}
