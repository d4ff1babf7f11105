import { and, eq, inArray } from 'drizzle-orm';
import { courseAttendance, courseEnrolments, courseSessions } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { lockManagedCourse, touchCourse } from './course-access.ts';

/** Takes a participant off a course the actor runs, with their attendance at its sessions. */
export async function unenrolFromCourse(ctx: CoreContext, { courseId, participantId }: { courseId: string; participantId: string }): Promise<{ version: string }> {
  return ctx.db.transaction(async (tx) => {
    const course = await lockManagedCourse(tx, ctx.actor, courseId);
    if (!isRecordId(participantId)) throw new NotFoundError('courseEnrolment');
    const [row] = await tx.delete(courseEnrolments).where(and(eq(courseEnrolments.courseId, course.id), eq(courseEnrolments.participantId, participantId))).returning();
    if (!row) throw new NotFoundError('courseEnrolment');
    const sessions = tx.select({ id: courseSessions.id }).from(courseSessions).where(eq(courseSessions.courseId, course.id));
    await tx.delete(courseAttendance).where(and(eq(courseAttendance.participantId, participantId), inArray(courseAttendance.sessionId, sessions)));
    const version = await touchCourse(tx, course.id);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'course.unenrolled', recordType: 'course', recordId: course.id, before: { participantId } });
    return { version: version.toISOString() };
  });
}
