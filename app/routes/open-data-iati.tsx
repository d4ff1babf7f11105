import { useLoaderData } from 'react-router';
import { previewIatiExport } from '../../core/open-data/iati/preview-iati-export.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';
import { guarded } from '../auth/guard.server.ts';
import { iatiFixHref } from '../open-data/iati-fix-link.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/open-data-iati';

/** The IATI publisher's preview (agency staff): the files, and every problem in them at once, each linked to where it is fixed. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => previewIatiExport(context.core, { organisationIdentifier: context.iatiOrganisationIdentifier ?? DEFAULT_IATI_ORGANISATION_IDENTIFIER }));
}

export default function OpenDataIati() {
  const preview = useLoaderData<typeof loader>();
  const { t, number, date, locale } = useI18n();
  return (
    <>
      <PageHeading title={t('openData.iati.title')} />
      <p className="ds-paragraph">{t('openData.iati.intro', { identifier: preview.organisationIdentifier, activities: preview.activities, today: date(preview.today) })}</p>

      <h2 className="ds-heading" data-size="md">
        {t('openData.iati.files')}
      </h2>
      <ul className="ds-list">
        <li>
          <a className="ds-link" href="/open-data/iati/activities.xml">
            {t('openData.iati.allActivities')}
          </a>
        </li>
        {preview.years.map((year) => (
          <li key={year}>
            <a className="ds-link" href={`/open-data/iati/${year}/activities.xml`}>
              {t('openData.iati.yearActivities', { year: String(year) })}
            </a>
          </li>
        ))}
      </ul>

      <h2 className="ds-heading" data-size="md" id="problems">
        {t('openData.iati.problems')}
      </h2>
      <p className="ds-paragraph">{t('openData.iati.problemCounts', { errors: preview.errors, warnings: preview.warnings })}</p>
      {preview.problems.length === 0 ? (
        <p className="ds-paragraph">{t('openData.iati.noProblems')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ds-table" data-border="true">
            <caption>{t('openData.iati.problemsCaption', { count: number(preview.problems.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('openData.iati.column.activity')}</th>
                <th scope="col">{t('openData.iati.column.severity')}</th>
                <th scope="col">{t('openData.iati.column.problem')}</th>
                <th scope="col">{t('openData.iati.column.where')}</th>
                <th scope="col">{t('openData.iati.column.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => {
                const href = iatiFixHref(locale, p.fix);
                return (
                  <tr key={`${p.identifier}-${p.path}-${i}`}>
                    <th scope="row">
                      <a className="ds-link" href={`/${locale}/partnerships/${p.partnershipId}`}>
                        {p.title}
                      </a>
                    </th>
                    <td>{t(`openData.iati.severity.${p.severity}`)}</td>
                    <td>{t(`openData.iati.rule.${p.rule}`, p.params)}</td>
                    <td>
                      <code>{p.path}</code>
                    </td>
                    <td>
                      {href ? (
                        <a className="ds-link" href={href}>
                          {t(`openData.iati.fix.${p.fix.record}`)}
                        </a>
                      ) : (
                        t('openData.iati.fix.agency')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
