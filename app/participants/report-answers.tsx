import { REPORT_QUESTIONS } from '../../core/participants/participant-report-record.ts';
import type { ReportView } from '../../core/participants/participant-report-record.ts';
import { useI18n } from '../ui/i18n-context.tsx';

type ShownReport = Pick<ReportView, 'answers' | 'body'>;

/** A submitted report as its readers see it: each question with its answer, then the free text. */
export function ReportAnswers({ report }: { report: ShownReport }) {
  const { t } = useI18n();
  return (
    <dl className="report-answers">
      {REPORT_QUESTIONS.map((q) => (
        <div key={q}>
          <dt className="ds-label">{t(`reportQuestion.${q}`)}</dt>
          <dd className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
            {report.answers[q] || t('reports.noAnswer')}
          </dd>
        </div>
      ))}
      {report.body ? (
        <div>
          <dt className="ds-label">{t('reports.freeText')}</dt>
          <dd className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
            {report.body}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The report's kind, status and due date, as one line each. */
export function ReportFacts({ report }: { report: Pick<ReportView, 'status' | 'dueOn' | 'submittedAt'> }) {
  const { t, date } = useI18n();
  return (
    <ul className="ds-list">
      <li>{t('reports.status', { status: t(`reportStatus.${report.status}`) })}</li>
      <li>{report.dueOn ? t('reports.dueOn', { date: date(report.dueOn) }) : t('reports.dueUnknown')}</li>
      {report.submittedAt ? <li>{t('reports.submittedOn', { date: date(report.submittedAt) })}</li> : null}
    </ul>
  );
}
