import type { ParticipantStatus } from '../../db/schema/participants.ts';
import { REPORT_KINDS, type ReportKind } from '../participants/participant-report-record.ts';
import { addDays, reportDueOn } from '../participants/report-due-dates.ts';

export { addDays };
export type ReportDue = { kind: ReportKind; dueOn: string };

/**
 * The reports a participant owes and when, by the one rule of core/participants/report-due-dates.ts
 * (the reports pages, the overdue list and the reminders use it too). A withdrawn person owes none.
 */
export function reportsDue(p: { status: ParticipantStatus; actualStartsOn: string | null; actualEndsOn: string | null; endsOn: string }): ReportDue[] {
  if (p.status === 'withdrawn') return [];
  return REPORT_KINDS.flatMap((kind) => {
    const dueOn = reportDueOn(kind, p);
    return dueOn ? [{ kind, dueOn }] : [];
  });
}

/** A report counts as delivered once submitted or accepted (a draft or a returned one does not). */
export const DELIVERED = ['submitted', 'accepted'] as const;
