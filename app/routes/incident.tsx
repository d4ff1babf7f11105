import { Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { INCIDENT_STATUSES, NOTIFIED_PARTIES } from '../../core/care/incident-choices.ts';
import { addIncidentNote, incidentNoteInput } from '../../core/care/add-incident-note.ts';
import { changeIncidentStatus, incidentStatusInput } from '../../core/care/change-incident-status.ts';
import { getIncident } from '../../core/care/get-incident.ts';
import { incidentNotificationInput, recordIncidentNotification } from '../../core/care/record-incident-notification.ts';
import { NotFoundError } from '../../core/errors.ts';
import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { formValues, submitForm, type CareFormResult } from '../participants/care-form.server.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/incident';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const incident = await getIncident(context.core, { incidentId: params.id });
    return {
      incident: { ...incident, createdAt: incident.createdAt.toISOString(), updatedAt: incident.updatedAt.toISOString(), notes: incident.notes.map((n) => ({ ...n, at: n.at.toISOString() })) },
      today: osloDate(context.core.now()),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const values = formValues(await readForm(request));
    const incidentId = params.id;
    const done = redirect(`/${t.locale}/incidents/${incidentId}?saved=1`);
    switch (values.intent) {
      case 'note':
        return submitForm(t, 'note', incidentNoteInput, values, async (input) => (await addIncidentNote(context.core, { incidentId, ...input }), done));
      case 'status':
        return submitForm(t, 'status', incidentStatusInput, values, async (input) => (await changeIncidentStatus(context.core, { incidentId, ...input, version: values.version ?? '' }), done));
      case 'told':
        return submitForm(t, 'told', incidentNotificationInput, values, async (input) => (await recordIncidentNotification(context.core, { incidentId, ...input }), done));
      default:
        // Nothing this page does: answered as for an incident one may not see, after checking one may.
        await getIncident(context.core, { incidentId });
        throw new NotFoundError('incident-action');
    }
  });
}

