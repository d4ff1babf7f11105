import type { ResultReportStatus } from '../../core/results/result-report-record.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** A results report's status as a word, with the design system's tag colour. */
export function ResultStatus({ status }: { status: ResultReportStatus }) {
  const { t } = useI18n();
  const color = status === 'accepted' ? 'success' : status === 'returned' ? 'warning' : status === 'submitted' ? 'info' : 'neutral';
  return (
    <span className="ds-tag" data-color={color}>
      {t(`results.status.${status}`)}
    </span>
  );
}
