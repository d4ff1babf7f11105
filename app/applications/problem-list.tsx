import type { SubmissionProblem } from '../../core/applications/check-application.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** What stops a submission, each problem linked to the step where it is fixed. */
export function ProblemList({ id, problems, headingId, current }: { id: string; problems: SubmissionProblem[]; headingId: string; current?: string }) {
  const { t, locale } = useI18n();
  return (
    <ul className="ds-list" aria-labelledby={headingId}>
      {problems.map((p, n) => (
        <li key={`${p.code}-${n}`}>
          {t(`error.${p.code}` as MessageKey, p.params)}{' '}
          {p.section !== 'submit' && p.section !== current ? (
            <a className="ds-link" href={`/${locale}/applications/${id}/edit/${p.section}`}>
              {t('application.problem.fixIn', { step: t(`application.step.${p.section}`) })}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
