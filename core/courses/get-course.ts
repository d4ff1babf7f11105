import { and, asc, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { courseAttendance, courseEnrolments, courseSessions, participants } from '../../db/schema/participants.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { participantScope, withinScope } from '../participants/participant-scope.ts';
import { findVisibleCourse, mayManageCourse } from './course-access.ts';
import { wallClock } from './course-rules.ts';

/** Whom a course is offered to in the enrolment list: those about to leave, or those who went (any may still be enrolled by id). */
const candidateStatuses = {
  preparatory: ['nominated', 'approved', 'preparing'],
  youth_camp: ['nominated', 'approved', 'preparing', 'in_placement'],
  homecoming: ['in_placement', 'returned', 'ended_early', 'completed'],
} as const satisfies Record<string, readonly (typeof participants.$inferSelect)['status'][]>;

/**
 * One course the actor may see (course-access.ts), else "not found": its details and owner, its
 * sessions in order (with their day and times in the course's time zone), the people enrolled with
 * their attendance per session (all of them for those who run it, else those the actor follows:
 * participant-scope.ts; `course.enrolledCount` counts everyone), and whether the actor runs it. For those who run it, the participants
 * they may enrol (those they see, not enrolled yet, at the stage the kind of course is for). `version` is what an attendance save presents.
 */
export async function getCourse(ctx: CoreContext, { courseId }: { courseId: string }) {
  const course = await findVisibleCourse(ctx.db, ctx.actor, courseId);
  const manages = mayManageCourse(ctx.actor, course);
  const [owner] = course.programmeId
    ? await ctx.db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, course.programmeId))
    : await ctx.db.select({ name: organisations.legalName }).from(organisations).where(eq(organisations.id, course.organisationId!));
  const sessions = await ctx.db.select().from(courseSessions).where(eq(courseSessions.courseId, course.id)).orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));
  const enrolled = await ctx.db
    .select({ id: participants.id, givenName: participants.givenName, familyName: participants.familyName, status: participants.status, homeOrganisation: organisations.legalName, enrolledAt: courseEnrolments.enrolledAt })
    .from(courseEnrolments)
    .innerJoin(participants, eq(participants.id, courseEnrolments.participantId))
    .innerJoin(organisations, eq(organisations.id, participants.homeOrganisationId))
    // Who runs the course sees everyone on it; others (a coordinator at the agency's seminar) only the people they follow.
    .where(manages ? eq(courseEnrolments.courseId, course.id) : withinScope(participantScope(ctx.actor), eq(courseEnrolments.courseId, course.id)))
    .orderBy(asc(participants.familyName), asc(participants.givenName), asc(participants.id));
  const [{ enrolledCount }] = (await ctx.db.select({ enrolledCount: count() }).from(courseEnrolments).where(eq(courseEnrolments.courseId, course.id))) as [{ enrolledCount: number }];
  const marks = sessions.length
    ? await ctx.db
        .select({ sessionId: courseAttendance.sessionId, participantId: courseAttendance.participantId, attended: courseAttendance.attended })
        .from(courseAttendance)
        .where(inArray(courseAttendance.sessionId, sessions.map((s) => s.id)))
    : [];
  const candidates = manages
    ? await ctx.db
        .select({ id: participants.id, givenName: participants.givenName, familyName: participants.familyName, status: participants.status })
        .from(participants)
        .where(
          withinScope(
            participantScope(ctx.actor),
            inArray(participants.status, candidateStatuses[course.kind]),
            notExists(ctx.db.select({ one: sql`1` }).from(courseEnrolments).where(and(eq(courseEnrolments.courseId, course.id), eq(courseEnrolments.participantId, participants.id)))),
          ),
        )
        .orderBy(asc(participants.familyName), asc(participants.givenName))
        .limit(500)
    : [];
  return {
    course: { ...course, ownerName: owner?.name ?? '', version: course.updatedAt.toISOString(), enrolledCount },
    manages,
    sessions: sessions.map((s) => ({ ...s, day: wallClock(s.startsAt, course.timeZone).day, startTime: wallClock(s.startsAt, course.timeZone).time, endTime: wallClock(s.endsAt, course.timeZone).time })),
    enrolled: enrolled.map((p) => {
      const own = marks.filter((m) => m.participantId === p.id);
      const attendance = Object.fromEntries(own.map((m) => [m.sessionId, m.attended])) as Record<string, boolean>;
      return { ...p, attendance, attendedAll: sessions.length > 0 && sessions.every((s) => attendance[s.id] === true) };
    }),
    candidates,
  };
}

export type CourseDetails = Awaited<ReturnType<typeof getCourse>>;
