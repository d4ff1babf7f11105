import { APPLICATION_STEPS, type ApplicationStep } from '../../core/applications/application-sections.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/** For steps whose forms add one item at a time: the way on to the next step, named. */
export function ContinueLink({ id, from }: { id: string; from: ApplicationStep }) {
  const { t, locale } = useI18n();
  const next = APPLICATION_STEPS[APPLICATION_STEPS.indexOf(from) + 1];
  if (!next) return null;
  return (
    <p className="ds-paragraph">
      <a className="ds-link" href={`/${locale}/applications/${id}/edit/${next}`}>
        {t('application.continueTo', { step: t(`application.step.${next}`) })}
      </a>
    </p>
  );
}
