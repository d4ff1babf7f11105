import { and, eq } from 'drizzle-orm';
import { courseSessions } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { lockManagedCourse, touchCourse } from './course-access.ts';

/** Removes a session from a course the actor runs, with the attendance recorded for it. */
export async function removeCourseSession(ctx: CoreContext, { courseId, sessionId }: { courseId: string; sessionId: string }): Promise<{ version: string }> {
  return ctx.db.transaction(async (tx) => {
    const course = await lockManagedCourse(tx, ctx.actor, courseId);
    if (!isRecordId(sessionId)) throw new NotFoundError('courseSession');
    const [row] = await tx.delete(courseSessions).where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, course.id))).returning();
    if (!row) throw new NotFoundError('courseSession');
    const version = await touchCourse(tx, course.id);
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'course.session-removed',
      recordType: 'course',
      recordId: course.id,
      before: { sessionId: row.id, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), place: row.place },
    });
    return { version: version.toISOString() };
  });
}
