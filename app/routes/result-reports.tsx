import { Form, redirect, useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { listResultReports, listResultRounds, resultReportQueryInput } from '../../core/results/list-result-reports.ts';
import { RESULT_REPORT_STATUSES } from '../../core/results/result-report-record.ts';
import { startResultReport } from '../../core/results/start-result-report.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ResultStatus } from '../results/result-status.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/result-reports';

/**
 * Results reports: for partner coordinators, their organisations' granted rounds with each report's status
 * and a button to start one; for everyone who reads them, the reports they may read (the agency every one,
 * partner staff those on their partnerships), those waiting for the adviser first, filtered by status.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const ctx = context.core;
    requirePermission(ctx.actor, 'result-report:read');
    const url = new URL(request.url);
    const parsed = resultReportQueryInput.safeParse({ status: url.searchParams.get('status') || undefined, after: url.searchParams.get('after') || undefined });
    const query = parsed.success ? parsed.data : {};
    let reports;
    try {
      reports = await listResultReports(ctx, query);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalidCursor') throw error;
      reports = await listResultReports(ctx, { status: query.status });
    }
    return { rounds: await listResultRounds(ctx), reports, status: query.status ?? '' };
  });
}

/** Starts the report of one of the caller's organisations on a round, and opens it. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const organisationId = String(form.get('organisationId') ?? '');
    const report = await startResultReport(context.core, { stageId: String(form.get('stageId') ?? ''), organisationId: organisationId || undefined });
    return redirect(`/${t.locale}/result-reports/${report.id}?done=started`);
  });
}

export default function ResultReports() {
  const { rounds, reports, status } = useLoaderData<typeof loader>();
  const { t, locale, date, number } = useI18n();
  const period = (from: string, to: string) => t('results.report.periodValue', { from: date(from), to: date(to) });
  return (
    <>
      <PageHeading title={t('results.reports.title')} />
      <p className="ds-paragraph">{t('results.reports.intro')}</p>
      {rounds.length > 0 ? (
        <section aria-labelledby="rounds-title">
          <h2 id="rounds-title" className="ds-heading" data-size="sm">
            {t('results.rounds.title')}
          </h2>
          <div className="table-scroll">
            <table className="ds-table" data-border="true">
              <caption>{t('results.rounds.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.column.partnership')}</th>
                  <th scope="col">{t('results.column.round')}</th>
                  <th scope="col">{t('results.column.partner')}</th>
                  <th scope="col">{t('results.column.period')}</th>
                  <th scope="col">{t('results.column.status')}</th>
                  <th scope="col">{t('results.column.action')}</th>
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
                    <td>{period(r.startsOn, r.endsOn)}</td>
                    <td>{r.status ? <ResultStatus status={r.status} /> : t('results.rounds.notStarted')}</td>
                    <td>
                      {r.reportId ? (
                        <a className="ds-link" href={`/${locale}/result-reports/${r.reportId}`}>
                          {t('results.rounds.open')}
                        </a>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="stageId" value={r.stageId} />
                          <input type="hidden" name="organisationId" value={r.organisationId} />
                          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={t('results.rounds.startFor', { organisation: r.organisationName, partnership: r.partnershipTitle, round: r.roundNumber })}>
                            {t('results.rounds.start')}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="reports-title">
        <h2 id="reports-title" className="ds-heading" data-size="sm">
          {t('results.reports.listTitle')}
        </h2>
        <Form method="get" className="filter-form">
          <label className="ds-label" htmlFor="status">
            {t('results.column.status')}
          </label>
          <select id="status" name="status" className="ds-input" defaultValue={status}>
            <option value="">{t('results.reports.allStatuses')}</option>
            {RESULT_REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`results.status.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('results.filter.apply')}
          </button>
        </Form>
        {reports.items.length === 0 ? (
          <p className="ds-paragraph">{t('results.reports.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="ds-table" data-border="true">
              <caption>{t('results.reports.caption', { count: reports.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.column.partnership')}</th>
                  <th scope="col">{t('results.column.round')}</th>
                  <th scope="col">{t('results.column.partner')}</th>
                  <th scope="col">{t('results.column.period')}</th>
                  <th scope="col">{t('results.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <a className="ds-link" href={`/${locale}/result-reports/${r.id}`}>
                        {r.partnershipTitle}
                      </a>
                    </th>
                    <td>{number(r.roundNumber)}</td>
                    <td>{r.organisationName}</td>
                    <td>{period(r.startsOn, r.endsOn)}</td>
                    <td>
                      <ResultStatus status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <NextPageLink filters={{ status }} cursorName="after" cursor={reports.next} />
      </section>
    </>
  );
}
