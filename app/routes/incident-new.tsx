import { Form, redirect, useActionData, useLoaderData } from 'react-router';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES } from '../../core/care/incident-choices.ts';
import { incidentInput, reportIncident } from '../../core/care/report-incident.ts';
import { ForbiddenError, NotFoundError } from '../../core/errors.ts';
import { requireUser } from '../../core/identity/permissions.ts';
import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { getParticipant } from '../../core/participants/get-participant.ts';
import { listParticipants } from '../../core/participants/list-participants.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { formValues, submitForm, type CareFormResult } from '../participants/care-form.server.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { AppLoadContext } from 'react-router';
import type { Route } from './+types/incident-new';

/**
 * Who the report can be about: the participant themselves, or — for a coordinator — the people their
 * organisation sends or hosts (`?participant=` picks one). Agency staff follow incidents up but do not
 * report them here; finance staff have no part in them.
 */
async function choices(context: AppLoadContext, wanted: string | null) {
  const actor = requireUser(context.core.actor);
  const coordinates = actor.memberships.some((m) => m.role === 'partner_coordinator');
  if (!coordinates && actor.participantIds.length === 0) throw new ForbiddenError('incident:report');
  if (wanted) {
    const p = await getParticipant(context.core, { participantId: wanted });
    return [{ id: p.id, name: `${p.givenName} ${p.familyName}` }];
  }
  if (!coordinates) return [await getParticipant(context.core, { participantId: actor.participantIds[0]! })].map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}` }));
  return (await listParticipants(context.core, {}, { pageSize: 500 })).items.map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}` }));
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const participants = await choices(context, new URL(request.url).searchParams.get('participant'));
    return { participants, today: osloDate(context.core.now()) };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requireUser(context.core.actor);
    const t = translatorFor(params.lang);
    const values = formValues(await readForm(request));
    const participantId = values.participantId ?? '';
    if (!participantId) throw new NotFoundError('participant');
    return submitForm(t, 'report', incidentInput, values, async (input) => {
      const { id } = await reportIncident(context.core, { participantId, ...input });
      return redirect(`/${t.locale}/incidents/${id}?reported=1`);
    });
  });
}

export default function IncidentNew() {
  const { participants, today } = useLoaderData<typeof loader>();
  const result = useActionData<CareFormResult>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? {};
  const only = participants.length === 1 ? participants[0] : undefined;
  return (
    <>
      <PageHeading title={t('incidents.new.title')} />
      {only ? <p className="ds-paragraph">{t('incidents.new.about', { participant: only.name })}</p> : null}
      <p className="ds-paragraph">{t('incidents.new.alertHint')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        {only ? (
          <input type="hidden" name="participantId" value={only.id} />
        ) : (
          <SelectField name="participantId" label={t('incidents.field.participant')} errors={errors} defaultValue={values.participantId} options={participants.map((p) => ({ value: p.id, label: p.name }))} />
        )}
        <SelectField name="kind" label={t('incidents.field.kind')} errors={errors} defaultValue={values.kind} options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`incidentKind.${k}`) }))} />
        <SelectField name="severity" label={t('incidents.field.severity')} errors={errors} defaultValue={values.severity} options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`incidentSeverity.${s}`) }))} />
        <TextField name="occurredOn" type="date" label={t('incidents.field.occurredOn')} hint={t('incidents.field.dateHint')} errors={errors} defaultValue={values.occurredOn ?? today} />
        <TextField name="place" label={t('incidents.field.place')} errors={errors} defaultValue={values.place} />
        <div className="form-grid__wide">
          <TextAreaField name="description" label={t('incidents.field.description')} errors={errors} defaultValue={values.description} rows={8} />
        </div>
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('incidents.new.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
