import { z } from 'zod';
import { courseSessions } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems, type FieldProblem } from '../errors.ts';
import { text } from '../input/text.ts';
import { lockManagedCourse, touchCourse } from './course-access.ts';
import { zonedInstant } from './course-rules.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime');

export const sessionInput = z.object({
  day: z.string().regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'invalidDate').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'invalidDate'),
  startTime: time,
  endTime: time,
  /** The room or venue, when not the course's own place. */
  place: text().trim().max(200, 'tooLong').default(''),
});
export type SessionInput = z.input<typeof sessionInput>;

/**
 * Adds a session to a course the actor runs: a day within the course's dates, a start and an end time
 * in the course's time zone (the end after the start). Where no place is given, the course's.
 */
export async function addCourseSession(ctx: CoreContext, { courseId, ...input }: SessionInput & { courseId: string }): Promise<{ id: string; version: string }> {
  const v = sessionInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const course = await lockManagedCourse(tx, ctx.actor, courseId);
    const problems: FieldProblem[] = [];
    if (course.startsOn && course.endsOn && (v.day < course.startsOn || v.day > course.endsOn)) problems.push({ field: 'day', code: 'sessionOutsideCourse', params: { from: course.startsOn, to: course.endsOn } });
    if (v.endTime <= v.startTime) problems.push({ field: 'endTime', code: 'sessionEndsBeforeStart' });
    refuseProblems(problems);
    const [row] = await tx
      .insert(courseSessions)
      .values({ courseId: course.id, startsAt: zonedInstant(v.day, v.startTime, course.timeZone), endsAt: zonedInstant(v.day, v.endTime, course.timeZone), place: v.place || course.place })
      .returning();
    const version = await touchCourse(tx, course.id);
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'course.session-added',
      recordType: 'course',
      recordId: course.id,
      after: { sessionId: row!.id, startsAt: row!.startsAt.toISOString(), endsAt: row!.endsAt.toISOString(), place: row!.place },
    });
    return { id: row!.id, version: version.toISOString() };
  });
}
