import { Form, useLoaderData } from 'react-router';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../core/care/incident-choices.ts';
import { listIncidents } from '../../core/care/list-incidents.ts';
import { guarded } from '../auth/guard.server.ts';
import { DataTable } from '../ui/data-table.tsx';
import { SelectField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/incidents';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined => (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const search = new URL(request.url).searchParams;
    // An unknown filter value is no filter: the list is never refused for a damaged link.
    const filter = { status: pick(INCIDENT_STATUSES, search.get('status')), severity: pick(INCIDENT_SEVERITIES, search.get('severity')) };
    const rows = await listIncidents(context.core, filter);
    const actor = context.core.actor;
    // Reporting is for coordinators (about their people) and participants (about themselves).
    const canReport = actor.kind === 'user' && (actor.participantIds.length > 0 || actor.memberships.some((m) => m.role === 'partner_coordinator'));
    return { filter, canReport, incidents: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
  });
}

export default function Incidents() {
  const { filter, canReport, incidents } = useLoaderData<typeof loader>();
  const { t, date, locale } = useI18n();
  return (
    <>
      <PageHeading title={t('incidents.title')} />
      <p className="ds-paragraph">{t('incidents.intro')}</p>
      {canReport ? (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="primary" href={`/${locale}/incidents/new`}>
            {t('incidents.new.title')}
          </a>
        </p>
      ) : null}
      <Form method="get" className="filter-bar" aria-label={t('incidents.filter')}>
        <SelectField name="status" label={t('incidents.field.status')} errors={[]} defaultValue={filter.status ?? ''} options={[{ value: '', label: t('incidents.any') }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidentStatus.${s}`) }))]} />
        <SelectField name="severity" label={t('incidents.field.severity')} errors={[]} defaultValue={filter.severity ?? ''} options={[{ value: '', label: t('incidents.any') }, ...INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`incidentSeverity.${s}`) }))]} />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('incidents.filter')}
        </button>
      </Form>
      <p className="ds-paragraph" role="status">
        {t('incidents.count', { count: incidents.length })}
      </p>
      {incidents.length === 0 ? (
        <p className="ds-paragraph">{t('incidents.none')}</p>
      ) : (
        <DataTable columns={[{ label: t('incidents.field.participant') }, { label: t('incidents.field.kind') }, { label: t('incidents.field.severity') }, { label: t('incidents.field.status') }, { label: t('incidents.field.occurredOn') }, { label: t('incidents.field.place') }]}>
          {incidents.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <a className="ds-link" href={`/${locale}/incidents/${i.id}`}>
                  {i.participant}
                </a>
              </th>
              <td>{t(`incidentKind.${i.kind}`)}</td>
              <td>{t(`incidentSeverity.${i.severity}`)}</td>
              <td>{t(`incidentStatus.${i.status}`)}</td>
              <td>{date(i.occurredOn, 'medium')}</td>
              <td>{i.place}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
