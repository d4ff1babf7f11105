import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { addCourseSession } from '../../core/courses/add-course-session.ts';
import { enrolInCourse } from '../../core/courses/enrol-in-course.ts';
import { getCourse } from '../../core/courses/get-course.ts';
import { recordAttendance } from '../../core/courses/record-attendance.ts';
import { removeCourseSession } from '../../core/courses/remove-course-session.ts';
import { unenrolFromCourse } from '../../core/courses/unenrol-from-course.ts';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { courseKindMessage } from '../participants/course-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { RowAction } from '../ui/row-action.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { sessionInput } from '../../core/courses/add-course-session.ts';
import type { Route } from './+types/course';

/** Confirmations a redirect may name (?done=…); anything else shows none. */
const notices: Record<string, MessageKey> = {
  created: 'course.created',
  'session-added': 'course.session.added',
  'session-removed': 'course.session.removed',
  enrolled: 'course.enrolled',
  unenrolled: 'course.unenrolled',
  attendance: 'course.attendance.saved',
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const details = await getCourse(context.core, { courseId: params.id });
    return {
      ...details,
      course: { ...details.course, createdAt: details.course.createdAt.toISOString(), updatedAt: details.course.updatedAt.toISOString() },
      sessions: details.sessions.map((s) => ({ id: s.id, day: s.day, startTime: s.startTime, endTime: s.endTime, place: s.place })),
      enrolled: details.enrolled.map((p) => ({ ...p, enrolledAt: p.enrolledAt.toISOString() })),
    };
  });
}

type Intent = 'add-session' | 'remove-session' | 'enrol' | 'unenrol' | 'attendance';
interface ActionResult {
  form: Intent;
  errors: FieldError[];
  values: Record<string, string>;
  /** The attendance grid as ticked, and the course's current version, after a stale save. */
  present?: string[];
  version?: string;
}

