import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { requirePermission } from '../../core/identity/permissions.ts';
import { organisationInput } from '../../core/organisations/organisation-input.ts';
import { registerOrganisation } from '../../core/organisations/register-organisation.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { cityRefusal, offeredAgain, organisationFormInput } from '../organisations/city-choice.server.ts';
import { OrganisationFields, type CityCandidateView, type OrganisationValues } from '../organisations/organisation-fields.tsx';
import { organisationFormOptions } from '../organisations/organisation-options.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/organisation-new';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'organisation:create');
    return { options: organisationFormOptions(translatorFor(params.lang).locale) };
  });
}

interface Result {
  errors: FieldError[];
  values: OrganisationValues;
  similar?: { id: string; legalName: string; city: string }[];
  /** The places the typed city may be, to choose from. */
  cityCandidates?: CityCandidateView[];
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'organisation:create');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) as OrganisationValues;
    const parsed = organisationInput.safeParse(organisationFormInput(values));
    if (!parsed.success) return data<Result>({ errors: zodFieldErrors(t, parsed.error), ...offeredAgain(values) }, { status: 400 });
    let result;
    try {
      result = await registerOrganisation(context.core, parsed.data, { notADuplicate: form.get('notADuplicate') === 'yes' });
    } catch (error) {
      // The city is several places (choose one), or none: the form again, with everything typed.
      const refused = cityRefusal(t, error, values);
      if (refused) return data<Result>(refused, { status: 400 });
      throw error;
    }
    if (result.kind === 'similar') {
      return data<Result>({ errors: [{ field: 'notADuplicate', message: t.t('organisation.similar.error') }], similar: result.similar, ...offeredAgain(values) }, { status: 409 });
    }
    return redirect(`/${t.locale}/organisations/${result.id}?registered=1`);
  });
}

export default function OrganisationNew() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t, locale } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('organisation.new.title')} />
      <p className="ds-paragraph">{t('organisation.new.intro')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        {result?.similar?.length ? (
          <div className="ds-alert form-grid__wide" data-color="warning">
            <h2 className="ds-heading" data-size="xs">
              {t('organisation.similar.title')}
            </h2>
            <ul className="ds-list">
              {result.similar.map((s) => (
                <li key={s.id}>
                  <a className="ds-link" href={`/${locale}/organisations/${s.id}`}>
                    {t('organisation.similar.item', { name: s.legalName, city: s.city })}
                  </a>
                </li>
              ))}
            </ul>
            <div className="ds-field">
              <input id="notADuplicate" name="notADuplicate" type="checkbox" value="yes" className="ds-input" />
              <label className="ds-label" htmlFor="notADuplicate">
                {t('organisation.similar.confirm')}
              </label>
            </div>
          </div>
        ) : null}
        <OrganisationFields values={result?.values ?? {}} errors={errors} options={options} cityCandidates={result?.cityCandidates} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('organisation.new.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
