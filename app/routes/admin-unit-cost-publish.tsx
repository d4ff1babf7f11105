import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { CoreContext } from '../../core/context.ts';
import { DomainError, NotFoundError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { organisationDistanceBands } from '../../core/unit-costs/distance-bands.ts';
import { getUnitCostTable } from '../../core/unit-costs/get-unit-cost-table.ts';
import { previewUnitCostPublication } from '../../core/unit-costs/preview-unit-cost-publication.ts';
import { publishUnitCostTable } from '../../core/unit-costs/publish-unit-cost-table.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { unitCostPaths, yearParam } from '../unit-costs/unit-cost-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldError, type FieldError } from '../ui/field-errors.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/admin-unit-cost-publish';

/** The year's draft id (not found when there is none). Publishing is for finance officers and administrators only. */
async function draftOf(ctx: CoreContext, programmeId: string, yearText: string | undefined) {
  requirePermission(ctx.actor, 'unit-cost:manage');
  const year = yearParam(yearText);
  if (year === null) throw new NotFoundError('unitCostTable');
  const found = await getUnitCostTable(ctx, { programmeId, year });
  if (!found.draft) throw new NotFoundError('unitCostTable');
  return { found, draftId: found.draft.id, year };
}

/**
 * Publishing a draft: first what it would change, for every open round budget of the programme and
 * year (old total, new total, difference), then the confirmation. Budgets of approved applications are
 * not listed: they keep their version.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const { found, draftId, year } = await draftOf(context.core, params.id, params.year);
    const preview = await previewUnitCostPublication(context.core, { tableId: draftId, bandsFor: organisationDistanceBands(context.core.db) });
    return {
      programme: found.programme,
      year,
      draft: { version: preview.draft.version, updatedAt: preview.draft.updatedAt.toISOString() },
      current: preview.current,
      missing: preview.missing,
      rows: preview.rows,
      drafts: preview.drafts,
      totals: preview.totals,
    };
  });
}

interface Result {
  errors: FieldError[];
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const { draftId, year } = await draftOf(context.core, params.id, params.year);
    try {
      const { version } = await publishUnitCostTable(context.core, { tableId: draftId, version: String(form.get('version') ?? '') });
      return redirect(`${unitCostPaths(t.locale, params.id).year(year)}?published=${version}`);
    } catch (error) {
      // Stale (the draft was saved since this preview) or incomplete: the page shows the preview as it is now, and why.
      if (!(error instanceof DomainError) || error.status !== 409) throw error;
      return data<Result>({ errors: [domainFieldError(t, error, 'publish')] }, { status: 409 });
    }
  });
}

export default function AdminUnitCostPublish() {
  const { programme, year, draft, current, missing, rows, drafts, totals } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t, locale, money } = useI18n();
  const paths = unitCostPaths(locale, programme.id);
  const amount = (minor: number | null) => (minor === null ? t('unitCosts.preview.noOld') : money(minor));
  const difference = (minor: number | null) => (minor === null ? t('unitCosts.preview.noOld') : minor > 0 ? t('unitCosts.preview.up', { amount: money(minor) }) : minor < 0 ? t('unitCosts.preview.down', { amount: money(-minor) }) : t('unitCosts.preview.same'));
  return (
    <>
      <PageHeading title={t('unitCosts.publish.title', { programme: programme.name, year: String(year), version: draft.version })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={paths.draft(year)}>
          {t('unitCosts.publish.backToDraft', { version: draft.version })}
        </a>
      </p>
      <ErrorSummary heading={t('unitCosts.publish.refused')} errors={result?.errors ?? []} />
      {missing.length > 0 ? (
        <section aria-labelledby="missing-heading" className="panel stack">
          <h2 id="missing-heading" className="ds-heading" data-size="sm">
            {t('unitCosts.publish.missingTitle', { count: missing.length })}
          </h2>
          <p className="ds-paragraph">
            <a className="ds-link" href={paths.draft(year)}>
              {t('unitCosts.publish.missingLead')}
            </a>
          </p>
        </section>
      ) : (
        <>
          <p className="ds-paragraph">{current ? t('unitCosts.publish.lead', { version: draft.version, current: current.version }) : t('unitCosts.publish.leadFirst', { version: draft.version })}</p>
          <p className="ds-paragraph">{t('unitCosts.publish.approvedKept')}</p>
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading" className="ds-heading" data-size="sm">
              {t('unitCosts.preview.title')}
            </h2>
            {rows.length === 0 && !drafts ? (
              <p className="ds-paragraph">{t('unitCosts.preview.empty', { year: String(year) })}</p>
            ) : (
              <>
                <p className="ds-paragraph">{t('unitCosts.preview.lead')}</p>
                <DataTable
                  columns={[
                    { label: t('unitCosts.column.application') },
                    { label: t('unitCosts.column.status') },
                    { label: t('unitCosts.column.round'), numeric: true },
                    { label: t('unitCosts.column.oldTotal'), numeric: true },
                    { label: t('unitCosts.column.newTotal'), numeric: true },
                    { label: t('unitCosts.column.difference'), numeric: true },
                    { label: t('unitCosts.column.unpriced'), numeric: true },
                  ]}
                >
                  {rows.map((r) => (
                    <tr key={`${r.applicationId}:${r.round}`}>
                      <th scope="row">
                        <a className="ds-link" href={`/${locale}/applications/${r.applicationId}`}>
                          {r.title}
                        </a>
                      </th>
                      <td>{t(`applicationStatus.${r.status}`)}</td>
                      <td className="numeric">{r.round}</td>
                      <td className="numeric">{amount(r.oldTotalMinor)}</td>
                      <td className="numeric">{money(r.newTotalMinor)}</td>
                      <td className="numeric">{difference(r.differenceMinor)}</td>
                      <td className="numeric">{r.problems}</td>
                    </tr>
                  ))}
                  {drafts ? (
                    <tr>
                      <th scope="row">{t('unitCosts.preview.drafts', { applications: drafts.applications })}</th>
                      <td>{t('unitCosts.preview.draftStatus')}</td>
                      <td className="numeric">{t('unitCosts.preview.rounds', { rounds: drafts.rounds })}</td>
                      <td className="numeric">{amount(drafts.oldTotalMinor)}</td>
                      <td className="numeric">{money(drafts.newTotalMinor)}</td>
                      <td className="numeric">{difference(drafts.differenceMinor)}</td>
                      <td className="numeric">{drafts.problems}</td>
                    </tr>
                  ) : null}
                  {totals ? (
                    <tr>
                      <th scope="row">{t('unitCosts.preview.total')}</th>
                      <td />
                      <td />
                      <td className="numeric">{amount(totals.oldTotalMinor)}</td>
                      <td className="numeric">{money(totals.newTotalMinor)}</td>
                      <td className="numeric">{difference(totals.differenceMinor)}</td>
                      <td />
                    </tr>
                  ) : null}
                </DataTable>
                <p className="ds-paragraph">{t('unitCosts.preview.unpricedNote')}</p>
              </>
            )}
          </section>
        </>
      )}
      <Form method="post" className="stack" id="publish">
        <input type="hidden" name="version" value={draft.updatedAt} />
        <p className="ds-paragraph">{t('unitCosts.publish.confirmLead', { version: draft.version, year: String(year) })}</p>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('unitCosts.publish.submit', { version: draft.version })}
          </button>
        </div>
      </Form>
    </>
  );
}
