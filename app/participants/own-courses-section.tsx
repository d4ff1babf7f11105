import type { listOwnCourses } from '../../core/courses/list-own-courses.ts';
import { courseKindMessage } from './course-labels.ts';
import { useI18n } from '../ui/i18n-context.tsx';

export type OwnCourses = Awaited<ReturnType<typeof listOwnCourses>>;

/**
 * The participant's own courses, for their page (/{lang}/exchange): each course with its dates and
 * place, its sessions with the day, times (in the course's time zone) and place, and whether the course
 * counts as attended. The loader calls core/courses/list-own-courses.ts and passes its answer as it is.
 */
export function OwnCoursesSection({ courses }: { courses: OwnCourses }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="own-courses-title">
      <h2 id="own-courses-title" className="ds-heading" data-size="sm">
        {t('ownCourses.title')}
      </h2>
      {courses.length === 0 ? (
        <p className="ds-paragraph">{t('ownCourses.none')}</p>
      ) : (
        courses.map((c) => (
          <article key={c.id} aria-labelledby={`own-course-${c.id}`}>
            <h3 id={`own-course-${c.id}`} className="ds-heading" data-size="xs">
              {t('ownCourses.heading', { title: c.title, kind: t(courseKindMessage[c.kind]) })}
            </h3>
            <p className="ds-paragraph">{c.startsOn && c.endsOn ? t('ownCourses.where', { dates: t('courses.dates', { from: date(c.startsOn), to: date(c.endsOn) }), place: c.place }) : c.place}</p>
            {c.sessions.length > 0 ? (
              <ul className="ds-list">
                {c.sessions.map((s) => (
                  <li key={s.id}>{t('ownCourses.session', { day: date(s.day), start: s.startTime, end: s.endTime, place: s.place, mark: s.attended === true ? 'present' : s.attended === false ? 'absent' : 'none' })}</li>
                ))}
              </ul>
            ) : null}
            <p className="ds-paragraph">{c.attendedAll ? t('ownCourses.attendedAll') : t('ownCourses.notYet')}</p>
          </article>
        ))
      )}
    </section>
  );
}
