import type { FinancialReportStatus } from '../../core/finance/financial-report-record.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** A report's status as a word, with the design system's tag colour. */
export function ReportStatus({ status }: { status: FinancialReportStatus }) {
  const { t } = useI18n();
  const color = status === 'approved' ? 'success' : status === 'returned' ? 'warning' : status === 'submitted' ? 'info' : 'neutral';
  return (
    <span className="ds-tag" data-color={color}>
      {t(`financialReports.status.${status}`)}
    </span>
  );
}

/** A share in basis points as a signed percentage with one decimal (1,250 → +12.5 %), or a dash. */
export function percentOf(number: (n: number) => string, basisPoints: number | null): string {
  if (basisPoints === null) return '—';
  const rounded = Math.round(basisPoints / 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${number(Math.abs(rounded))} %`;
}
