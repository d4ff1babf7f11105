import { useLoaderData } from 'react-router';
import type { StatisticsTableId } from '../../core/stats/get-participant-statistics.ts';
import { SUPPRESSED_MARK } from '../../core/stats/suppress-small-cells.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { FlowMap } from '../statistics/flow-map.tsx';
import { statisticsFiltersForPage, statisticsView, type Choice } from '../statistics/statistics-view.server.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { BarChart } from '../ui/bar-chart.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/statistics';

/**
 * The public statistics (issue 12): people who went on exchange since 2001, with filters that read as a
 * sentence and live in the address (a GET form), headline figures, a world flow map and a chart per
 * dimension, each with its table and CSV. Counts only, small cells suppressed (core/stats).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const i18n = translatorFor(params.lang);
    const { filters, refused } = statisticsFiltersForPage(i18n, new URL(request.url));
    return { ...(await statisticsView(context.core, i18n, filters)), refused };
  });
}

function Select({ name, label, any, choices, value }: { name: string; label: string; any: string; choices: Choice[]; value: string | number | undefined }) {
  return (
    <>
      <label htmlFor={`filter-${name}`} className="ds-sr-only">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? '' : String(value)} className="ds-input">
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value} lang={c.lang}>
            {c.label}
          </option>
        ))}
      </select>
    </>
  );
}

export default function Statistics() {
  const { stats, tables, flows, map, search, choices, refused } = useLoaderData<typeof loader>();
  const { t, number, locale } = useI18n();
  const { filters, headline } = stats;
  const count = (n: number | null) =>
    n === null ? (
      <>
        <span aria-hidden="true">{SUPPRESSED_MARK}</span>
        <span className="ds-sr-only">{t('statistics.suppressed')}</span>
      </>
    ) : (
      number(n)
    );
  const csv = (table: StatisticsTableId) => `/${locale}/statistics.csv${search ? `${search}&` : '?'}table=${table}`;
  const years = choices.years.map((y) => ({ value: String(y), label: String(y) }));
  const place = (name: 'from' | 'to', label: string) => (
    <>
      <label htmlFor={`filter-${name}`} className="ds-sr-only">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ''} className="ds-input">
        <option value="">{t('statistics.any.country')}</option>
        <optgroup label={t('statistics.filter.regions')}>
          {choices.places.regions.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('statistics.filter.countries')}>
          {choices.places.countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </optgroup>
      </select>
    </>
  );
  const figures: { key: MessageKey; value: number | null; values?: Record<string, number> }[] = [
    { key: 'statistics.figure.people', value: headline.people, values: { count: headline.people ?? 0 } },
    { key: 'statistics.figure.countries', value: headline.countries, values: { count: headline.countries } },
    { key: 'statistics.figure.women', value: headline.women, values: { percent: headline.womenPercent ?? 0 } },
    { key: 'statistics.figure.averageAge', value: headline.averageAge },
    { key: 'statistics.figure.averageStay', value: headline.averageStayMonths },
    { key: 'statistics.figure.southSouth', value: headline.southSouth, values: { count: headline.southSouth ?? 0 } },
  ];
  const provisional = stats.provisionalYear >= stats.yearFrom && stats.provisionalYear <= stats.yearTo;
  return (
    <>
      <PageHeading title={t('statistics.heading')} documentTitle={t('statistics.title')} />
      <p className="ds-paragraph hero__lead">{t('statistics.lead')}</p>
      <ErrorSummary heading={t('statistics.refused.heading')} errors={refused} />

      <form method="get" action={`/${locale}/statistics`} aria-labelledby="filters-title">
        <h2 id="filters-title" className="ds-heading" data-size="xs">
          {t('statistics.filters.title')}
        </h2>
        <p className="ds-paragraph statistics-sentence">
          {t('statistics.sentence.start')} {place('from', t('statistics.filter.from'))} {t('statistics.sentence.to')} {place('to', t('statistics.filter.to'))} {t('statistics.sentence.on')}{' '}
          <Select name="direction" label={t('statistics.filter.direction')} any={t('statistics.any.direction')} choices={choices.directions} value={filters.direction} /> {t('statistics.sentence.between')}{' '}
          <Select name="yearFrom" label={t('statistics.filter.yearFrom')} any={t('statistics.any.yearFrom')} choices={years} value={filters.yearFrom} /> {t('statistics.sentence.and')}{' '}
          <Select name="yearTo" label={t('statistics.filter.yearTo')} any={t('statistics.any.yearTo')} choices={years} value={filters.yearTo} />
          {t('statistics.sentence.comma')} <Select name="gender" label={t('statistics.filter.gender')} any={t('statistics.any.gender')} choices={choices.genders} value={filters.gender} /> {t('statistics.sentence.aged')}{' '}
          <Select name="ageBand" label={t('statistics.filter.ageBand')} any={t('statistics.any.ageBand')} choices={choices.ageBands} value={filters.ageBand} />
          {t('statistics.sentence.comma')} {t('statistics.sentence.in')} <Select name="programme" label={t('statistics.filter.programme')} any={t('statistics.any.programme')} choices={choices.programmes} value={filters.programme} />
          {t('statistics.sentence.comma')} {t('statistics.sentence.inPartnerships')} <Select name="shape" label={t('statistics.filter.shape')} any={t('statistics.any.shape')} choices={choices.shapes} value={filters.shape} />
          {t('statistics.sentence.comma')} {t('statistics.sentence.in')} <Select name="sector" label={t('statistics.filter.sector')} any={t('statistics.any.sector')} choices={choices.sectors} value={filters.sector} />
          {t('statistics.sentence.comma')} {t('statistics.sentence.towards')} <Select name="sdg" label={t('statistics.filter.sdg')} any={t('statistics.any.sdg')} choices={choices.sdgs} value={filters.sdg} />
          {t('statistics.sentence.end')}
        </p>
        <p className="ds-paragraph actions-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('statistics.action.show')}
          </button>{' '}
          {search ? (
            <a className="ds-link" href={`/${locale}/statistics`}>
              {t('statistics.action.clear')}
            </a>
          ) : null}
        </p>
      </form>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="ds-heading" data-size="sm">
          {t('statistics.figures.title', { from: stats.yearFrom, to: stats.yearTo })}
        </h2>
        {headline.people === 0 ? <p className="ds-paragraph">{t('statistics.none')}</p> : null}
        <ul className="figures">
          {figures.map(({ key, value, values }) => (
            <li key={key} className="ds-card figures__item">
              <span className="figures__value">{key === 'statistics.figure.women' && value !== null ? `${number(headline.womenPercent ?? 0)} %` : count(value)}</span>
              <span className="figures__label">{t(key, values)}</span>
            </li>
          ))}
        </ul>
        {provisional ? <p className="ds-paragraph statistics-provisional">{t('statistics.provisional.note', { year: stats.provisionalYear })}</p> : null}
        <p className="ds-paragraph" data-size="sm">
          {t('statistics.suppression.note')}
        </p>
      </section>

      <section aria-labelledby="map-title">
        <h2 id="map-title" className="ds-heading" data-size="sm">
          {t('statistics.map.title')}
        </h2>
        <FlowMap map={map} title={t('statistics.map.title')} description={t('statistics.map.description')} legendNorway={t('statistics.map.legendNorway')} legendSouth={t('statistics.map.legendSouth')} />
        <DataTable
          columns={[
            { label: t('statistics.csv.from') },
            { label: t('statistics.csv.to') },
            { label: t('statistics.csv.direction') },
            { label: t('statistics.csv.people'), numeric: true },
          ]}
        >
          {flows.map((f) => (
            <tr key={`${f.home}-${f.host}`}>
              <th scope="row">{f.from}</th>
              <td>{f.to}</td>
              <td>{f.directionName}</td>
              <td className="numeric">{count(f.people)}</td>
            </tr>
          ))}
        </DataTable>
        <p className="ds-paragraph">
          <a className="ds-link" href={csv('flows')} download>
            {t('statistics.csv.download', { table: t('statistics.table.flows') })}
          </a>
        </p>
      </section>

      {tables.map((table) => (
        <section key={table.id} aria-labelledby={`${table.id}-title`}>
          <h2 id={`${table.id}-title`} className="ds-heading" data-size="sm">
            {t(`statistics.section.${table.id}`)}
          </h2>
          {table.id === 'sdg' ? <p className="ds-paragraph">{t('statistics.sdg.note')}</p> : null}
          {table.rows.length === 0 ? (
            <p className="ds-paragraph">{t('statistics.none')}</p>
          ) : (
            <>
              <BarChart
                id={`${table.id}-chart`}
                title={t(`statistics.section.${table.id}`)}
                description={t('statistics.chart.description')}
                series={[{ label: t('statistics.csv.people'), tone: 'accent' }]}
                rows={table.rows.map((r) => ({ label: r.name, values: [r.people] }))}
                format={number}
                missing={SUPPRESSED_MARK}
              />
              <DataTable columns={[{ label: t(`statistics.table.${table.id}`) }, { label: t('statistics.csv.people'), numeric: true }]}>
                {table.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" lang={r.lang}>
                      {r.name}
                    </th>
                    <td className="numeric">{count(r.people)}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
          <p className="ds-paragraph">
            <a className="ds-link" href={csv(table.id)} download>
              {t('statistics.csv.download', { table: t(`statistics.table.${table.id}`) })}
            </a>
          </p>
        </section>
      ))}

      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title" className="ds-heading" data-size="sm">
          {t('statistics.openData.title')}
        </h2>
        <p className="ds-paragraph">{t('statistics.openData.text')}</p>
        <ul className="inline-list">
          <li>
            <a className="ds-link" href={`/api/v1/statistics${search}`}>
              {t('statistics.openData.json')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={csv('flows')} download>
              {t('statistics.openData.csv')}
            </a>
          </li>
          <li>
            <a className="ds-link" href="/api/docs">
              {t('statistics.openData.docs')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/${locale}/open-data`}>
              {t('openData.link.statistics')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
