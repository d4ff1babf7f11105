import type { ReminderStep, ReportKind, ReportStatus } from '../../db/schema/participants.ts';

/**
 * When each participant report falls due. Computed from the actual placement dates every time it is
 * needed, never stored, so a corrected actual start or end moves the due dates with it:
 * - arrival: 30 days after the actual start;
 * - mid-term: halfway between the actual start and the planned end, rounded down to a whole day; not due
 *   when the placement actually ended on or before that day (ended early: the final report covers it);
 * - final: 30 days after the actual end;
 * - home engagement: 90 days after the actual end.
 * A report whose date is not known yet (no actual start, or no actual end for the last two) is not due.
 * Dates are calendar dates (YYYY-MM-DD), as the placement dates are.
 */
export const ARRIVAL_DAYS = 30;
export const FINAL_DAYS = 30;
export const HOME_ENGAGEMENT_DAYS = 90;
/** The second reminder goes this many days after the first. */
export const SECOND_REMINDER_DAYS = 14;

export interface PlacementDates {
  endsOn: string;
  actualStartsOn: string | null;
  actualEndsOn: string | null;
}

const DAY = 24 * 60 * 60 * 1000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => toDate(toTime(date) + days * DAY);

export function reportDueOn(kind: ReportKind, dates: PlacementDates): string | null {
  const { actualStartsOn: start, actualEndsOn: end } = dates;
  switch (kind) {
    case 'arrival':
      return start ? addDays(start, ARRIVAL_DAYS) : null;
    case 'mid_term': {
      if (!start) return null;
      const until = dates.endsOn;
      if (until < start) return null;
      const midpoint = toDate(toTime(start) + Math.floor((toTime(until) - toTime(start)) / DAY / 2) * DAY);
      return end && end <= midpoint ? null : midpoint;
    }
    case 'final':
      return end ? addDays(end, FINAL_DAYS) : null;
    case 'home_engagement':
      return end ? addDays(end, HOME_ENGAGEMENT_DAYS) : null;
  }
}

/** A report is in once submitted or accepted; a missing, draft or returned report is still owed. */
export const reportIsIn = (status: ReportStatus | null | undefined) => status === 'submitted' || status === 'accepted';

/** Overdue: due before `today` (a calendar date) and not in. */
export function isOverdue(dueOn: string | null, status: ReportStatus | null | undefined, today: string): dueOn is string {
  return dueOn !== null && dueOn < today && !reportIsIn(status);
}

/**
 * The reminder steps an overdue report has reached by `today`: the first from the day after it fell due,
 * the second from SECOND_REMINDER_DAYS later.
 */
export function reminderSteps(dueOn: string, today: string): ReminderStep[] {
  if (dueOn >= today) return [];
  return addDays(dueOn, SECOND_REMINDER_DAYS) < today ? ['overdue', 'second'] : ['overdue'];
}

/** Whether the participant may write a report yet: once the placement has begun. */
export const reportOpen = (dates: PlacementDates) => dates.actualStartsOn !== null;

/** The reports of one participant that are overdue on `today`, each with its due date. */
export function overdueReports(
  dates: PlacementDates,
  statuses: Partial<Record<ReportKind, ReportStatus>>,
  today: string,
  kinds: readonly ReportKind[] = ['arrival', 'mid_term', 'final', 'home_engagement'],
): { kind: ReportKind; dueOn: string; status: ReportStatus | null }[] {
  return kinds.flatMap((kind) => {
    const dueOn = reportDueOn(kind, dates);
    const status = statuses[kind] ?? null;
    return isOverdue(dueOn, status, today) ? [{ kind, dueOn, status }] : [];
  });
}
