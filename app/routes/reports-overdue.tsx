import { useLoaderData } from 'react-router';
import { listOverdueReports } from '../../core/participants/list-overdue-reports.ts';
import { guarded } from '../auth/guard.server.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/reports-overdue';

/** Participants' reports that are overdue: advisers see their programmes', coordinators their organisations'. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => listOverdueReports(context.core));
}

export default function ReportsOverdue() {
  const { items, total, today } = useLoaderData<typeof loader>();
  const { t, date, locale, number } = useI18n();
  return (
    <>
      <PageHeading title={t('reports.overdue.title')} />
      <p className="ds-paragraph">{t('reports.overdue.intro', { today: date(today) })}</p>
      {items.length === 0 ? (
        <p className="ds-paragraph">{t('reports.overdue.none')}</p>
      ) : (
        <>
          {total > items.length ? <p className="ds-paragraph">{t('reports.overdue.limited', { shown: number(items.length), total: number(total) })}</p> : null}
          <DataTable
            columns={[
              { label: t('reports.overdue.participant') },
              { label: t('reports.overdue.report') },
              { label: t('reports.overdue.dueOn') },
              { label: t('reports.overdue.state') },
              { label: t('reports.overdue.sending') },
              { label: t('reports.overdue.host') },
            ]}
          >
            {items.map((item) => (
              <tr key={`${item.participantId}-${item.kind}`}>
                <th scope="row">
                  <a className="ds-link" href={`/${locale}/participants/${item.participantId}`}>
                    {item.participantName}
                  </a>
                </th>
                <td>
                  <a className="ds-link" href={`/${locale}/participants/${item.participantId}/reports/${item.kind}`}>
                    {t(`reportKind.${item.kind}`)}
                  </a>
                </td>
                <td>{date(item.dueOn)}</td>
                <td>{t(`reportStatus.${item.status ?? 'not_started'}`)}</td>
                <td>{item.homeOrganisation}</td>
                <td>{item.hostOrganisation}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
