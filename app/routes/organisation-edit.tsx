import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { requirePermission } from '../../core/identity/permissions.ts';
import { getOrganisation } from '../../core/organisations/get-organisation.ts';
import { organisationInput } from '../../core/organisations/organisation-input.ts';
import { updateOrganisation } from '../../core/organisations/update-organisation.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { cityRefusal, offeredAgain, organisationFormInput } from '../organisations/city-choice.server.ts';
import { OrganisationFields, type CityCandidateView, type OrganisationValues } from '../organisations/organisation-fields.tsx';
import { organisationFormOptions } from '../organisations/organisation-options.server.ts';
import { staleSave } from '../ui/stale-save.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/organisation-edit';
import { readForm } from '../ui/read-form.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'organisation:update', { organisationId: params.id });
    const { organisation: o } = await getOrganisation(context.core, { organisationId: params.id });
    // The form's fields only: the place matched stays while the city does (core/organisations/update-organisation.ts).
    const fields = ['legalName', 'shortName', 'countryCode', 'city', 'organisationType', 'sectorCode', 'registrationScheme', 'registrationNumber', 'website'] as const;
    const values: OrganisationValues = Object.fromEntries(fields.map((k) => [k, o[k] ?? '']));
    return { id: o.id, values, version: o.updatedAt.toISOString(), options: organisationFormOptions(translatorFor(params.lang).locale) };
  });
}

interface Result {
  errors: FieldError[];
  values: OrganisationValues;
  version: string;
  /** The places the typed city may be, to choose from. */
  cityCandidates?: CityCandidateView[];
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'organisation:update', { organisationId: params.id });
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) as OrganisationValues & { version?: string };
    const version = values.version ?? '';
    const parsed = organisationInput.safeParse(organisationFormInput(values));
    if (!parsed.success) return data<Result>({ errors: zodFieldErrors(t, parsed.error), version, ...offeredAgain(values) }, { status: 400 });
    try {
      await updateOrganisation(context.core, { organisationId: params.id, ...parsed.data, version });
    } catch (error) {
      // Someone saved in between: keep what this person typed, and let them save over it knowingly.
      const stale = await staleSave(t, error, values, async () => (await getOrganisation(context.core, { organisationId: params.id })).organisation.updatedAt.toISOString(), 'legalName');
      if (stale) return stale;
      // The city is several places (choose one), or none: the form again, with everything typed.
      const refused = cityRefusal(t, error, values);
      if (refused) return data<Result>({ ...refused, version }, { status: 400 });
      throw error;
    }
    return redirect(`/${t.locale}/organisations/${params.id}?saved=1`);
  });
}

export default function OrganisationEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeading title={t('organisation.edit.title', { name: loaded.values.legalName ?? '' })} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="version" value={result?.version ?? loaded.version} />
        <OrganisationFields values={result?.values ?? loaded.values} errors={errors} options={loaded.options} cityCandidates={result?.cityCandidates} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('organisation.edit.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
