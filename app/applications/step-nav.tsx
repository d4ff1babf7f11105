import { APPLICATION_STEPS, type ApplicationStep } from '../../core/applications/application-sections.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** The form's steps as links: any step can be opened at any time, the current one is marked. */
export function StepNav({ id, current }: { id: string; current: ApplicationStep }) {
  const { t, locale } = useI18n();
  return (
    <nav aria-label={t('application.steps.label')} className="step-nav">
      <ol>
        {APPLICATION_STEPS.map((step) => (
          <li key={step}>
            <a className="ds-link" href={`/${locale}/applications/${id}/edit/${step}`} aria-current={step === current ? 'step' : undefined}>
              {t(`application.step.${step}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
