import { Form, redirect, useLoaderData, useSearchParams } from 'react-router';
import { NotFoundError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { getUnitCostTable } from '../../core/unit-costs/get-unit-cost-table.ts';
import { startUnitCostDraft } from '../../core/unit-costs/start-unit-cost-draft.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { statusMessage, unitCostPaths, yearParam } from '../unit-costs/unit-cost-labels.ts';
import { UnitCostTableView } from '../unit-costs/unit-cost-table-view.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/admin-unit-cost-year';

/**
 * A programme's unit-cost table for a year: the version in use (or the one asked for with `?version=`)
 * with its groups, countries and rates, the draft being prepared, and the version history.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = yearParam(params.year);
    const versionParam = new URL(request.url).searchParams.get('version');
    if (year === null || (versionParam !== null && !/^[1-9]\d{0,5}$/.test(versionParam))) throw new NotFoundError('unitCostTable');
    const found = await getUnitCostTable(context.core, { programmeId: params.id, year, version: versionParam === null ? undefined : Number(versionParam) });
    return {
      programme: found.programme,
      year,
      canManage: found.canManage,
      shown: found.shown && { version: found.shown.version, status: found.shown.status, publishedAt: found.shown.publishedAt, publishedByName: found.shown.publishedByName, rates: found.shown.rates },
      current: found.current && { version: found.current.version },
      draft: found.draft && { version: found.draft.version },
      versions: found.versions,
    };
  });
}

/** "Start a new draft" of this year: a copy of the version in use, opened in the editor. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'unit-cost:manage');
    await readForm(request);
    const t = translatorFor(params.lang);
    const year = yearParam(params.year);
    if (year === null) throw new NotFoundError('unitCostTable');
    await startUnitCostDraft(context.core, { programmeId: params.id, year });
    return redirect(`${unitCostPaths(t.locale, params.id).draft(year)}?started=1`);
  });
}

export default function AdminUnitCostYear() {
  const { programme, year, canManage, shown, current, draft, versions } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t, locale, date } = useI18n();
  const paths = unitCostPaths(locale, programme.id);
  const published = search.get('published');
  return (
    <>
      <PageHeading title={t('unitCosts.year.title', { programme: programme.name, year: String(year) })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={paths.programme}>
          {t('unitCosts.programme.title', { programme: programme.name })}
        </a>
      </p>
      <SuccessNotice text={published && /^\d+$/.test(published) ? t('unitCosts.year.publishedNotice', { version: Number(published) }) : null} />
      {shown ? (
        <p className="ds-paragraph">
          {shown.status === 'published'
            ? t('unitCosts.year.shownPublished', { version: shown.version, date: date(shown.publishedAt!, 'long'), by: shown.publishedByName ?? t('unitCosts.year.unknownPerson') })
            : t('unitCosts.year.shownDraft', { version: shown.version })}{' '}
          {current && current.version !== shown.version ? (
            <a className="ds-link" href={paths.year(year)}>
              {t('unitCosts.year.showCurrent', { version: current.version })}
            </a>
          ) : null}
        </p>
      ) : (
        <p className="ds-paragraph">{t('unitCosts.year.nonePublished')}</p>
      )}

      <section aria-labelledby="draft-heading" className="panel stack">
        <h2 id="draft-heading" className="ds-heading" data-size="sm">
          {t('unitCosts.year.draftTitle')}
        </h2>
        {draft ? (
          <>
            <p className="ds-paragraph">{t('unitCosts.year.draftBeing', { version: draft.version })}</p>
            <p className="action-row">
              <a className="ds-link" href={paths.draft(year)}>
                {canManage ? t('unitCosts.year.editDraft', { version: draft.version }) : t('unitCosts.year.readDraft', { version: draft.version })}
              </a>
              {canManage ? (
                <a className="ds-link" href={paths.publish(year)}>
                  {t('unitCosts.year.reviewPublish', { version: draft.version })}
                </a>
              ) : null}
            </p>
          </>
        ) : canManage ? (
          <Form method="post" className="stack">
            <p className="ds-paragraph">{current ? t('unitCosts.year.newDraftLead', { version: current.version }) : t('unitCosts.year.firstDraftLead')}</p>
            <div>
              <button type="submit" className="ds-button" data-variant="primary">
                {t('unitCosts.year.newDraft')}
              </button>
            </div>
          </Form>
        ) : (
          <p className="ds-paragraph">{t('unitCosts.year.noDraft')}</p>
        )}
      </section>

      {shown ? <UnitCostTableView rates={shown.rates} idPrefix="shown" /> : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="ds-heading" data-size="sm">
          {t('unitCosts.history.title')}
        </h2>
        {versions.length === 0 ? (
          <p className="ds-paragraph">{t('unitCosts.history.empty')}</p>
        ) : (
          <DataTable columns={[{ label: t('unitCosts.column.version') }, { label: t('unitCosts.column.status') }, { label: t('unitCosts.column.publishedAt') }, { label: t('unitCosts.column.publishedBy') }]}>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  {shown?.version === v.version ? (
                    <span aria-current="page">{t('unitCosts.versionLabel', { version: v.version })}</span>
                  ) : (
                    <a className="ds-link" href={v.status === 'draft' ? paths.draft(year) : `${paths.year(year)}?version=${v.version}`}>
                      {t('unitCosts.versionLabel', { version: v.version })}
                    </a>
                  )}
                </th>
                <td>{t(statusMessage[v.status])}</td>
                <td>{v.publishedAt ? date(v.publishedAt, 'medium') : t('unitCosts.index.none')}</td>
                <td>{v.publishedByName ?? (v.publishedAt ? t('unitCosts.year.unknownPerson') : t('unitCosts.index.none'))}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
