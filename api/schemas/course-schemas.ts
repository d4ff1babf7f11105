import { z } from '@hono/zod-openapi';
import { sessionInput } from '../../core/courses/add-course-session.ts';
import { COURSE_KINDS } from '../../core/courses/course-rules.ts';
import { courseInput } from '../../core/courses/create-course.ts';
import type { CourseDetails } from '../../core/courses/get-course.ts';
import { describeFields } from '../described-fields.ts';

const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });
export const CourseIdParams = z.object({ id: uuidParam('id') });
export const CourseSessionParams = z.object({ id: uuidParam('id'), sessionId: uuidParam('sessionId') });
export const CourseEnrolmentParams = z.object({ id: uuidParam('id'), participantId: uuidParam('participantId') });

export const CourseListQuery = z.object({
  kind: z.enum(COURSE_KINDS).optional().openapi({ description: 'Only courses of this kind.' }),
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming').openapi({ description: '`upcoming` (not ended yet, soonest first; the default), `past` (latest first) or `all`.' }),
});

const kind = z.enum(COURSE_KINDS).openapi({ description: 'preparatory (at least two weeks), youth_camp or homecoming.' });
const day = (description: string) => z.string().nullable().openapi({ format: 'date', description });

export const CourseSummarySchema = z
  .object({
    id: z.uuid(),
    kind,
    title: z.string().openapi({ example: 'Preparatory course, Førde' }),
    place: z.string().openapi({ example: 'Førde, Norec course centre' }),
    startsOn: day('First day.'),
    endsOn: day('Last day.'),
    capacity: z.number().int(),
    programmeId: z.uuid().nullable().openapi({ description: 'Set for a programme’s (the agency’s) course.' }),
    organisationId: z.uuid().nullable().openapi({ description: 'Set for an organisation’s own course.' }),
    ownerName: z.string(),
    enrolled: z.number().int(),
    sessions: z.number().int(),
    manages: z.boolean().openapi({ description: 'Whether you run this course (sessions, enrolment, attendance).' }),
  })
  .openapi('CourseSummary');

export const CourseListSchema = z.object({ items: z.array(CourseSummarySchema) }).openapi('CourseList');

const SessionSchema = z
  .object({
    id: z.uuid(),
    startsAt: z.string().openapi({ format: 'date-time' }),
    endsAt: z.string().openapi({ format: 'date-time' }),
    day: z.string().openapi({ format: 'date', description: 'The day in the course’s time zone.' }),
    startTime: z.string().openapi({ example: '09:00', description: 'In the course’s time zone.' }),
    endTime: z.string().openapi({ example: '15:00' }),
    place: z.string(),
  })
  .openapi('CourseSession');

const EnrolledSchema = z
  .object({
    participantId: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    status: z.string().openapi({ example: 'preparing' }),
    homeOrganisation: z.string(),
    enrolledAt: z.string().openapi({ format: 'date-time' }),
    attendance: z.record(z.string(), z.boolean()).openapi({ description: 'Per session id: present (true) or absent (false); a session not named is not recorded.' }),
    attendedAll: z.boolean().openapi({ description: 'Present at every session: the course counts as attended.' }),
  })
  .openapi('CourseEnrolment');

export const CourseSchema = z
  .object({
    id: z.uuid(),
    kind,
    title: z.string(),
    place: z.string(),
    startsOn: day('First day.'),
    endsOn: day('Last day.'),
    capacity: z.number().int(),
    timeZone: z.string().openapi({ example: 'Europe/Oslo' }),
    programmeId: z.uuid().nullable(),
    organisationId: z.uuid().nullable(),
    ownerName: z.string(),
    enrolledCount: z.number().int().openapi({ description: 'Everyone enrolled (`enrolled` lists those you may see).' }),
    manages: z.boolean(),
    version: z.string().openapi({ description: 'Send it back (or the ETag in If-Match) when saving attendance.', example: '2026-11-22T10:00:00.000Z' }),
    sessions: z.array(SessionSchema),
    enrolled: z.array(EnrolledSchema),
  })
  .openapi('Course');

export const CourseCreateSchema = describeFields(courseInput, {
  kind: 'preparatory, youth_camp or homecoming.',
  title: 'Up to 200 characters.',
  programmeId: 'For a programme’s course (administrators and programme advisers). Give this or organisationId.',
  organisationId: 'For an organisation’s course (its coordinators). Give this or programmeId.',
  place: 'Where it is held.',
  startsOn: 'First day (YYYY-MM-DD).',
  endsOn: 'Last day; a preparatory course spans at least 14 days, both included.',
  capacity: 'Places, 1–1000.',
  timeZone: 'IANA time zone of the place (default Europe/Oslo); session times are in it.',
});

export const SessionCreateSchema = describeFields(sessionInput, {
  day: 'A day within the course (YYYY-MM-DD).',
  startTime: 'HH:MM in the course’s time zone.',
  endTime: 'HH:MM, after the start.',
  place: 'A room or venue; empty for the course’s place.',
});

export const EnrolmentSchema = z.object({ participantId: z.string().openapi({ format: 'uuid', description: 'A participant you may see.' }) }).openapi('CourseEnrolmentRequest');

export const AttendanceSchema = z
  .object({
    version: z.string().optional().openapi({ description: 'The course’s version you read, unless sent in If-Match.' }),
    present: z
      .array(z.object({ sessionId: z.string().openapi({ format: 'uuid' }), participantId: z.string().openapi({ format: 'uuid' }) }))
      .max(20000)
      .openapi({ description: 'Every enrolled person present at a session; every other pair of an enrolled person and a session is recorded absent.' }),
  })
  .openapi('CourseAttendance');

export function courseBodyOf(d: CourseDetails): z.infer<typeof CourseSchema> {
  const c = d.course;
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    place: c.place,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    capacity: c.capacity,
    timeZone: c.timeZone,
    programmeId: c.programmeId,
    organisationId: c.organisationId,
    ownerName: c.ownerName,
    enrolledCount: c.enrolledCount,
    manages: d.manages,
    version: c.version,
    sessions: d.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), day: s.day, startTime: s.startTime, endTime: s.endTime, place: s.place })),
    enrolled: d.enrolled.map((p) => ({
      participantId: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      status: p.status,
      homeOrganisation: p.homeOrganisation,
      enrolledAt: p.enrolledAt.toISOString(),
      attendance: p.attendance,
      attendedAll: p.attendedAll,
    })),
  };
}
