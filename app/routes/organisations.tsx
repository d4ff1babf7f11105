import { data, useLoaderData } from 'react-router';
import { can } from '../../core/identity/permissions.ts';
import { listOrganisationCountries } from '../../core/organisations/list-organisation-countries.ts';
import { listOrganisationSectors } from '../../core/organisations/list-organisation-sectors.ts';
import { listPartnershipFilterChoices } from '../../core/partnerships/list-partnership-filter-choices.ts';
import { codeLabels } from '../../core/reference/code-labels.ts';
import {
  listPublicOrganisations,
  listPublicOrganisationsInput,
  QUERY_MAX_LENGTH,
} from '../../core/organisations/list-public-organisations.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import type { FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { createTranslator } from '../../i18n/translator.ts';
import { isLocale } from '../../i18n/locales.ts';
import type { Route } from './+types/organisations';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { guarded } from '../auth/guard.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // A damaged page link (`after`) is refused by core; guarded shows why instead of failing.
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const param = (name: string) => url.searchParams.get(name) ?? '';
    const raw = { country: param('country'), sector: param('sector'), programme: param('programme'), q: param('q') };
    const [countries, sectorCodes, choices] = await Promise.all([
      listOrganisationCountries(context.core),
      listOrganisationSectors(context.core),
      listPartnershipFilterChoices(context.core),
    ]);
    const parsed = listPublicOrganisationsInput.safeParse({ ...raw, after: url.searchParams.get('after') ?? undefined });
    const t = createTranslator(isLocale(params.lang) ? params.lang : 'en');
    const options = { sectors: codeLabels('Sector', sectorCodes, t.locale), programmes: choices.programmes };

    const errors: FieldError[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field === 'q') errors.push({ field: 'q', message: t.t('organisations.error.queryTooLong', { max: QUERY_MAX_LENGTH }) });
        else if (field === 'country') errors.push({ field: 'country', message: t.t('organisations.error.unknownCountry') });
        else if (field === 'sector') errors.push({ field: 'sector', message: t.t('error.chooseSector') });
        else if (field === 'programme') errors.push({ field: 'programme', message: t.t('error.invalid') });
        else if (field === 'after') errors.push({ field: 'after', message: t.t('error.invalidCursor') });
      }
    } else if (parsed.data.country && !countries.includes(parsed.data.country)) {
      // Only countries in the directory are in the list; anything else was not chosen from it.
      errors.push({ field: 'country', message: t.t('organisations.error.unknownCountry') });
    }
    if (errors.length > 0 || !parsed.success) {
      // The form comes back with what was typed and a message per field; nothing is lost.
      return data({ raw, countries, options, errors, page: null, canRegister: false }, { status: 400 });
    }
    const page = await listPublicOrganisations(context.core, parsed.data);
    return { raw, countries, options, errors, page, canRegister: can(context.core.actor, 'organisation:create') };
  });
}

export default function Organisations() {
  const { raw, countries, options, errors, page, canRegister } = useLoaderData<typeof loader>();
  const { t, number, country, locale } = useI18n();
  const byName = [...countries].sort((a, b) => (country(a) ?? a).localeCompare(country(b) ?? b, locale));

  return (
    <>
      <PageHeading title={t('organisations.title')} />
      <p className="ds-paragraph">{t('organisations.lead')}</p>
      {canRegister ? (
        <p className="ds-paragraph">
          <a className="ds-button" data-variant="secondary" href={`/${locale}/organisations/new`}>
            {t('organisation.new.title')}
          </a>
        </p>
      ) : null}

      <ErrorSummary heading={t('organisations.error.summary')} errors={errors} />

      <form method="get" className="filter-form" aria-labelledby="filter-title">
        <h2 id="filter-title" className="ds-heading" data-size="xs">
          {t('organisations.filter.heading')}
        </h2>
        <SelectField
          name="country"
          label={t('organisations.filter.country')}
          errors={errors}
          defaultValue={raw.country}
          options={[{ value: '', label: t('organisations.filter.allCountries') }, ...byName.map((code) => ({ value: code, label: country(code) ?? code }))]}
        />
        <SelectField
          name="sector"
          label={t('organisation.field.sector')}
          errors={errors}
          defaultValue={raw.sector}
          options={[
            { value: '', label: t('chain.filter.allSectors') },
            ...options.sectors.map((s) => ({ value: s.code, label: s.name, lang: s.lang === locale ? undefined : s.lang })),
          ]}
        />
        <SelectField
          name="programme"
          label={t('chain.filter.organisationProgramme')}
          errors={errors}
          defaultValue={raw.programme}
          options={[{ value: '', label: t('chain.filter.allProgrammes') }, ...options.programmes.map((p) => ({ value: p.code, label: p.name }))]}
        />
        <TextField name="q" type="search" label={t('organisations.filter.query')} hint={t('organisations.filter.queryHint')} errors={errors} defaultValue={raw.q} />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('organisations.filter.submit')}
          </button>
          <a className="ds-link" href={`/${locale}/organisations`}>
            {t('organisations.filter.reset')}
          </a>
        </div>
      </form>

      {page ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="ds-heading" data-size="sm" aria-live="polite">
            {t('organisations.count', { count: page.total })}
          </h2>
          {page.items.length === 0 ? (
            <p className="ds-paragraph">{t('organisations.empty')}</p>
          ) : (
            <DataTable columns={[{ label: t('organisations.column.name') }, { label: t('organisations.column.country') }, { label: t('organisations.column.city') }, { label: t('organisations.column.partnerships'), numeric: true }]}>
              {page.items.map((org) => (
                <tr key={org.id}>
                  <th scope="row">
                    <a className="ds-link" href={`/${locale}/organisations/${org.id}`}>
                      {org.legalName}
                    </a>
                  </th>
                  <td>{country(org.countryCode) ?? org.countryCode}</td>
                  <td>{org.city}</td>
                  <td className="numeric">{number(org.partnershipCount)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <NextPageLink filters={raw} cursorName="after" cursor={page.next} />
        </section>
      ) : null}
    </>
  );
}
