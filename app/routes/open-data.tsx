import { useLoaderData } from 'react-router';
import { agencyYear } from '../../core/finance/budget-year.ts';
import { listOpenIatiYears } from '../../core/open-data/list-open-iati-years.ts';
import { OPEN_DATA_COLUMNS, OPEN_DATASETS, type OpenDataset } from '../../core/open-data/open-data-columns.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { guarded } from '../auth/guard.server.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/open-data';

/**
 * The open data (issue 12, point 7), for everyone and without JavaScript: each dataset with what it holds,
 * its CSV, JSON and empty template (served by the API at addresses that do not change), and its data
 * dictionary from the one definition of its columns (core/open-data/open-data-columns.ts); the IATI files;
 * what the amounts are and that the current year is provisional.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => ({ iatiYears: await listOpenIatiYears(context.core), provisionalYear: agencyYear(context.core.now()) }));
}

const file = (dataset: OpenDataset, format: 'csv' | 'json') => `/api/v1/open-data/${dataset}.${format}`;

export default function OpenData() {
  const { iatiYears, provisionalYear } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const name = (dataset: OpenDataset) => t(`openData.dataset.${dataset}.name` as MessageKey);
  return (
    <>
      <PageHeading title={t('openData.page.title')} />
      <p className="ds-paragraph hero__lead">{t('openData.page.lead')}</p>
      <p className="ds-paragraph">{t('openData.page.formats')}</p>

      <section aria-labelledby="notes-title">
        <h2 id="notes-title" className="ds-heading" data-size="sm">
          {t('openData.page.notes')}
        </h2>
        <p className="ds-paragraph">{t('openData.page.currency')}</p>
        <p className="ds-paragraph">{t('openData.page.provisional', { year: String(provisionalYear) })}</p>
        <p className="ds-paragraph">{t('openData.page.privacy')}</p>
      </section>

      <h2 className="ds-heading" data-size="md">
        {t('openData.page.datasets')}
      </h2>
      {OPEN_DATASETS.map((dataset) => (
        <section key={dataset} aria-labelledby={`${dataset}-title`}>
          <h3 id={`${dataset}-title`} className="ds-heading" data-size="sm">
            {name(dataset)}
          </h3>
          <p className="ds-paragraph">{t(`openData.dataset.${dataset}.text` as MessageKey)}</p>
          <ul className="inline-list">
            <li>
              <a className="ds-link" href={file(dataset, 'csv')} download>
                {t('openData.page.csv', { dataset: name(dataset) })}
              </a>
            </li>
            <li>
              <a className="ds-link" href={file(dataset, 'json')}>
                {t('openData.page.json', { dataset: name(dataset) })}
              </a>
            </li>
            <li>
              <a className="ds-link" href={`/api/v1/open-data/templates/${dataset}.csv`} download>
                {t('openData.page.template')}
              </a>
            </li>
          </ul>
          <div className="table-scroll">
            <table className="ds-table" data-border="true">
              <caption>{t('openData.page.dictionaryCaption', { dataset: name(dataset) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('openData.page.column.name')}</th>
                  <th scope="col">{t('openData.page.column.meaning')}</th>
                  <th scope="col">{t('openData.page.column.example')}</th>
                </tr>
              </thead>
              <tbody>
                {OPEN_DATA_COLUMNS[dataset].map((c) => (
                  <tr key={c.name}>
                    <th scope="row">
                      <code>{c.name}</code>
                    </th>
                    <td>{t(c.description)}</td>
                    <td>
                      <code>{c.example}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <section aria-labelledby="iati-title">
        <h2 id="iati-title" className="ds-heading" data-size="md">
          {t('openData.page.iati')}
        </h2>
        <p className="ds-paragraph">{t('openData.page.iatiText')}</p>
        <ul className="ds-list">
          <li>
            <a className="ds-link" href="/open-data/iati/activities.xml">
              {t('openData.page.iatiAll')}
            </a>
          </li>
          {iatiYears.map((year) => (
            <li key={year}>
              <a className="ds-link" href={`/open-data/iati/${year}/activities.xml`}>
                {t('openData.page.iatiYear', { year: String(year) })}
              </a>
            </li>
          ))}
        </ul>
        <p className="ds-paragraph">
          <a className="ds-link" href="/api/docs">
            {t('openData.page.api')}
          </a>
        </p>
      </section>
    </>
  );
}
