import { useLoaderData } from 'react-router';
import { COURSE_KINDS } from '../../core/courses/course-rules.ts';
import { COURSE_WHEN, listCourses, type CourseWhen } from '../../core/courses/list-courses.ts';
import { can } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { courseKindMessage, isCourseKind } from '../participants/course-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { SelectField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/courses';

const isWhen = (value: string | null): value is CourseWhen => (COURSE_WHEN as readonly string[]).includes(value ?? '');

/** The courses one sees (the agency every course, a coordinator the programme's and their own), filtered by kind and time with a plain GET form. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const kindParam = url.searchParams.get('kind');
    const whenParam = url.searchParams.get('when');
    // A value not on the lists is read as no filter.
    const kind = isCourseKind(kindParam) ? kindParam : undefined;
    const when = isWhen(whenParam) ? whenParam : 'upcoming';
    const courses = await listCourses(context.core, { kind, when });
    return { kind: kind ?? '', when, courses, canCreate: can(context.core.actor, 'course:manage') };
  });
}

export default function Courses() {
  const { kind, when, courses, canCreate } = useLoaderData<typeof loader>();
  const { t, date, number, locale } = useI18n();
  return (
    <>
      <PageHeading title={t('courses.title')} />
      <p className="ds-paragraph">{t('courses.intro')}</p>
      {canCreate ? (
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/courses/new`}>
            {t('courses.new')}
          </a>
        </p>
      ) : null}
      <form method="get" className="filter-form" aria-labelledby="filter-title">
        <h2 id="filter-title" className="ds-heading" data-size="xs">
          {t('courses.filter')}
        </h2>
        <SelectField name="kind" label={t('courses.filter.kind')} errors={[]} defaultValue={kind} options={[{ value: '', label: t('courses.filter.anyKind') }, ...COURSE_KINDS.map((k) => ({ value: k, label: t(courseKindMessage[k]) }))]} />
        <SelectField name="when" label={t('courses.filter.when')} errors={[]} defaultValue={when} options={COURSE_WHEN.map((w) => ({ value: w, label: t(`courses.when.${w}`) }))} />
        <div className="filter-form__actions">
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('courses.filter.submit')}
          </button>
        </div>
      </form>
      <h2 className="ds-heading" data-size="sm">
        {t('courses.count', { count: courses.length })}
      </h2>
      {courses.length === 0 ? (
        <p className="ds-paragraph">{t('courses.none')}</p>
      ) : (
        <DataTable
          columns={[
            { label: t('courses.column.title') },
            { label: t('courses.column.kind') },
            { label: t('courses.column.owner') },
            { label: t('courses.column.dates') },
            { label: t('courses.column.place') },
            { label: t('courses.column.sessions'), numeric: true },
            { label: t('courses.column.enrolled'), numeric: true },
          ]}
        >
          {courses.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a className="ds-link" href={`/${locale}/courses/${c.id}`}>
                  {c.title}
                </a>
              </th>
              <td>{t(courseKindMessage[c.kind])}</td>
              <td>{c.ownerName}</td>
              <td>{c.startsOn && c.endsOn ? t('courses.dates', { from: date(c.startsOn, 'medium'), to: date(c.endsOn, 'medium') }) : ''}</td>
              <td>{c.place}</td>
              <td className="numeric">{number(c.sessions)}</td>
              <td className="numeric">{t('courses.enrolledOf', { enrolled: number(c.enrolled), capacity: number(c.capacity) })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
