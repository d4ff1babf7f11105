import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { COURSE_KINDS, courses } from '../../db/schema/participants.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError, refuseProblems } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { isRecordId } from '../records/record-id.ts';
import { mayManageCourse } from './course-access.ts';
import { checkCourseDates, isTimeZone } from './course-rules.ts';

const day = z.string().regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'invalidDate').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'invalidDate');

/** A new course: a programme's (the agency's) or an organisation's (its coordinators'), never both. */
export const courseInput = z
  .object({
    kind: z.enum(COURSE_KINDS, { message: 'chooseCourseKind' }),
    title: text().trim().min(1, 'required').max(200, 'tooLong'),
    programmeId: z.string().refine(isRecordId, 'chooseCourseOwner').optional(),
    organisationId: z.string().refine(isRecordId, 'chooseCourseOwner').optional(),
    place: text().trim().min(1, 'required').max(200, 'tooLong'),
    startsOn: day,
    endsOn: day,
    capacity: z.coerce.number({ message: 'capacityRange' }).int('capacityRange').min(1, 'capacityRange').max(1000, 'capacityRange'),
    timeZone: z.string().refine(isTimeZone, 'chooseTimeZone').default('Europe/Oslo'),
  })
  .refine((v) => (v.programmeId ? 1 : 0) + (v.organisationId ? 1 : 0) === 1, { message: 'chooseCourseOwner', path: ['owner'] });
export type CourseInput = z.input<typeof courseInput>;

/**
 * Defines a course. Administrators and programme advisers define a programme's courses (the youth camp,
 * the homecoming seminar, the agency's preparatory course); a partner's coordinators their organisation's.
 * A preparatory course spans at least two weeks. Sessions are added afterwards (add-course-session.ts).
 */
export async function createCourse(ctx: CoreContext, input: CourseInput): Promise<{ id: string }> {
  requirePermission(ctx.actor, 'course:manage');
  const v = courseInput.parse(input);
  if (!mayManageCourse(ctx.actor, { programmeId: v.programmeId ?? null, organisationId: v.organisationId ?? null })) throw new ForbiddenError('course:manage');
  refuseProblems(checkCourseDates(v));
  return ctx.db.transaction(async (tx) => {
    const [owner] = v.programmeId
      ? await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, v.programmeId))
      : await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, v.organisationId!));
    if (!owner) throw new DomainError('chooseCourseOwner', { field: 'owner' });
    const [row] = await tx
      .insert(courses)
      .values({
        kind: v.kind,
        title: v.title,
        programmeId: v.programmeId ?? null,
        organisationId: v.organisationId ?? null,
        place: v.place,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        capacity: v.capacity,
        timeZone: v.timeZone,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      })
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'course.created',
      recordType: 'course',
      recordId: row!.id,
      after: { kind: v.kind, title: v.title, programmeId: v.programmeId ?? null, organisationId: v.organisationId ?? null, place: v.place, startsOn: v.startsOn, endsOn: v.endsOn, capacity: v.capacity, timeZone: v.timeZone },
    });
    return { id: row!.id };
  });
}
