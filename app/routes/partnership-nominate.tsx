import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { listNominationFlows, type NominationFlow } from '../../core/participants/list-nomination-flows.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { locales } from '../../i18n/locales.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { organisationFormOptions } from '../organisations/organisation-options.server.ts';
import { runNomination, type NominationRefused, type NominationValues } from '../participants/nomination-form.server.ts';
import { ChoiceGroup } from '../ui/choice-fields.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/partnership-nominate';

/**
 * A sending partner's coordinator nominates a person against one line of an approved round's plan
 * (docs/architecture.md#participant-lifecycle). Each line shows how many people it plans and how many
 * are nominated already; a line that is full can still be chosen, and the nomination then needs an
 * adviser's approval to go over the plan, which the page says before and after.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const { partnership, flows } = await listNominationFlows(context.core, { partnershipId: params.id });
    return { partnership, flows, countries: organisationFormOptions(translatorFor(params.lang).locale).countries };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const { flows } = await listNominationFlows(context.core, { partnershipId: params.id });
    const outcome = await runNomination({ ctx: context.core, t, flows, form: await readForm(request) });
    if ('errors' in outcome) return data(outcome, { status: outcome.status });
    return redirect(`/${t.locale}/participants/${outcome.participantId}?saved=${outcome.overPlan ? 'nominated-over-plan' : 'nominated'}`);
  });
}

function FlowLabel(flow: NominationFlow, t: ReturnType<typeof useI18n>['t'], date: ReturnType<typeof useI18n>['date']) {
  const line = t('nominate.flow.line', {
    round: flow.roundNumber ?? 0,
    sending: flow.sendingName,
    host: flow.hostName,
    months: flow.months,
    start: date(`${flow.startMonth}-01`, 'medium'),
    planned: flow.planned,
    nominated: flow.nominated,
  });
  return flow.nominated >= flow.planned ? `${line} ${t('nominate.flow.full')}` : line;
}

export default function NominateParticipant() {
  const { partnership, flows, countries } = useLoaderData<typeof loader>();
  const result = useActionData<NominationRefused>();
  const { t, date, locale } = useI18n();
  const errors = result?.errors ?? [];
  const values: NominationValues = result?.values ?? {};
  const countryOptions = [{ value: '', label: t('nominate.field.chooseCountry') }, ...countries];
  return (
    <>
      <PageHeading title={t('nominate.title', { partnership: partnership.title })} />
      <p className="ds-paragraph">
        {t('nominate.intro')}{' '}
        <a className="ds-link" href={`/${locale}/partnerships/${partnership.id}`}>
          {t('nominate.backToPartnership')}
        </a>
      </p>
      {flows.length === 0 ? (
        <p className="ds-paragraph">{t('nominate.noFlows')}</p>
      ) : (
        <>
          <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
          <Form method="post" className="form-grid" noValidate>
            <ChoiceGroup
              type="radio"
              name="planFlowId"
              legend={t('nominate.field.flow')}
              hint={t('nominate.field.flowHint')}
              errors={errors}
              choices={flows.map((f) => ({ value: f.id, label: FlowLabel(f, t, date) }))}
              checked={values.planFlowId ? [values.planFlowId] : flows.length === 1 ? [flows[0]!.id] : []}
            />
            <fieldset className="ds-fieldset">
              <legend className="ds-label">{t('nominate.person')}</legend>
              <TextField name="givenName" label={t('nominate.field.givenName')} errors={errors} defaultValue={values.givenName} autoComplete="off" />
              <TextField name="familyName" label={t('nominate.field.familyName')} errors={errors} defaultValue={values.familyName} autoComplete="off" />
              <TextField name="birthDate" type="date" label={t('nominate.field.birthDate')} hint={t('nominate.field.dateHint')} errors={errors} defaultValue={values.birthDate} />
              <SelectField
                name="gender"
                label={t('nominate.field.gender')}
                errors={errors}
                defaultValue={values.gender ?? ''}
                options={[
                  { value: '', label: t('nominate.field.chooseGender') },
                  { value: 'female', label: t('nominate.gender.female') },
                  { value: 'male', label: t('nominate.gender.male') },
                  { value: 'other', label: t('nominate.gender.other') },
                  { value: 'undisclosed', label: t('nominate.gender.undisclosed') },
                ]}
              />
              <SelectField name="nationality" label={t('nominate.field.nationality')} errors={errors} defaultValue={values.nationality ?? ''} options={countryOptions} />
              <SelectField name="residenceCountry" label={t('nominate.field.residenceCountry')} hint={t('nominate.field.residenceHint')} errors={errors} defaultValue={values.residenceCountry ?? ''} options={countryOptions} />
              <TextField name="email" type="email" label={t('nominate.field.email')} hint={t('nominate.field.emailHint')} errors={errors} defaultValue={values.email} autoComplete="off" />
              <TextField name="profession" label={t('nominate.field.profession')} errors={errors} defaultValue={values.profession} autoComplete="off" />
            </fieldset>
            <fieldset className="ds-fieldset">
              <legend className="ds-label">{t('nominate.stay')}</legend>
              <TextField name="startsOn" type="date" label={t('nominate.field.startsOn')} hint={t('nominate.field.dateHint')} errors={errors} defaultValue={values.startsOn} />
              <TextField name="endsOn" type="date" label={t('nominate.field.endsOn')} hint={t('nominate.field.dateHint')} errors={errors} defaultValue={values.endsOn} />
            </fieldset>
            <SelectField
              name="locale"
              label={t('nominate.field.locale')}
              hint={t('nominate.field.localeHint')}
              errors={errors}
              defaultValue={values.locale ?? locale}
              options={locales.map((l) => ({ value: l, label: catalogs[l]['language.name'], lang: l }))}
            />
            <div className="form-grid__actions">
              <button type="submit" className="ds-button" data-variant="primary">
                {t('nominate.submit')}
              </button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