export default function Incident() {
  const { incident: i, today } = useLoaderData<typeof loader>();
  const result = useActionData<CareFormResult>();
  const [search] = useSearchParams();
  const { t, date, locale } = useI18n();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : []);
  const valuesFor = (intent: string) => (result?.intent === intent ? result.values : {});
  const kind = t(`incidentKind.${i.kind}`);
  return (
    <>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/incidents`}>
          {t('incidents.back')}
        </a>
      </p>
      <PageHeading title={t('incidents.detail.title', { kind, participant: i.participant.name })} />
      <SuccessNotice text={search.get('reported') ? t('incidents.reported') : search.get('saved') ? t('incidents.saved') : null} />
      <dl className="facts">
        <dt>{t('incidents.field.participant')}</dt>
        <dd>
          <a className="ds-link" href={`/${locale}/participants/${i.participant.id}`}>
            {i.participant.name}
          </a>
        </dd>
        <dd>{t('incidents.detail.partners', { home: i.homeOrganisation, host: i.hostOrganisation })}</dd>
        <dt>{t('incidents.field.kind')}</dt>
        <dd>{kind}</dd>
        <dt>{t('incidents.field.severity')}</dt>
        <dd>{t(`incidentSeverity.${i.severity}`)}</dd>
        <dt>{t('incidents.field.status')}</dt>
        <dd>{t(`incidentStatus.${i.status}`)}</dd>
        <dt>{t('incidents.field.occurredOn')}</dt>
        <dd>{date(i.occurredOn, 'long')}</dd>
        <dt>{t('incidents.field.place')}</dt>
        <dd>{i.place}</dd>
        <dt>{t('incidents.field.reportedBy')}</dt>
        <dd>{i.reportedByLabel}</dd>
        <dd>{date(i.createdAt, 'medium')}</dd>
      </dl>
      <h2 className="ds-heading" data-size="xs">
        {t('incidents.field.description')}
      </h2>
      <p className="ds-paragraph preserve-lines">{i.description}</p>

      {/* The partnership's emergency plan, one click away (no JavaScript: a disclosure element). */}
      <details className="panel" id="emergency-plan">
        <summary>{t('incidents.emergencyPlan')}</summary>
        <p className="ds-paragraph preserve-lines">{i.emergencyPlan || t('incidents.emergencyPlanNone')}</p>
      </details>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title" className="ds-heading" data-size="sm">
          {t('incidents.notes')}
        </h2>
        {i.notes.length === 0 ? (
          <p className="ds-paragraph">{t('incidents.notesNone')}</p>
        ) : (
          <ol className="timeline">
            {i.notes.map((n) => (
              <li key={n.id}>
                <p className="ds-paragraph" data-size="sm">
                  {date(n.at, 'medium')} · {n.by}
                  {n.toStatus ? ` · ${t('incidents.noteStatus', { status: t(`incidentStatus.${n.toStatus}`) })}` : ''}
                </p>
                {n.body ? <p className="ds-paragraph preserve-lines">{n.body}</p> : null}
              </li>
            ))}
          </ol>
        )}
        {i.canFollowUp ? (
          <>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('note')} />
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="note" />
              <div className="form-grid__wide">
                <TextAreaField name="body" label={t('incidents.note.field')} errors={errorsFor('note')} defaultValue={valuesFor('note').body} rows={4} />
              </div>
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t('incidents.note.submit')}
                </button>
              </div>
            </Form>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('status')} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="version" value={i.version} />
              <fieldset className="ds-fieldset form-grid">
                <legend className="ds-label">{t('incidents.status.legend')}</legend>
                <SelectField name="status" label={t('incidents.field.status')} errors={errorsFor('status')} defaultValue={valuesFor('status').status ?? i.status} options={INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidentStatus.${s}`) }))} />
                <div className="form-grid__wide">
                  <TextAreaField name="note" label={t('incidents.status.note')} errors={errorsFor('status')} defaultValue={valuesFor('status').note} rows={3} />
                </div>
                <div className="form-grid__actions">
                  <button type="submit" className="ds-button" data-variant="secondary">
                    {t('incidents.status.submit')}
                  </button>
                </div>
              </fieldset>
            </Form>
          </>
        ) : null}
      </section>

      <section aria-labelledby="told-title">
        <h2 id="told-title" className="ds-heading" data-size="sm">
          {t('incidents.told')}
        </h2>
        {i.notifications.length === 0 ? (
          <p className="ds-paragraph">{t('incidents.toldNone')}</p>
        ) : (
          <DataTable columns={[{ label: t('incidents.told.party') }, { label: t('incidents.told.detail') }, { label: t('incidents.told.toldOn') }, { label: t('incidents.told.by') }]}>
            {i.notifications.map((n) => (
              <tr key={n.id}>
                <th scope="row">{t(`notifiedParty.${n.party}`)}</th>
                <td>{n.detail}</td>
                <td>{date(n.toldOn, 'medium')}</td>
                <td>{n.by}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {i.canFollowUp ? (
          <>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('told')} />
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="told" />
              <SelectField name="party" label={t('incidents.told.party')} errors={errorsFor('told')} defaultValue={valuesFor('told').party} options={NOTIFIED_PARTIES.map((p) => ({ value: p, label: t(`notifiedParty.${p}`) }))} />
              <TextField name="detail" label={t('incidents.told.detail')} errors={errorsFor('told')} defaultValue={valuesFor('told').detail} />
              <TextField name="toldOn" type="date" label={t('incidents.told.toldOn')} hint={t('incidents.field.dateHint')} errors={errorsFor('told')} defaultValue={valuesFor('told').toldOn ?? today} />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t('incidents.told.submit')}
                </button>
              </div>
            </Form>
          </>
        ) : null}
      </section>
    </>
  );
}
