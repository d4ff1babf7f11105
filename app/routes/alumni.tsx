import { Form, useLoaderData } from 'react-router';
import { alumniFilter, alumniProgrammes, searchAlumni } from '../../core/alumni/search-alumni.ts';
import { isLocale } from '../../i18n/locales.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { organisationFormOptions } from '../organisations/organisation-options.server.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/alumni';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const raw = Object.fromEntries(['country', 'profession', 'programme', 'year'].map((k) => [k, new URL(request.url).searchParams.get(k) ?? '']));
    const parsed = alumniFilter.safeParse(raw);
    // A refused filter is shown beside its field, and the search runs without it.
    const errors = parsed.success ? [] : zodFieldErrors(t, parsed.error);
    const alumni = await searchAlumni(context.core, parsed.success ? parsed.data : {});
    const countries = organisationFormOptions(isLocale(params.lang) ? params.lang : 'en').countries;
    return { raw, errors, alumni, programmes: await alumniProgrammes(context.core), countries };
  });
}

export default function Alumni() {
  const { raw, errors, alumni, programmes, countries } = useLoaderData<typeof loader>();
  const { t, country } = useI18n();
  return (
    <>
      <PageHeading title={t('alumni.title')} />
      <p className="ds-paragraph">{t('alumni.intro')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="get" className="filter-bar" aria-label={t('alumni.search')}>
        <SelectField name="country" label={t('alumni.field.country')} errors={errors} defaultValue={raw.country} options={[{ value: '', label: t('alumni.any') }, ...countries]} />
        <TextField name="profession" type="search" label={t('alumni.field.profession')} errors={errors} defaultValue={raw.profession} />
        <SelectField name="programme" label={t('alumni.field.programme')} errors={errors} defaultValue={raw.programme} options={[{ value: '', label: t('alumni.any') }, ...programmes.map((p) => ({ value: p.id, label: p.name }))]} />
        <TextField name="year" label={t('alumni.field.year')} errors={errors} defaultValue={raw.year} />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('alumni.search')}
        </button>
      </Form>
      <p className="ds-paragraph" role="status">
        {t('alumni.count', { count: alumni.length })}
      </p>
      {alumni.length === 0 ? (
        <p className="ds-paragraph">{t('alumni.none')}</p>
      ) : (
        <DataTable columns={[{ label: t('alumni.field.name') }, { label: t('alumni.field.profession') }, { label: t('alumni.field.organisation') }, { label: t('alumni.field.country') }, { label: t('alumni.field.programme') }, { label: t('alumni.field.year'), numeric: true }, { label: t('alumni.field.bio') }, { label: t('alumni.field.contact') }]}>
          {alumni.map((a) => (
            <tr key={a.participantId}>
              <th scope="row">{a.name}</th>
              <td>{a.profession}</td>
              <td>{a.organisation}</td>
              <td>{country(a.country) ?? a.country}</td>
              <td>{a.programme}</td>
              <td className="numeric">{a.year}</td>
              <td>{a.bio}</td>
              <td>{a.contactEmail ? <a className="ds-link" href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a> : t('alumni.noContact')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
