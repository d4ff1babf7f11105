import { spreadsheetCsv } from '../../core/files/spreadsheet-csv.ts';
import type { CourseDetails } from '../../core/courses/get-course.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import type { Translator } from '../../i18n/translator.ts';

/**
 * The attendance of a course as CSV, streamed by csv-stringify: UTF-8 with a byte-order mark (so Excel
 * reads non-Latin names right), a translated header row, one row per enrolled person and one column per
 * session (present, absent or not recorded), and whether they attended in full. Cells that would start a
 * spreadsheet formula are escaped.
 */
export function attendanceCsv(
  t: Translator,
  { sessions, enrolled }: { sessions: Pick<CourseDetails['sessions'][number], 'id' | 'day' | 'startTime' | 'endTime'>[]; enrolled: Pick<CourseDetails['enrolled'][number], 'familyName' | 'givenName' | 'homeOrganisation' | 'status' | 'attendance' | 'attendedAll'>[] },
): ReadableStream<Uint8Array> {
  const header = [
    t.t('course.csv.familyName'),
    t.t('course.csv.givenName'),
    t.t('course.csv.home'),
    t.t('course.csv.status'),
    ...sessions.map((s) => `${t.date(s.day, 'medium')} ${s.startTime}–${s.endTime}`),
    t.t('course.csv.attendedAll'),
  ];
  const rows = enrolled.map((p) => [
    p.familyName,
    p.givenName,
    p.homeOrganisation,
    t.t(`participantStatus.${p.status}` as MessageKey),
    ...sessions.map((s) => (p.attendance[s.id] === undefined ? t.t('course.attendance.unrecorded') : p.attendance[s.id] ? t.t('course.attendance.present') : t.t('course.attendance.absent'))),
    p.attendedAll ? t.t('course.csv.yes') : t.t('course.csv.no'),
  ]);
  return spreadsheetCsv([header, ...rows]);
}

/** The download's file name: the course's title and "attendance", in the page's language. */
export function attendanceFileName(t: Translator, title: string): string {
  return `${title} – ${t.t('course.csv.fileName')}.csv`;
}
