import { useLoaderData } from 'react-router';
import { listOutbox } from '../../core/email/list-outbox.ts';
import { guarded } from '../auth/guard.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/admin-mail';
import { PageHeading } from '../ui/page-heading.tsx';

/** The mail viewer: what the platform sent or will send (in development, instead of a mailbox). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const rows = await listOutbox(context.core, { limit: 50 });
    return { toLog: context.mailToLog, rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })) };
  });
}

export default function AdminMail() {
  const { rows, toLog } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <PageHeading title={t('admin.mail.title')} />
      <p className="ds-paragraph">{toLog ? t('admin.mail.toLog') : t('admin.mail.intro')}</p>
      {rows.length === 0 ? <p className="ds-paragraph">{t('admin.mail.none')}</p> : null}
      {rows.map((m) => (
        <details key={m.id} className="ds-details mail">
          <summary>{t('admin.mail.summary', { to: m.toAddress, subject: m.subject, status: m.status, date: date(m.createdAt, 'medium') })}</summary>
          <pre className="mail__body">{m.textBody}</pre>
        </details>
      ))}
    </>
  );
}
