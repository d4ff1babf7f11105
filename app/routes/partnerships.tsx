import { data, useLoaderData } from 'react-router';
import { listPartnershipFilterChoices } from '../../core/partnerships/list-partnership-filter-choices.ts';
import { listPublicPartnerships, publicPartnershipFilter } from '../../core/partnerships/list-public-partnerships.ts';
import { listOrganisationCountries } from '../../core/organisations/list-organisation-countries.ts';
import { codeLabels } from '../../core/reference/code-labels.ts';
import { codelist } from '../../core/reference/codelists.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { DataTable } from '../ui/data-table.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { shapeMessage } from '../partnerships/shape-name.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/partnerships';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { guarded } from '../auth/guard.server.ts';

const fields = ['q', 'programme', 'call', 'country', 'sector', 'sdg', 'shape', 'status'] as const;

/** Public: the partnerships anyone may see, with filters in the address (a GET form, no JavaScript). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  // A damaged page link (`after`) is refused by core; guarded shows why instead of failing.
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const raw = Object.fromEntries(fields.map((f) => [f, url.searchParams.get(f) ?? ''])) as Record<(typeof fields)[number], string>;
    const locale = translatorFor(params.lang).locale;
    const [countries, choices] = await Promise.all([listOrganisationCountries(context.core), listPartnershipFilterChoices(context.core)]);
    const options = {
      countries,
      programmes: choices.programmes,
      calls: choices.calls,
      sectors: codeLabels('Sector', choices.sectors, locale),
      sdgs: codeLabels('UNSDG-Goals', codelist('UNSDG-Goals').map((g) => g.code), locale),
    };
    const parsed = publicPartnershipFilter.safeParse({ ...raw, after: url.searchParams.get('after') ?? undefined });
    if (!parsed.success) return data({ raw, options, errors: zodFieldErrors(translatorFor(params.lang), parsed.error), page: null }, { status: 400 });
    return { raw, options, errors: [], page: await listPublicPartnerships(context.core, parsed.data) };
  });
}

export default function Partnerships() {
  const { raw, options, errors, page } = useLoaderData<typeof loader>();
  const { t, country, locale, date } = useI18n();
  const any = { value: '', label: t('partnerships.filter.any') };
  const inOtherLanguage = (lang: string) => (lang === locale ? undefined : lang);
  return (
    <>
      <PageHeading title={t('partnerships.title')} />
      <p className="ds-paragraph">{t('partnerships.lead')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <form method="get" className="filter-form" aria-labelledby="partnership-filter-title">
        <h2 id="partnership-filter-title" className="ds-heading" data-size="xs">
          {t('partnerships.filter.heading')}
        </h2>
        <TextField name="q" type="search" label={t('partnerships.filter.q')} errors={errors} defaultValue={raw.q} />
        <SelectField
          name="programme"
          label={t('partnerships.programme')}
          errors={errors}
          defaultValue={raw.programme}
          options={[any, ...options.programmes.map((p) => ({ value: p.code, label: p.name }))]}
        />
        <SelectField name="call" label={t('chain.filter.call')} errors={errors} defaultValue={raw.call} options={[any, ...options.calls.map((c) => ({ value: c.id, label: c.title }))]} />
        <SelectField
          name="country"
          label={t('organisations.filter.country')}
          errors={errors}
          defaultValue={raw.country}
          options={[any, ...options.countries.map((c) => ({ value: c, label: country(c) ?? c })).sort((a, b) => a.label.localeCompare(b.label, locale))]}
        />
        <SelectField
          name="sector"
          label={t('organisation.field.sector')}
          errors={errors}
          defaultValue={raw.sector}
          options={[any, ...options.sectors.map((s) => ({ value: s.code, label: s.name, lang: inOtherLanguage(s.lang) }))]}
        />
        <SelectField
          name="sdg"
          label={t('chain.filter.sdg')}
          errors={errors}
          defaultValue={raw.sdg}
          options={[any, ...options.sdgs.map((g) => ({ value: g.code, label: g.name, lang: inOtherLanguage(g.lang) }))]}
        />
        <SelectField
          name="shape"
          label={t('partnerships.filter.shape')}
          errors={errors}
          defaultValue={raw.shape}
          options={[any, ...(['north_south', 'south_south', 'triangular'] as const).map((s) => ({ value: s, label: t(shapeMessage[s]) }))]}
        />
        <SelectField
          name="status"
          label={t('partnerships.filter.status')}
          errors={errors}
          defaultValue={raw.status}
          options={[any, { value: 'active', label: t('partnerships.status.active') }, { value: 'closed', label: t('partnerships.status.closed') }]}
        />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('partnerships.filter.submit')}
          </button>
          <a className="ds-link" href={`/${locale}/partnerships`}>
            {t('organisations.filter.reset')}
          </a>
        </div>
      </form>
      {page ? (
        <section aria-labelledby="partnership-results">
          <h2 id="partnership-results" className="ds-heading" data-size="sm">
            {t('partnerships.count', { count: page.total })}
          </h2>
          {page.items.length > 0 ? (
            <DataTable
              columns={[
                { label: t('organisation.partnership.title') },
                { label: t('partnerships.column.partners') },
                { label: t('organisation.partnership.shape') },
                { label: t('chain.column.sdgs') },
                { label: t('organisation.partnership.period') },
              ]}
            >
              {page.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a className="ds-link" href={`/${locale}/partnerships/${p.id}`}>
                      {p.title}
                    </a>
                  </th>
                  <td>{p.partners.join(', ')}</td>
                  <td>{t(shapeMessage[p.shape])}</td>
                  <td>{p.sdgGoals.join(', ')}</td>
                  <td>{p.startsOn && p.endsOn ? t('organisation.partnership.between', { from: date(p.startsOn, 'medium'), to: date(p.endsOn, 'medium') }) : ''}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="ds-paragraph">{t('partnerships.empty')}</p>
          )}
          <NextPageLink filters={raw} cursorName="after" cursor={page.next} />
        </section>
      ) : null}
    </>
  );
}
