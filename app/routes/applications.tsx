import { data, useLoaderData } from 'react-router';
import { applicationFilterOptions } from '../../core/applications/application-filter-options.ts';
import { applicationFilter, listApplications } from '../../core/applications/list-applications.ts';
import { can } from '../../core/identity/permissions.ts';
import { listOrganisationCountries } from '../../core/organisations/list-organisation-countries.ts';
import { APPLICATION_STATUSES } from '../../core/partnerships/application-status.ts';
import { sdgGoalName } from '../../core/reference/code-labels.ts';
import { codeName, codelist } from '../../core/reference/codelists.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { DataTable } from '../ui/data-table.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { shapeMessage } from '../partnerships/shape-name.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import type { Route } from './+types/applications';

const fields = ['q', 'call', 'programme', 'country', 'shape', 'status', 'sector', 'sdg'] as const;

/** Applications the person may see: the agency all sent ones, partners their own (drafts included). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const locale = translatorFor(params.lang).locale;
    const raw = Object.fromEntries(fields.map((f) => [f, url.searchParams.get(f) ?? ''])) as Record<(typeof fields)[number], string>;
    const parsed = applicationFilter.safeParse({ ...raw, after: url.searchParams.get('after') ?? undefined });
    const [options, countries] = await Promise.all([applicationFilterOptions(context.core), listOrganisationCountries(context.core)]);
    const sectorNames = codelist('Sector').filter((c) => options.sectors.includes(c.code)).map((c) => ({ value: c.code, label: `${c.code} ${codeName(c, locale)}` }));
    const goals = codelist('UNSDG-Goals').map((g) => ({ value: g.code, label: sdgGoalName(g.code, locale) ?? codeName(g, locale) }));
    const common = { raw, options, countries, sectorNames, goals, canStart: can(context.core.actor, 'application:create') };
    if (!parsed.success) return data({ ...common, errors: zodFieldErrors(translatorFor(params.lang), parsed.error), page: null }, { status: 400 });
    return { ...common, errors: [], page: await listApplications(context.core, parsed.data) };
  });
}

export default function Applications() {
  const { raw, options, countries, sectorNames, goals, canStart, errors, page } = useLoaderData<typeof loader>();
  const { t, locale, country, date, number } = useI18n();
  const any = { value: '', label: t('applications.filter.any') };
  const showScore = page?.items.some((i) => i.score !== null);
  return (
    <>
      <PageHeading title={t('applications.title')} />
      {canStart ? (
        <p>
          <a className="ds-button" data-variant="primary" href={`/${locale}/applications/new`}>
            {t('applications.start')}
          </a>
        </p>
      ) : null}
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <form method="get" className="filter-form" aria-labelledby="application-filter-title">
        <h2 id="application-filter-title" className="ds-heading" data-size="xs">
          {t('applications.filter.heading')}
        </h2>
        <TextField name="q" type="search" label={t('applications.filter.q')} errors={errors} defaultValue={raw.q} />
        <SelectField name="call" label={t('application.field.call')} errors={errors} defaultValue={raw.call} options={[any, ...options.calls.map((c) => ({ value: c.id, label: c.title }))]} />
        <SelectField name="programme" label={t('applications.filter.programme')} errors={errors} defaultValue={raw.programme} options={[any, ...options.programmes.map((p) => ({ value: p.code, label: p.name }))]} />
        <SelectField name="country" label={t('applications.filter.country')} errors={errors} defaultValue={raw.country} options={[any, ...countries.map((c) => ({ value: c, label: country(c) ?? c })).sort((a, b) => a.label.localeCompare(b.label, locale))]} />
        <SelectField name="shape" label={t('application.field.shape')} errors={errors} defaultValue={raw.shape} options={[any, ...(['north_south', 'south_south', 'triangular'] as const).map((s) => ({ value: s, label: t(shapeMessage[s]) }))]} />
        <SelectField name="status" label={t('application.field.status')} errors={errors} defaultValue={raw.status} options={[any, ...APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))]} />
        <SelectField name="sector" label={t('application.field.sector')} errors={errors} defaultValue={raw.sector} options={[any, ...sectorNames]} />
        <SelectField name="sdg" label={t('applications.filter.sdg')} errors={errors} defaultValue={raw.sdg} options={[any, ...goals]} />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('applications.filter.submit')}
          </button>
          <a className="ds-link" href={`/${locale}/applications`}>
            {t('applications.filter.reset')}
          </a>
        </div>
      </form>
      {page ? (
        <section aria-labelledby="application-results">
          <h2 id="application-results" className="ds-heading" data-size="sm">
            {page.totalCapped ? t('applications.countCapped', { count: page.total }) : t('applications.count', { count: page.total })}
          </h2>
          {page.totalCapped ? <p className="ds-paragraph">{t('list.countCappedHint', { count: page.total })}</p> : null}
          {page.items.length > 0 ? (
            <DataTable
              columns={[
                { label: t('application.field.title') },
                { label: t('application.field.call') },
                { label: t('application.field.coordinator') },
                { label: t('application.field.shape') },
                { label: t('application.field.status') },
                { label: t('application.field.submittedAt') },
                ...(showScore ? [{ label: t('applications.column.score'), numeric: true }] : []),
              ]}
            >
              {page.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a className="ds-link" href={`/${locale}/applications/${a.id}`}>
                      {a.title}
                    </a>
                  </th>
                  <td>{a.callTitle}</td>
                  <td>{a.coordinator}</td>
                  <td>{a.shape ? t(shapeMessage[a.shape]) : ''}</td>
                  <td>{t(`applicationStatus.${a.status}` as MessageKey)}</td>
                  <td>{a.submittedAt ? date(a.submittedAt, 'medium') : ''}</td>
                  {showScore ? <td className="numeric">{a.score === null ? '' : number(Math.round(a.score * 100) / 100)}</td> : null}
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="ds-paragraph">{t('applications.empty')}</p>
          )}
          <NextPageLink filters={raw} cursorName="after" cursor={page.next} />
        </section>
      ) : null}
    </>
  );
}
