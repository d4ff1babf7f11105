import { and, asc, eq, inArray } from 'drizzle-orm';
import { courseAttendance, courseEnrolments, courses, courseSessions } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { requireUser } from '../identity/permissions.ts';
import { wallClock } from './course-rules.ts';

/**
 * The courses the signed-in participant is enrolled in (none for someone who is no participant), each
 * with its sessions (day and times in the course's time zone, place, and whether they were marked
 * present) and whether it counts as attended (present at every session).
 */
export async function listOwnCourses(ctx: CoreContext) {
  const actor = requireUser(ctx.actor);
  if (actor.participantIds.length === 0) return [];
  const rows = await ctx.db
    .select({ course: courses, participantId: courseEnrolments.participantId })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .where(inArray(courseEnrolments.participantId, actor.participantIds))
    .orderBy(asc(courses.startsOn), asc(courses.title));
  if (rows.length === 0) return [];
  const sessions = await ctx.db
    .select({ session: courseSessions, attended: courseAttendance.attended })
    .from(courseSessions)
    .leftJoin(courseAttendance, and(eq(courseAttendance.sessionId, courseSessions.id), inArray(courseAttendance.participantId, actor.participantIds)))
    .where(inArray(courseSessions.courseId, rows.map((r) => r.course.id)))
    .orderBy(asc(courseSessions.startsAt));
  return rows.map(({ course }) => {
    const own = sessions
      .filter((s) => s.session.courseId === course.id)
      .map(({ session, attended }) => ({
        id: session.id,
        day: wallClock(session.startsAt, course.timeZone).day,
        startTime: wallClock(session.startsAt, course.timeZone).time,
        endTime: wallClock(session.endsAt, course.timeZone).time,
        place: session.place,
        attended,
      }));
    return {
      id: course.id,
      kind: course.kind,
      title: course.title,
      place: course.place,
      startsOn: course.startsOn,
      endsOn: course.endsOn,
      sessions: own,
      attendedAll: own.length > 0 && own.every((s) => s.attended === true),
    };
  });
}
