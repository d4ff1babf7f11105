import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { courseAttendance } from '../../db/schema/participants.ts';
import { participantWorld, type ParticipantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, ForbiddenError, NotFoundError, UnauthenticatedError, type DomainError } from '../errors.ts';
import { attendedCourseKinds } from '../participants/move-participant.ts';
import { addCourseSession } from './add-course-session.ts';
import { checkCapacity, checkCourseDates, spanDays, wallClock, zonedInstant } from './course-rules.ts';
import { createCourse, type CourseInput } from './create-course.ts';
import { enrolInCourse } from './enrol-in-course.ts';
import { getCourse } from './get-course.ts';
import { listCourses } from './list-courses.ts';
import { listOwnCourses } from './list-own-courses.ts';
import { recordAttendance } from './record-attendance.ts';
import { removeCourseSession } from './remove-course-session.ts';
import { unenrolFromCourse } from './unenrol-from-course.ts';

const testDb = useTestDatabase();
const codes = (promise: Promise<unknown>) => promise.then(() => [], (e: DomainError) => (e instanceof FieldProblemsError ? e.problems.map((p) => p.code) : [e.code]));

const preparatory = (w: ParticipantWorld, overrides: Partial<CourseInput> = {}): CourseInput => ({
  kind: 'preparatory',
  title: 'Preparatory course, spring',
  organisationId: w.kathmandu.id,
  place: 'Kathmandu, the hospital’s teaching wing',
  startsOn: '2026-02-02',
  endsOn: '2026-02-15',
  capacity: 2,
  timeZone: 'Asia/Kathmandu',
  ...overrides,
});

/** Two of Kathmandu's people in the world's partnership. */
async function people(w: ParticipantWorld, n = 2) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push(await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', status: 'preparing', startsOn: '2026-03-01', endsOn: '2026-08-31' }));
  }
  return rows;
}

describe('the rules, as plain functions', () => {
  it('a preparatory course spans at least two weeks, first and last day included', () => {
    expect(checkCourseDates({ kind: 'preparatory', startsOn: '2026-02-02', endsOn: '2026-02-15' })).toEqual([]);
    expect(checkCourseDates({ kind: 'preparatory', startsOn: '2026-02-02', endsOn: '2026-02-14' })).toEqual([{ field: 'endsOn', code: 'preparatoryTooShort', params: { days: 13, min: 14 } }]);
    expect(checkCourseDates({ kind: 'homecoming', startsOn: '2026-02-02', endsOn: '2026-02-03' })).toEqual([]);
    expect(checkCourseDates({ kind: 'youth_camp', startsOn: '2026-02-02', endsOn: '2026-02-01' })).toEqual([{ field: 'endsOn', code: 'courseEndsBeforeStart' }]);
  });

  it('span and the two-week rule agree for any dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -30, max: 60 }), (start, length) => {
        const startsOn = new Date(Date.UTC(2000, 0, 1 + start)).toISOString().slice(0, 10);
        const endsOn = new Date(Date.UTC(2000, 0, 1 + start + length)).toISOString().slice(0, 10);
        expect(spanDays(startsOn, endsOn)).toBe(length + 1);
        const problems = checkCourseDates({ kind: 'preparatory', startsOn, endsOn });
        expect(problems.length === 0).toBe(length + 1 >= 14);
      }),
    );
  });

  it('capacity refuses the one too many, with the figures', () => {
    expect(checkCapacity({ capacity: 2, enrolled: 1 })).toEqual([]);
    expect(checkCapacity({ capacity: 2, enrolled: 2 })).toEqual([{ field: 'participantId', code: 'courseFull', params: { capacity: 2, enrolled: 2 } }]);
  });

  it('wall-clock times in a time zone go there and back, across a clock change', () => {
    expect(zonedInstant('2026-02-02', '09:00', 'Asia/Kathmandu').toISOString()).toBe('2026-02-02T03:15:00.000Z');
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Oslo').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(wallClock(zonedInstant('2026-03-29', '12:30', 'Europe/Oslo'), 'Europe/Oslo')).toEqual({ day: '2026-03-29', time: '12:30' });
  });
});

