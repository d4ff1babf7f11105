import type { FieldProblem } from '../errors.ts';

/** A preparatory course lasts at least two weeks, first and last day included. */
export const PREPARATORY_MIN_DAYS = 14;

const DAY = 24 * 60 * 60_000;

/** Days from `startsOn` to `endsOn`, both included (calendar dates, YYYY-MM-DD). */
export function spanDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / DAY) + 1;
}

/**
 * A course's dates: the last day not before the first, and a preparatory course at least two weeks long.
 * Pure; every problem at once.
 */
export function checkCourseDates({ kind, startsOn, endsOn }: { kind: string; startsOn: string; endsOn: string }): FieldProblem[] {
  const days = spanDays(startsOn, endsOn);
  if (days < 1) return [{ field: 'endsOn', code: 'courseEndsBeforeStart' }];
  if (kind === 'preparatory' && days < PREPARATORY_MIN_DAYS) return [{ field: 'endsOn', code: 'preparatoryTooShort', params: { days, min: PREPARATORY_MIN_DAYS } }];
  return [];
}

/** Whether one more person fits: refused with the figures when not. */
export function checkCapacity({ capacity, enrolled, adding = 1 }: { capacity: number; enrolled: number; adding?: number }): FieldProblem[] {
  return enrolled + adding > capacity ? [{ field: 'participantId', code: 'courseFull', params: { capacity, enrolled } }] : [];
}

/** One formatter per time zone, built on first use (building one costs far more than using it). */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time (YYYY-MM-DD, HH:MM) of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string): { day: string; time: string } {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wallClockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant a wall-clock date and time (YYYY-MM-DD, HH:MM) is in a time zone. A time skipped by a
 * clock change is taken as the same time after it; a repeated one as its first occurrence.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    const drift = Date.parse(`${seen.day}T${seen.time}:00Z`) - asUtc;
    if (drift === 0) break;
    guess -= drift;
  }
  return new Date(guess);
}

/** Whether a name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export { COURSE_KINDS, type CourseKind } from '../../db/schema/participants.ts';
