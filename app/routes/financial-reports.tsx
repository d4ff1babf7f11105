import { Form, redirect, useLoaderData } from 'react-router';
import { agencyYear } from '../../core/finance/budget-year.ts';
import { FINANCIAL_REPORT_STATUSES } from '../../core/finance/financial-report-record.ts';
import { DomainError } from '../../core/errors.ts';
import { varianceBasisPoints } from '../../core/finance/financial-report-rules.ts';
import { financialReportQueryInput, listFinancialReports } from '../../core/finance/list-financial-reports.ts';
import { listReportableRounds } from '../../core/finance/list-reportable-rounds.ts';
import { startFinancialReport } from '../../core/finance/start-financial-report.ts';
import { can, requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { percentOf, ReportStatus } from '../financial-reports/report-status.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/financial-reports';

/**
 * Financial reports: for partner staff, their organisations' granted rounds with each report's status and
 * a button to start one; for the agency's finance readers, every report (those waiting for a decision
 * first), filtered by status, 50 a page, and the year's export.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const ctx = context.core;
    requirePermission(ctx.actor, 'financial-report:read');
    const url = new URL(request.url);
    const asked = { status: url.searchParams.get('status') || undefined, after: url.searchParams.get('after') || undefined };
    const parsed = financialReportQueryInput.safeParse(asked);
    const query = parsed.success ? parsed.data : {};
    const agency = can(ctx.actor, 'finance:read');
    let reports = null;
    if (agency) {
      try {
        reports = await listFinancialReports(ctx, query);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'invalidCursor') throw error;
        reports = await listFinancialReports(ctx, { status: query.status });
      }
    }
    const year = agencyYear(ctx.now());
    return { rounds: await listReportableRounds(ctx), reports, status: query.status ?? '', year };
  });
}

/** Starts the report of one of the caller's organisations on a round, and opens it. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const organisationId = String(form.get('organisationId') ?? '');
    const report = await startFinancialReport(context.core, { stageId: String(form.get('stageId') ?? ''), organisationId: organisationId || undefined });
    return redirect(`/${t.locale}/financial-reports/${report.id}?done=started`);
  });
}

export default function FinancialReports() {
  const { rounds, reports, status, year } = useLoaderData<typeof loader>();
  const { t, locale, date, money, number } = useI18n();
  return (
    <>
      <PageHeading title={t('financialReports.title')} />
      <p className="ds-paragraph">{t('financialReports.intro')}</p>
      {rounds.length > 0 || !reports ? (
        <section aria-labelledby="rounds-title">
          <h2 id="rounds-title" className="ds-heading" data-size="sm">
            {t('financialReports.rounds.title')}
          </h2>
          {rounds.length === 0 ? (
            <p className="ds-paragraph">{t('financialReports.rounds.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="ds-table" data-border="true">
                <caption>{t('financialReports.rounds.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('financialReports.column.partnership')}</th>
                    <th scope="col">{t('financialReports.column.round')}</th>
                    <th scope="col">{t('financialReports.column.partner')}</th>
                    <th scope="col">{t('financialReports.column.period')}</th>
                    <th scope="col">{t('financialReports.column.status')}</th>
                    <th scope="col">{t('financialReports.column.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rounds.map((r) => (
                    <tr key={`${r.stageId}:${r.organisationId}`}>
                      <th scope="row">
                        <a className="ds-link" href={`/${locale}/partnerships/${r.partnershipId}`}>
                          {r.partnershipTitle}
                        </a>
                      </th>
                      <td>{number(r.roundNumber)}</td>
                      <td>{r.organisationName}</td>
                      <td>{t('financialReports.report.periodValue', { from: date(r.startsOn), to: date(r.endsOn) })}</td>
                      <td>{r.status ? <ReportStatus status={r.status} /> : t('financialReports.rounds.notStarted')}</td>
                      <td>
                        {r.reportId ? (
                          <a className="ds-link" href={`/${locale}/financial-reports/${r.reportId}`}>
                            {t('financialReports.rounds.open')}
                          </a>
                        ) : (
                          <Form method="post">
                            <input type="hidden" name="stageId" value={r.stageId} />
                            <input type="hidden" name="organisationId" value={r.organisationId} />
                            <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={t('financialReports.rounds.startFor', { organisation: r.organisationName, partnership: r.partnershipTitle, round: r.roundNumber })}>
                              {t('financialReports.rounds.start')}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {reports ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title" className="ds-heading" data-size="sm">
            {t('financialReports.review.title')}
          </h2>
          <Form method="get" className="filter-bar">
            <div className="ds-field">
              <label className="ds-label" htmlFor="status">
                {t('financialReports.filter.status')}
              </label>
              <select id="status" name="status" className="ds-input" defaultValue={status}>
                <option value="">{t('financialReports.filter.all')}</option>
                {FINANCIAL_REPORT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`financialReports.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('financialReports.filter.apply')}
            </button>
          </Form>
          <p className="ds-paragraph" role="status">
            {t('financialReports.review.count', { count: reports.total })}
          </p>
          {reports.items.length === 0 ? (
            <p className="ds-paragraph">{t('financialReports.review.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="ds-table" data-border="true">
                <caption>{t('financialReports.review.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('financialReports.column.partner')}</th>
                    <th scope="col">{t('financialReports.column.partnership')}</th>
                    <th scope="col">{t('financialReports.column.round')}</th>
                    <th scope="col">{t('financialReports.column.status')}</th>
                    <th scope="col" className="numeric">
                      {t('financialReports.column.budget')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('financialReports.column.actual')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('financialReports.column.variancePercent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reports.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <a className="ds-link" href={`/${locale}/financial-reports/${r.id}`}>
                          {r.organisationName}
                        </a>
                      </th>
                      <td>{r.partnershipTitle}</td>
                      <td>{number(r.roundNumber)}</td>
                      <td>
                        <ReportStatus status={r.status} />
                      </td>
                      <td className="numeric">{money(r.budgetMinor, r.currency)}</td>
                      <td className="numeric">{money(r.actualMinor, r.currency)}</td>
                      <td className="numeric">{percentOf(number, varianceBasisPoints(r.budgetMinor, r.actualMinor))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <NextPageLink filters={status ? { status } : {}} cursorName="after" cursor={reports.next} />
          <h3 className="ds-heading" data-size="xs">
            {t('financialReports.export.title')}
          </h3>
          <ul className="ds-list">
            {[year - 1, year].map((y) => (
              <li key={y}>
                {t('financialReports.export.sheet', { year: y })}:{' '}
                <a className="ds-link" href={`/${locale}/finance/financial-reports.xlsx?year=${y}`} download>
                  {t('financialReports.export.xlsx')}
                </a>
                {' '}
                <a className="ds-link" href={`/${locale}/finance/financial-reports.csv?year=${y}`} download>
                  {t('financialReports.export.csv')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
