import type { PublishedLesson } from '../../core/results/list-published-lessons.ts';
import { useI18n } from '../ui/i18n-context.tsx';

/**
 * The lessons learned partners chose to publish, from round reports the agency accepted
 * (core/results/list-published-lessons.ts): per partner and round, the text as written, a paragraph per
 * paragraph. Nothing when there are none.
 */
export function PublishedLessonsSection({ lessons }: { lessons: PublishedLesson[] }) {
  const { t, date } = useI18n();
  if (lessons.length === 0) return null;
  return (
    <section aria-labelledby="lessons-title">
      <h2 id="lessons-title" className="ds-heading" data-size="sm">
        {t('openData.lessons.title')}
      </h2>
      <p className="ds-paragraph">{t('openData.lessons.intro')}</p>
      {lessons.map((l) => (
        <article key={l.reportId} aria-labelledby={`lessons-${l.reportId}`}>
          <h3 id={`lessons-${l.reportId}`} className="ds-heading" data-size="xs">
            {t('openData.lessons.heading', { partner: l.organisation, round: l.roundNumber })}
          </h3>
          <p className="ds-paragraph" data-size="sm">
            {t('openData.lessons.period', { from: date(l.periodStart), to: date(l.periodEnd) })}
          </p>
          {l.lessons
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter(Boolean)
            .map((p, i) => (
              <p key={i} className="ds-paragraph">
                {p}
              </p>
            ))}
        </article>
      ))}
    </section>
  );
}
