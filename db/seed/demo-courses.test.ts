import { describe, expect, it } from 'vitest';
import { attendedCourseKinds } from '../../core/participants/move-participant.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { courseEnrolments, courses, participants } from '../schema/participants.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });

describe('the demo courses', () => {
  it('agree with the participants’ statuses: who left attended a preparatory course, who completed a homecoming seminar', async () => {
    const rows = await testDb.db.select().from(courses);
    expect(new Set(rows.map((c) => c.kind))).toEqual(new Set(['preparatory', 'homecoming']));
    for (const c of rows) {
      expect(c.startsOn! <= c.endsOn!).toBe(true);
      if (c.kind === 'preparatory') expect(Date.parse(c.endsOn!) - Date.parse(c.startsOn!)).toBeGreaterThanOrEqual(13 * 24 * 60 * 60_000);
    }
    expect(rows.some((c) => c.organisationId !== null)).toBe(true);
    const people = await testDb.db.select().from(participants);
    for (const p of people.filter((p) => p.status === 'in_placement')) expect(await attendedCourseKinds(testDb.db, p.id)).toContain('preparatory');
    for (const p of people.filter((p) => p.status === 'completed')) {
      const kinds = await attendedCourseKinds(testDb.db, p.id);
      // Someone who came home in the last few days was not at last week's seminar.
      if (p.actualEndsOn! < rows.find((c) => c.kind === 'homecoming')!.startsOn!) expect(kinds).toContain('homecoming');
    }
    const enrolments = await testDb.db.select().from(courseEnrolments);
    const perCourse = new Map<string, number>();
    for (const e of enrolments) perCourse.set(e.courseId, (perCourse.get(e.courseId) ?? 0) + 1);
    for (const c of rows) expect(perCourse.get(c.id) ?? 0).toBeLessThanOrEqual(c.capacity);
  });
});
