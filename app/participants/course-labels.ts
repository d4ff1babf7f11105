import type { MessageKey } from '../../i18n/catalogs.ts';
import { COURSE_KINDS, type CourseKind } from '../../core/courses/course-rules.ts';

/** The message naming each kind of course. */
export const courseKindMessage: Record<CourseKind, MessageKey> = {
  preparatory: 'courseKind.preparatory',
  youth_camp: 'courseKind.youth_camp',
  homecoming: 'courseKind.homecoming',
};

export const isCourseKind = (value: string | null | undefined): value is CourseKind => (COURSE_KINDS as readonly string[]).includes(value ?? '');