describe('defining courses', () => {
  it('a coordinator defines their organisation’s course; a preparatory course shorter than two weeks is refused', async () => {
    const w = await participantWorld(testDb.db);
    expect(await codes(createCourse(w.as(w.sender), preparatory(w, { endsOn: '2026-02-10' })))).toEqual(['preparatoryTooShort']);
    const { id } = await createCourse(w.as(w.sender), preparatory(w));
    const { course, manages } = await getCourse(w.as(w.sender), { courseId: id });
    expect(course).toMatchObject({ kind: 'preparatory', capacity: 2, timeZone: 'Asia/Kathmandu', ownerName: w.kathmandu.legalName });
    expect(manages).toBe(true);
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(audit).toMatchObject({ action: 'course.created', recordType: 'course' });
  });

  it('only the right people define which course', async () => {
    const w = await participantWorld(testDb.db);
    // Another organisation's course, a programme course by a coordinator, anything by a visitor or a finance officer.
    await expect(createCourse(w.as(w.stranger), preparatory(w))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCourse(w.as(w.sender), preparatory(w, { organisationId: undefined, programmeId: w.programme.id }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCourse(coreContext({ db: testDb.db }), preparatory(w))).rejects.toBeInstanceOf(UnauthenticatedError);
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(createCourse(coreContext({ db: testDb.db, actor: finance.actor }), preparatory(w))).rejects.toBeInstanceOf(ForbiddenError);
    // Advisers define the programme's homecoming seminar.
    const seminar = await createCourse(w.as(w.adviser), { kind: 'homecoming', title: 'Homecoming seminar', programmeId: w.programme.id, place: 'Førde', startsOn: '2026-09-10', endsOn: '2026-09-11', capacity: 40 });
    expect((await getCourse(w.as(w.adviser), { courseId: seminar.id })).manages).toBe(true);
    // A coordinator sees the programme's course but does not run it.
    expect((await getCourse(w.as(w.sender), { courseId: seminar.id })).manages).toBe(false);
    await expect(addCourseSession(w.as(w.sender), { courseId: seminar.id, day: '2026-09-10', startTime: '09:00', endTime: '16:00' })).rejects.toBeInstanceOf(ForbiddenError);
    // At the agency's seminar a coordinator sees only the people they follow; the count is everyone's.
    const [own] = await people(w, 1);
    const elsewhere = await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.bergen.id, homeCountry: 'MW', status: 'returned' });
    await enrolInCourse(w.as(w.admin), { courseId: seminar.id, participantId: own!.id });
    await enrolInCourse(w.as(w.admin), { courseId: seminar.id, participantId: elsewhere.id });
    const seen = await getCourse(w.as(w.sender), { courseId: seminar.id });
    expect(seen.enrolled.map((p) => p.id)).toEqual([own!.id]);
    expect(seen.course.enrolledCount).toBe(2);
  });

  it('another organisation’s course is not found by a coordinator who does not run it, nor by a participant', async () => {
    const w = await participantWorld(testDb.db);
    const { id } = await createCourse(w.as(w.sender), preparatory(w));
    await expect(getCourse(w.as(w.host), { courseId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(enrolInCourse(w.as(w.stranger), { courseId: id, participantId: id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCourses(w.as(w.host), { when: 'all' })).map((c) => c.id)).not.toContain(id);
    expect((await listCourses(w.as(w.sender), { when: 'all', kind: 'preparatory' })).map((c) => c.id)).toContain(id);
    const [person] = await people(w, 1);
    const participant = await createUser(testDb.db, { participantIds: [person!.id] });
    await expect(getCourse(coreContext({ db: testDb.db, actor: participant.actor }), { courseId: id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists upcoming courses soonest first and past ones apart', async () => {
    const w = await participantWorld(testDb.db);
    const past = await createCourse(w.as(w.sender), preparatory(w, { title: 'Last year', startsOn: '2025-02-02', endsOn: '2025-02-20' }));
    const soon = await createCourse(w.as(w.sender), preparatory(w, { title: 'Soon' }));
    const ctx = w.as(w.sender);
    const upcoming = (await listCourses(ctx)).map((c) => c.id);
    expect(upcoming).toContain(soon.id);
    expect(upcoming).not.toContain(past.id);
    expect((await listCourses(ctx, { when: 'past' })).map((c) => c.id)).toEqual([past.id]);
  });
});

describe('sessions, enrolment and attendance', () => {
  it('sessions fall within the course and end after they start', async () => {
    const w = await participantWorld(testDb.db);
    const { id } = await createCourse(w.as(w.sender), preparatory(w));
    const ctx = w.as(w.sender);
    expect(await codes(addCourseSession(ctx, { courseId: id, day: '2026-03-01', startTime: '10:00', endTime: '09:00' }))).toEqual(['sessionOutsideCourse', 'sessionEndsBeforeStart']);
    const session = await addCourseSession(ctx, { courseId: id, day: '2026-02-02', startTime: '09:00', endTime: '15:30' });
    const { sessions } = await getCourse(ctx, { courseId: id });
    expect(sessions).toMatchObject([{ id: session.id, day: '2026-02-02', startTime: '09:00', endTime: '15:30', place: 'Kathmandu, the hospital’s teaching wing' }]);
    await removeCourseSession(ctx, { courseId: id, sessionId: session.id });
    expect((await getCourse(ctx, { courseId: id })).sessions).toEqual([]);
  });

  it('enrols people one may see, up to the capacity, refused with the figures when full', async () => {
    const w = await participantWorld(testDb.db);
    const { id } = await createCourse(w.as(w.sender), preparatory(w));
    const ctx = w.as(w.sender);
    const [a, b, c] = await people(w, 3);
    const elsewhere = await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.bergen.id, homeCountry: 'MW', status: 'preparing' });
    expect(await codes(enrolInCourse(ctx, { courseId: id, participantId: elsewhere.id }))).toEqual(['chooseParticipant']);
    await enrolInCourse(ctx, { courseId: id, participantId: a!.id });
    expect(await codes(enrolInCourse(ctx, { courseId: id, participantId: a!.id }))).toEqual(['alreadyEnrolled']);
    await enrolInCourse(ctx, { courseId: id, participantId: b!.id });
    const full = await enrolInCourse(ctx, { courseId: id, participantId: c!.id }).catch((e: FieldProblemsError) => e);
    expect(full).toBeInstanceOf(FieldProblemsError);
    expect((full as FieldProblemsError).problems).toEqual([{ field: 'participantId', code: 'courseFull', params: { capacity: 2, enrolled: 2 } }]);
    // Two at once for the last place: one wins.
    await unenrolFromCourse(ctx, { courseId: id, participantId: b!.id });
    const both = await Promise.allSettled([enrolInCourse(ctx, { courseId: id, participantId: b!.id }), enrolInCourse(ctx, { courseId: id, participantId: c!.id })]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await getCourse(ctx, { courseId: id })).enrolled).toHaveLength(2);
  });

  it('records the whole grid at once, refuses a stale grid, and the lifecycle counts the course attended', async () => {
    const w = await participantWorld(testDb.db);
    const { id } = await createCourse(w.as(w.sender), preparatory(w));
    const ctx = w.as(w.sender);
    const [a, b] = await people(w, 2);
    const s1 = await addCourseSession(ctx, { courseId: id, day: '2026-02-02', startTime: '09:00', endTime: '15:00' });
    const s2 = await addCourseSession(ctx, { courseId: id, day: '2026-02-09', startTime: '09:00', endTime: '15:00' });
    await enrolInCourse(ctx, { courseId: id, participantId: a!.id });
    const { version } = await enrolInCourse(ctx, { courseId: id, participantId: b!.id });
    const saved = await recordAttendance(ctx, {
      courseId: id,
      version,
      present: [
        { sessionId: s1.id, participantId: a!.id },
        { sessionId: s2.id, participantId: a!.id },
        { sessionId: s1.id, participantId: b!.id },
        { sessionId: s1.id, participantId: w.kathmandu.id }, // no such person in the course: ignored
      ],
    });
    expect(saved).toMatchObject({ present: 3, absent: 1 });
    expect(await testDb.db.select().from(courseAttendance).where(eq(courseAttendance.participantId, b!.id))).toHaveLength(2);
    expect(await attendedCourseKinds(testDb.db, a!.id)).toEqual(['preparatory']);
    expect(await attendedCourseKinds(testDb.db, b!.id)).toEqual([]);
    // The grid from before this save is stale; nothing changes.
    expect(await codes(recordAttendance(ctx, { courseId: id, version, present: [] }))).toEqual(['staleEdit']);
    expect(await attendedCourseKinds(testDb.db, a!.id)).toEqual(['preparatory']);
    const { enrolled } = await getCourse(ctx, { courseId: id });
    expect(enrolled.map((p) => p.attendedAll).sort()).toEqual([false, true]);
    // The participant sees their own course.
    const participant = await createUser(testDb.db, { participantIds: [a!.id] });
    const own = await listOwnCourses(coreContext({ db: testDb.db, actor: participant.actor }));
    expect(own).toMatchObject([{ id, attendedAll: true, sessions: [{ attended: true }, { attended: true }] }]);
    // A host coordinator cannot record attendance of Kathmandu's course.
    await expect(recordAttendance(w.as(w.stranger), { courseId: id, version: saved.version, present: [] })).rejects.toBeInstanceOf(NotFoundError);
  });
});
