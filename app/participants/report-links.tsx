import { REPORT_KINDS, type ReportKind } from '../../core/participants/participant-report-record.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** Links to the four reports, the current one marked for screen readers and sighted readers alike (not by colour). */
export function ReportLinks({ heading, href, current }: { heading: string; href: (kind: ReportKind) => string; current: ReportKind }) {
  const { t } = useI18n();
  return (
    <nav aria-label={heading}>
      <h2 className="ds-heading" data-size="xs">
        {heading}
      </h2>
      <ul className="ds-list">
        {REPORT_KINDS.map((kind) => (
          <li key={kind}>
            {kind === current ? (
              <strong aria-current="page">{t(`reportKind.${kind}`)}</strong>
            ) : (
              <a className="ds-link" href={href(kind)}>
                {t(`reportKind.${kind}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