/** One form per task on the page (add a session, enrol, the attendance grid, a row's button), told apart by `intent`. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'course:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const intent = String(form.get('intent') ?? '') as Intent;
    const value = (name: string) => String(form.get(name) ?? '');
    const back = (done: string) => redirect(`/${t.locale}/courses/${params.id}?done=${done}`);
    const refused = (error: unknown, values: Record<string, string>, fallback: string) => {
      if (!(error instanceof DomainError) || error.status >= 403) throw error;
      return data<ActionResult>({ form: intent, errors: domainFieldErrors(t, error, fallback), values }, { status: error.status });
    };
    switch (intent) {
      case 'add-session': {
        const values = { day: value('day'), startTime: value('startTime'), endTime: value('endTime'), place: value('place') };
        const parsed = sessionInput.safeParse(values);
        if (!parsed.success) return data<ActionResult>({ form: intent, errors: zodFieldErrors(t, parsed.error), values }, { status: 400 });
        try {
          await addCourseSession(context.core, { courseId: params.id, ...parsed.data });
        } catch (error) {
          return refused(error, values, 'day');
        }
        return back('session-added');
      }
      case 'remove-session':
        await removeCourseSession(context.core, { courseId: params.id, sessionId: value('sessionId') });
        return back('session-removed');
      case 'enrol': {
        const values = { participantId: value('participantId') };
        try {
          await enrolInCourse(context.core, { courseId: params.id, participantId: values.participantId });
        } catch (error) {
          return refused(error, values, 'participantId');
        }
        return back('enrolled');
      }
      case 'unenrol':
        await unenrolFromCourse(context.core, { courseId: params.id, participantId: value('participantId') });
        return back('unenrolled');
      case 'attendance': {
        const ticked = form.getAll('present').map(String);
        const present = ticked.map((pair) => pair.split('/')).filter((p): p is [string, string] => p.length === 2).map(([sessionId, participantId]) => ({ sessionId, participantId }));
        try {
          await recordAttendance(context.core, { courseId: params.id, version: value('version'), present });
        } catch (error) {
          if (error instanceof DomainError && error.code === 'staleEdit') {
            // Someone saved the course since this grid was loaded: what was ticked stays ticked, with the current version.
            const { course } = await getCourse(context.core, { courseId: params.id });
            return data<ActionResult>({ form: intent, errors: domainFieldErrors(t, error, 'attendance'), values: {}, present: ticked, version: course.version }, { status: 409 });
          }
          return refused(error, {}, 'attendance');
        }
        return back('attendance');
      }
      default:
        throw data({ message: t.t('error.openPageAgain') }, { status: 400 });
    }
  });
}

export default function Course() {
  const { course, manages, sessions, enrolled, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const [search] = useSearchParams();
  const { t, date, number, locale } = useI18n();
  const errorsOf = (form: Intent) => (result?.form === form ? result.errors : []);
  const valuesOf = (form: Intent) => (result?.form === form ? result.values : {});
  const done = notices[search.get('done') ?? ''];
  const full = course.enrolledCount >= course.capacity;
  const ticked = result?.form === 'attendance' && result.present ? new Set(result.present) : null;
  const version = result?.form === 'attendance' && result.version ? result.version : course.version;
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
  return (
    <>
      <PageHeading title={course.title} />
      <SuccessNotice text={result ? null : done ? t(done) : null} />

      <section aria-labelledby="details-title">
        <h2 id="details-title" className="ds-heading" data-size="sm">
          {t('course.details')}
        </h2>
        <dl className="facts">
          <dt>{t('course.kind')}</dt>
          <dd>{t(courseKindMessage[course.kind])}</dd>
          <dt>{t('course.owner')}</dt>
          <dd>{course.ownerName}</dd>
          <dt>{t('course.dates')}</dt>
          <dd>{course.startsOn && course.endsOn ? t('courses.dates', { from: date(course.startsOn), to: date(course.endsOn) }) : ''}</dd>
          <dt>{t('course.place')}</dt>
          <dd>{course.place}</dd>
          <dt>{t('course.capacity')}</dt>
          <dd>{number(course.capacity)}</dd>
          <dt>{t('course.timeZone')}</dt>
          <dd>{course.timeZone.replaceAll('_', ' ')}</dd>
        </dl>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="ds-heading" data-size="sm">
          {t('course.sessions')}
        </h2>
        {sessions.length === 0 ? (
          <p className="ds-paragraph">{t('course.sessions.none')}</p>
        ) : (
          <DataTable columns={[{ label: t('course.session.day') }, { label: t('course.session.time') }, { label: t('course.session.place') }, ...(manages ? [{ label: t('course.session.remove'), visuallyHidden: true }] : [])]}>
            {sessions.map((s) => (
              <tr key={s.id}>
                <th scope="row">{date(s.day)}</th>
                <td>{t('course.session.times', { start: s.startTime, end: s.endTime })}</td>
                <td>{s.place}</td>
                {manages ? (
                  <td>
                    <RowAction fields={{ intent: 'remove-session', sessionId: s.id }} label={t('course.session.remove')} accessibleLabel={t('course.session.removeFor', { day: date(s.day), start: s.startTime })} />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        {manages ? (
          <section aria-labelledby="add-session-title" className="panel">
            <h3 id="add-session-title" className="ds-heading" data-size="xs">
              {t('course.session.add')}
            </h3>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsOf('add-session')} />
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="add-session" />
              <TextField name="day" type="date" label={t('course.session.field.day')} errors={errorsOf('add-session')} defaultValue={valuesOf('add-session').day ?? course.startsOn ?? undefined} />
              <TextField name="startTime" label={t('course.session.field.startTime')} hint={t('course.session.field.timeHint', { timeZone: course.timeZone.replaceAll('_', ' ') })} errors={errorsOf('add-session')} defaultValue={valuesOf('add-session').startTime ?? '09:00'} />
              <TextField name="endTime" label={t('course.session.field.endTime')} errors={errorsOf('add-session')} defaultValue={valuesOf('add-session').endTime ?? '16:00'} />
              <TextField name="place" label={t('course.session.field.place')} hint={t('course.session.field.placeHint')} errors={errorsOf('add-session')} defaultValue={valuesOf('add-session').place} />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t('course.session.submit')}
                </button>
              </div>
            </Form>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="participants-title">
        <h2 id="participants-title" className="ds-heading" data-size="sm">
          {t('course.participants', { enrolled: number(course.enrolledCount), capacity: number(course.capacity) })}
        </h2>
        {enrolled.length === 0 ? (
          <p className="ds-paragraph">{t('course.participants.none')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('course.participant.name') },
              { label: t('course.participant.home') },
              { label: t('course.participant.status') },
              { label: t('course.participant.attended') },
              ...(manages ? [{ label: t('course.participant.unenrol'), visuallyHidden: true }] : []),
            ]}
          >
            {enrolled.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a className="ds-link" href={`/${locale}/participants/${p.id}`}>
                    {name(p)}
                  </a>
                </th>
                <td>{p.homeOrganisation}</td>
                <td>{t(`participantStatus.${p.status}` as MessageKey)}</td>
                <td>{p.attendedAll ? t('course.participant.attendedYes') : t('course.participant.attendedNo')}</td>
                {manages ? (
                  <td>
                    <RowAction fields={{ intent: 'unenrol', participantId: p.id }} label={t('course.participant.unenrol')} accessibleLabel={t('course.participant.unenrolFor', { name: name(p) })} />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        {manages ? (
          <section aria-labelledby="enrol-title" className="panel">
            <h3 id="enrol-title" className="ds-heading" data-size="xs">
              {t('course.enrol')}
            </h3>
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsOf('enrol')} />
            {full ? (
              <p className="ds-paragraph">{t('course.full', { capacity: number(course.capacity) })}</p>
            ) : candidates.length === 0 ? (
              <p className="ds-paragraph">{t('course.enrol.noCandidates')}</p>
            ) : (
              <>
                <Form method="post" className="form-grid" noValidate>
                  <input type="hidden" name="intent" value="enrol" />
                  <SelectField
                    name="participantId"
                    label={t('course.enrol.field')}
                    hint={t('course.enrol.hint')}
                    errors={errorsOf('enrol')}
                    defaultValue={valuesOf('enrol').participantId}
                    options={candidates.map((c) => ({ value: c.id, label: `${c.familyName}, ${c.givenName} (${t(`participantStatus.${c.status}` as MessageKey)})` }))}
                  />
                  <div className="form-grid__actions">
                    <button type="submit" className="ds-button" data-variant="secondary">
                      {t('course.enrol.submit')}
                    </button>
                  </div>
                </Form>
              </>
            )}
          </section>
        ) : null}
      </section>

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title" className="ds-heading" data-size="sm">
          {t('course.attendance')}
        </h2>
        {sessions.length === 0 || enrolled.length === 0 ? (
          <p className="ds-paragraph">{t('course.attendance.needs')}</p>
        ) : (
          <>
            <p className="ds-paragraph">
              <a className="ds-link" href={`/${locale}/courses/${course.id}/attendance.csv`} download>
                {t('course.attendance.download')}
              </a>
            </p>
            {manages ? <p className="ds-paragraph">{t('course.attendance.intro')}</p> : null}
            <ErrorSummary heading={t('form.errorSummary')} errors={errorsOf('attendance')} />
            <Form method="post" noValidate id="attendance">
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="version" value={version} />
              <DataTable columns={[{ label: t('course.participant.name') }, ...sessions.map((s) => ({ label: `${date(s.day, 'medium')} ${t('course.session.times', { start: s.startTime, end: s.endTime })}` }))]}>
                {enrolled.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{name(p)}</th>
                    {sessions.map((s) => {
                      const mark = p.attendance[s.id];
                      const key = `${s.id}/${p.id}`;
                      return (
                        <td key={s.id}>
                          {manages ? (
                            <input type="checkbox" className="ds-input" name="present" value={key} defaultChecked={ticked ? ticked.has(key) : mark === true} aria-label={t('course.attendance.mark', { name: name(p), day: date(s.day, 'medium') })} />
                          ) : mark === undefined ? (
                            t('course.attendance.unrecorded')
                          ) : mark ? (
                            t('course.attendance.present')
                          ) : (
                            t('course.attendance.absent')
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </DataTable>
              {manages ? (
                <div className="form-grid__actions">
                  <button type="submit" className="ds-button" data-variant="primary">
                    {t('course.attendance.submit')}
                  </button>
                </div>
              ) : null}
            </Form>
          </>
        )}
      </section>
    </>
  );
}
