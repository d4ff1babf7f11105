import { data, Form, useLoaderData } from 'react-router';
import { MARKERS } from '../../core/applications/markers.ts';
import { dimensionLabel } from '../../core/results/dimension-label.ts';
import { getResultsDashboard, resultsFilterInput } from '../../core/results/results-dashboard.ts';
import { RESULT_DIMENSIONS, type ResultDimension } from '../../core/results/result-dimensions.ts';
import { codelist } from '../../core/reference/codelists.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { BarChart } from '../ui/bar-chart.tsx';
import { zodFieldErrors } from '../ui/field-errors.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { filtersFrom, type ResultFilterName } from '../results/results-filters.ts';
import type { Route } from './+types/results';


/**
 * The results dashboards for agency staff: accepted results summed by programme, SDG, cross-cutting theme,
 * country and year, each a chart drawn on the server with its table beside it and a CSV download, under
 * filters that live in the URL (a GET form, no JavaScript).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const locale = t.locale;
    const url = new URL(request.url);
    const typed = filtersFrom(url);
    const parsed = resultsFilterInput.safeParse(typed);
    if (!parsed.success) {
      // A filter that is not one of the choices: say so, and show everything rather than guess.
      const dashboard = await getResultsDashboard(context.core, {});
      return data({ dashboard: labelled(dashboard, locale), typed, errors: zodFieldErrors(t, parsed.error), query: '', options: filterOptions(locale, dashboard.options) }, { status: 400 });
    }
    const dashboard = await getResultsDashboard(context.core, parsed.data);
    const query = new URLSearchParams(Object.entries(typed).filter(([, v]) => v !== '')).toString();
    return { dashboard: labelled(dashboard, locale), typed, errors: [], query, options: filterOptions(locale, dashboard.options) };
  });
}

function labelled(dashboard: Awaited<ReturnType<typeof getResultsDashboard>>, locale: ReturnType<typeof translatorFor>['locale']) {
  return {
    total: dashboard.total,
    groups: Object.fromEntries(RESULT_DIMENSIONS.map((d) => [d, dashboard.groups[d].map((g) => ({ ...g, ...dimensionLabel(locale, d, g) }))])) as Record<ResultDimension, ((typeof dashboard.groups)['year'][number] & { lang?: string })[]>,
  };
}

function filterOptions(locale: ReturnType<typeof translatorFor>['locale'], options: Awaited<ReturnType<typeof getResultsDashboard>>['options']) {
  const { country } = translatorFor(locale);
  return {
    programmes: options.programmes.map((p) => ({ value: p.id, label: p.name })),
    years: options.years.map((y) => ({ value: String(y), label: String(y) })),
    countries: options.countries.map((c) => ({ value: c, label: country(c) ?? c })),
    sdgs: codelist('UNSDG-Goals')
      .filter((c) => c.active)
      .map((c) => ({ value: c.code, ...dimensionLabel(locale, 'sdg', { key: c.code, label: c.code }) })),
    themes: MARKERS.map((m) => m.code),
  };
}

export default function Results() {
  const { dashboard, typed, errors, query, options } = useLoaderData<typeof loader>();
  const { t, locale, number } = useI18n();
  const select = (name: ResultFilterName, label: string, choices: { value: string; label: string; lang?: string }[]) => (
    <div className="ds-field">
      <label className="ds-label" htmlFor={name}>
        {label}
      </label>
      <select id={name} name={name} className="ds-input" defaultValue={typed[name]}>
        <option value="">{t('results.filter.all')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value} lang={c.lang}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  const total = dashboard.total;
  return (
    <>
      <PageHeading title={t('results.dashboard.title')} />
      <p className="ds-paragraph">{t('results.dashboard.intro')}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/result-reports`}>
          {t('results.dashboard.reportsLink')}
        </a>
      </p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="get" className="filter-form" aria-label={t('results.filter.label')}>
        {select('programme', t('results.dimension.programme'), options.programmes)}
        {select('year', t('results.dimension.year'), options.years)}
        {select('country', t('results.dimension.country'), options.countries)}
        {select('sdg', t('results.dimension.sdg'), options.sdgs)}
        {select('theme', t('results.dimension.theme'), options.themes.map((code) => ({ value: code, label: t(`application.marker.${code}`) })))}
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('results.filter.apply')}
        </button>
      </Form>
      <dl className="facts">
        <div>
          <dt>{t('results.figure.reports')}</dt>
          <dd>{number(total.reports)}</dd>
        </div>
        <div>
          <dt>{t('results.figure.partnerships')}</dt>
          <dd>{number(total.partnerships)}</dd>
        </div>
        <div>
          <dt>{t('results.figure.people')}</dt>
          <dd>{t('results.dashboard.peopleValue', { people: number(total.people), women: number(total.women), men: number(total.men), other: number(total.other) })}</dd>
        </div>
        <div>
          <dt>{t('results.figure.onTarget')}</dt>
          <dd>{t('results.dashboard.onTargetValue', { onTarget: number(total.onTarget), measured: number(total.measured) })}</dd>
        </div>
      </dl>
      {total.indicators === 0 ? <p className="ds-paragraph">{t('results.dashboard.empty')}</p> : null}
      {RESULT_DIMENSIONS.map((dimension) => {
        const groups = dashboard.groups[dimension];
        const csv = `/${locale}/results/export.csv?${new URLSearchParams([...new URLSearchParams(query), ['by', dimension]]).toString()}`;
        const heading = t(`results.dashboard.by.${dimension}`);
        return (
          <section key={dimension} aria-labelledby={`by-${dimension}`} className="chart-with-table">
            <h2 id={`by-${dimension}`} className="ds-heading" data-size="sm">
              {heading}
            </h2>
            {groups.length === 0 ? (
              <p className="ds-paragraph">{t('results.dashboard.empty')}</p>
            ) : (
              <>
                <BarChart
                  id={`chart-${dimension}`}
                  title={t('results.dashboard.chartTitle', { by: heading })}
                  description={t('results.dashboard.chartDescription')}
                  series={[
                    { label: t('results.figure.women'), tone: 'base' },
                    { label: t('results.figure.men'), tone: 'accent' },
                    { label: t('results.figure.other'), tone: 'strong' },
                  ]}
                  rows={groups.map((g) => ({ label: g.label, values: [g.women, g.men, g.other] }))}
                  format={number}
                />
                <div className="table-scroll">
                  <table className="ds-table results-table" data-border="true">
                    <caption>{t('results.dashboard.tableCaption', { by: heading })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t(`results.dimension.${dimension}`)}</th>
                        <th scope="col" className="numeric">{t('results.figure.reports')}</th>
                        <th scope="col" className="numeric">{t('results.figure.onTarget')}</th>
                        <th scope="col" className="numeric">{t('results.figure.women')}</th>
                        <th scope="col" className="numeric">{t('results.figure.men')}</th>
                        <th scope="col" className="numeric">{t('results.figure.other')}</th>
                        <th scope="col" className="numeric">{t('results.figure.people')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {groups.map((g) => (
                        <tr key={g.key}>
                          <th scope="row" lang={g.lang}>
                            {g.label}
                          </th>
                          <td className="numeric">{number(g.reports)}</td>
                          <td className="numeric">{t('results.dashboard.onTargetValue', { onTarget: number(g.onTarget), measured: number(g.measured) })}</td>
                          <td className="numeric">{number(g.women)}</td>
                          <td className="numeric">{number(g.men)}</td>
                          <td className="numeric">{number(g.other)}</td>
                          <td className="numeric">{number(g.people)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p className="ds-paragraph">
                  <a className="ds-link" href={csv} download>
                    {t('results.dashboard.csv', { by: heading })}
                  </a>
                </p>
              </>
            )}
          </section>
        );
      })}
      <p className="ds-paragraph" data-size="sm">
        {t('results.dashboard.overlapNote')}
      </p>
    </>
  );
}
