import { Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { z } from 'zod';
import { addEngagementActivity, engagementActivityInput, removeEngagementActivity } from '../../core/alumni/engagement-activities.ts';
import { getEngagement } from '../../core/alumni/get-engagement.ts';
import { alumniProfileInput, updateAlumniProfile } from '../../core/alumni/update-alumni-profile.ts';
import { engagementPlanInput, updateEngagementPlan } from '../../core/alumni/update-engagement-plan.ts';
import { NotFoundError } from '../../core/errors.ts';
import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { formValues, submitForm, type CareFormResult } from '../participants/care-form.server.ts';
import { ChoiceGroup } from '../ui/choice-fields.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { RowAction } from '../ui/row-action.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/exchange-engagement';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => ({ engagement: await getEngagement(context.core), today: osloDate(context.core.now()) }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = formValues(form);
    const done = redirect(`/${t.locale}/exchange/engagement?saved=1`);
    switch (values.intent) {
      case 'plan':
        return submitForm(t, 'plan', engagementPlanInput, values, async (input) => (await updateEngagementPlan(context.core, { ...input, version: values.version ?? '' }), done));
      case 'add-activity':
        return submitForm(t, 'add-activity', engagementActivityInput, values, async (input) => (await addEngagementActivity(context.core, input), done));
      case 'remove-activity':
        return submitForm(t, 'remove-activity', z.object({}), values, async () => (await removeEngagementActivity(context.core, { activityId: values.activityId ?? '' }), done));
      case 'profile': {
        const flags = form.getAll('flags').map(String);
        const profile = { ...values, listed: flags.includes('listed'), showEmail: flags.includes('showEmail') };
        return submitForm(t, 'profile', alumniProfileInput, profile as unknown as Record<string, string>, async (input) => (await updateAlumniProfile(context.core, input), done));
      }
      default:
        await getEngagement(context.core);
        throw new NotFoundError('engagement-action');
    }
  });
}

export default function ExchangeEngagement() {
  const { engagement: e, today } = useLoaderData<typeof loader>();
  const result = useActionData<CareFormResult>();
  const [search] = useSearchParams();
  const { t, date, number } = useI18n();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : []);
  const valuesFor = (intent: string): Record<string, string> => (result?.intent === intent ? result.values : {});
  const flags = result?.intent === 'profile' ? [] : [...(e.profile.listed ? ['listed'] : []), ...(e.profile.showEmail ? ['showEmail'] : [])];
  return (
    <>
      <PageHeading title={t('engagement.title')} />
      <p className="ds-paragraph">{t('engagement.intro')}</p>
      <SuccessNotice text={search.get('saved') ? t('incidents.saved') : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('remove-activity')} />

      <section aria-labelledby="plan-title">
        <h2 id="plan-title" className="ds-heading" data-size="sm">
          {t('engagement.plan')}
        </h2>
        <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('plan')} />
        <Form method="post" className="form-grid" noValidate>
          <input type="hidden" name="intent" value="plan" />
          <input type="hidden" name="version" value={e.planVersion} />
          <div className="form-grid__wide">
            <TextAreaField name="plan" label={t('engagement.plan.field')} errors={errorsFor('plan')} defaultValue={valuesFor('plan').plan ?? e.plan} rows={8} />
          </div>
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="primary">
              {t('engagement.plan.submit')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="activities-title">
        <h2 id="activities-title" className="ds-heading" data-size="sm">
          {t('engagement.activities')}
        </h2>
        {e.activities.length === 0 ? (
          <p className="ds-paragraph">{t('engagement.activitiesNone')}</p>
        ) : (
          <DataTable columns={[{ label: t('engagement.activity.what') }, { label: t('engagement.activity.place') }, { label: t('engagement.activity.heldOn') }, { label: t('engagement.activity.peopleReached'), numeric: true }, { label: t('engagement.activity.actions'), visuallyHidden: true }]}>
            {e.activities.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.what}</th>
                <td>{a.place}</td>
                <td>{date(a.heldOn, 'medium')}</td>
                <td className="numeric">{number(a.peopleReached)}</td>
                <td>
                  <RowAction fields={{ intent: 'remove-activity', activityId: a.id }} label={t('engagement.activity.remove')} accessibleLabel={t('engagement.activity.removeFor', { what: a.what })} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {e.canLogActivities ? (
          <>
            <h3 className="ds-heading" data-size="xs">
              {t('engagement.activity.add')}
            </h3>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('add-activity')} />
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="add-activity" />
              <TextField name="what" label={t('engagement.activity.what')} errors={errorsFor('add-activity')} defaultValue={valuesFor('add-activity').what} />
              <TextField name="place" label={t('engagement.activity.place')} errors={errorsFor('add-activity')} defaultValue={valuesFor('add-activity').place} />
              <TextField name="heldOn" type="date" label={t('engagement.activity.heldOn')} hint={t('incidents.field.dateHint')} errors={errorsFor('add-activity')} defaultValue={valuesFor('add-activity').heldOn ?? today} />
              <TextField name="peopleReached" label={t('engagement.activity.peopleReached')} errors={errorsFor('add-activity')} defaultValue={valuesFor('add-activity').peopleReached ?? '0'} />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t('engagement.activity.submit')}
                </button>
              </div>
            </Form>
          </>
        ) : (
          <p className="ds-paragraph">{t('engagement.activitiesLater')}</p>
        )}
      </section>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title" className="ds-heading" data-size="sm">
          {t('engagement.profile')}
        </h2>
        {e.isAlumni ? (
          <>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('profile')} />
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="profile" />
              <ChoiceGroup
                type="checkbox"
                name="flags"
                legend={t('engagement.profile.legend')}
                errors={errorsFor('profile')}
                choices={[
                  { value: 'listed', label: t('engagement.profile.listed') },
                  { value: 'showEmail', label: t('engagement.profile.showEmail') },
                ]}
                checked={flags}
              />
              <TextField name="profession" label={t('engagement.profile.profession')} errors={errorsFor('profile')} defaultValue={valuesFor('profile').profession ?? e.profile.profession} />
              <TextField name="contactEmail" type="email" label={t('engagement.profile.contactEmail')} errors={errorsFor('profile')} defaultValue={valuesFor('profile').contactEmail ?? e.profile.contactEmail} />
              <div className="form-grid__wide">
                <TextAreaField name="bio" label={t('engagement.profile.bio')} errors={errorsFor('profile')} defaultValue={valuesFor('profile').bio ?? e.profile.bio} rows={4} />
              </div>
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="primary">
                  {t('engagement.profile.submit')}
                </button>
              </div>
            </Form>
          </>
        ) : (
          <p className="ds-paragraph">{t('engagement.profile.later')}</p>
        )}
      </section>
    </>
  );
}
