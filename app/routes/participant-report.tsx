import { Form, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { getParticipantReport } from '../../core/participants/get-participant-report.ts';
import { runReviewReportAction, type ReviewResult } from '../participants/report-actions.server.ts';
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
import type { Route } from './+types/participant-report';

/**
 * A participant's report for its reviewers: the partners' coordinators read it; the adviser following the
 * programme (or an administrator) accepts it or returns it with a remark.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const report = await getParticipantReport(context.core, { participantId: params.id, kind: params.kind });
    return { report, late: reportIsLate(report, context.core.now()) };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () =>
    runReviewReportAction({ ctx: context.core, t: translatorFor(params.lang), participantId: params.id, kind: params.kind, form: await readForm(request) }),
  );
}

export default function ParticipantReport() {
  const { report, late } = useLoaderData<typeof loader>();
  const result = useActionData<ReviewResult>();
  const [search] = useSearchParams();
  const { t, locale } = useI18n();
  const errors = result?.errors ?? [];
  const saved = search.get('saved');
  const shown = report.status === 'submitted' || report.status === 'accepted' || report.status === 'returned';
  return (
    <>
      <PageHeading title={t('reports.review.title', { report: t(`reportKind.${report.kind}`), participant: report.participantName })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/participants/${report.participantId}`}>
          {t('reports.review.participantLink')}
        </a>
      </p>
      <SuccessNotice text={saved === 'accepted' ? t('reports.review.saved.accepted') : saved === 'returned' ? t('reports.review.saved.returned') : null} />
      <ReportFacts report={report} late={late} />
      {shown ? <ReportAnswers report={report} /> : <p className="ds-paragraph">{t('reports.review.notSubmitted')}</p>}
      {report.status === 'returned' && report.remark ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t('reports.remark')}</p>
          <p className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
            {report.remark}
          </p>
        </div>
      ) : null}
      {/* Outside the form: a decision refused because the report changed meanwhile says why even when there is nothing left to decide. */}
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      {report.mayReview ? (
        <>
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="version" value={report.version ?? ''} />
            <fieldset className="ds-fieldset">
              <legend className="ds-heading" data-size="xs">
                {t('reports.review.decision')}
              </legend>
              <TextAreaField name="remark" label={t('reports.review.remark.label')} hint={t('reports.review.remark.hint')} errors={errors} defaultValue={result?.remark ?? ''} rows={4} />
              <div className="form-grid__actions">
                <button type="submit" name="intent" value="accept" className="ds-button" data-variant="primary">
                  {t('reports.review.accept')}
                </button>
                <button type="submit" name="intent" value="return" className="ds-button" data-variant="secondary">
                  {t('reports.review.return')}
                </button>
              </div>
            </fieldset>
          </Form>
        </>
      ) : null}
      <ReportLinks heading={t('reports.review.otherReports')} current={report.kind} href={(kind) => `/${locale}/participants/${report.participantId}/reports/${kind}`} />
    </>
  );
}
