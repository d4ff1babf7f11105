import { REPORT_QUESTIONS } from '../../core/participants/participant-report-record.ts';
import type { ReportView } from '../../core/participants/participant-report-record.ts';
import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { isOverdue } from '../../core/participants/report-due-dates.ts';
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

/** The report's status and due date, as one line each; a due date passed with the report still owed says so. */
export function ReportFacts({ report, late }: { report: Pick<ReportView, 'status' | 'dueOn' | 'submittedAt'>; late: boolean }) {
  const { t, date } = useI18n();
  return (
    <ul className="ds-list">
      <li>{t('reports.status', { status: t(`reportStatus.${report.status}`) })}</li>
      <li>{report.dueOn ? t(late ? 'reports.dueOnPassed' : 'reports.dueOn', { date: date(report.dueOn) }) : t('reports.dueUnknown')}</li>
      {report.submittedAt ? <li>{t('reports.submittedOn', { date: date(report.submittedAt) })}</li> : null}
    </ul>
  );
}

/** Whether a report's due date has passed while it is still owed, on the agency's calendar day (loaders call it). */
export function reportIsLate(report: Pick<ReportView, 'status' | 'dueOn'>, now: Date): boolean {
  return isOverdue(report.dueOn, report.status === 'not_started' ? null : report.status, osloDate(now));
}
