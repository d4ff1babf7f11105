import { Form, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { getOwnReport } from '../../core/participants/get-own-report.ts';
import { REPORT_QUESTIONS } from '../../core/participants/participant-report-record.ts';
import { runOwnReportAction, type OwnReportResult } from '../participants/report-actions.server.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ReportAnswers, ReportFacts, reportIsLate } from '../participants/report-answers.tsx';
import { ReportLinks } from '../participants/report-links.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextAreaField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/exchange-report';

/** The participant writes one of their reports: drafts kept on the server, then submitted (docs/architecture.md#reports). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const report = await getOwnReport(context.core, { kind: params.kind });
    return { report, late: reportIsLate(report, context.core.now()) };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => runOwnReportAction({ ctx: context.core, t: translatorFor(params.lang), kind: params.kind, form: await readForm(request) }));
}

export default function ExchangeReport() {
  const { report, late } = useLoaderData<typeof loader>();
  const result = useActionData<OwnReportResult>();
  const [search] = useSearchParams();
  const { t, locale, date } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values ?? { ...report.answers, body: report.body, version: report.version ?? '' };
  const editable = report.open && (report.status === 'not_started' || report.status === 'draft' || report.status === 'returned');
  const saved = search.get('saved');
  return (
    <>
      <PageHeading title={t(`reportKind.${report.kind}`)} />
      <SuccessNotice text={saved === 'draft' ? t('reports.saved.draft') : saved === 'submitted' ? t('reports.saved.submitted') : null} />
      <ReportFacts report={report} late={late} />
      {report.status === 'returned' && report.remark ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('reports.remark')}</p>
          <p className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
            {report.remark}
          </p>
        </div>
      ) : null}
      {!report.open ? <p className="ds-paragraph">{t('reports.notOpen')}</p> : null}
      {report.status === 'submitted' && report.submittedAt ? <p className="ds-paragraph">{t('reports.lockedSubmitted', { date: date(report.submittedAt) })}</p> : null}
      {report.status === 'accepted' ? <p className="ds-paragraph">{t('reports.lockedAccepted')}</p> : null}
      {/* Outside the form: a save refused because the report was submitted meanwhile says why even when the form is gone. */}
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {editable ? (
        <>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={result?.version ?? values.version} />
            <fieldset className="ds-fieldset">
              <legend className="ds-heading" data-size="xs">
                {t('reports.questions.legend')}
              </legend>
              {REPORT_QUESTIONS.map((q) => (
                <TextAreaField key={q} name={q} label={t(`reportQuestion.${q}`)} errors={errors} defaultValue={values[q]} rows={5} />
              ))}
            </fieldset>
            <TextAreaField name="body" label={t('reports.body.label')} hint={t('reports.body.hint')} errors={errors} defaultValue={values.body} rows={8} />
            <div className="form-grid__actions">
              <button type="submit" name="intent" value="save" className="ds-button" data-variant="secondary">
                {t('reports.saveDraft')}
              </button>
              <button type="submit" name="intent" value="submit" className="ds-button" data-variant="primary">
                {t('reports.submit')}
              </button>
            </div>
          </Form>
        </>
      ) : report.status === 'submitted' || report.status === 'accepted' ? (
        <ReportAnswers report={report} />
      ) : null}
      <ReportLinks heading={t('reports.yourReports')} current={report.kind} href={(kind) => `/${locale}/exchange/reports/${kind}`} />
    </>
  );
}
