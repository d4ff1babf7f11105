import type { ParticipantStatus } from '../../db/schema/participants.ts';

export type ReportKind = 'arrival' | 'mid_term' | 'final' | 'home_engagement';
export type ReportDue = { kind: ReportKind; dueOn: string };

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * When each of a participant's reports falls due, from the placement's actual dates: the arrival report
 * 30 days after arriving, the mid-term one halfway through the planned stay, the final one 30 days after
 * coming back, the home-engagement one 180 days after coming back. Reports of a placement not yet begun
 * (or not yet ended, for the last two) are not due.
 */
export function reportsDue(p: { status: ParticipantStatus; actualStartsOn: string | null; actualEndsOn: string | null; startsOn: string; endsOn: string }): ReportDue[] {
  if (!p.actualStartsOn || p.status === 'withdrawn') return [];
  const due: ReportDue[] = [{ kind: 'arrival', dueOn: addDays(p.actualStartsOn, 30) }];
  const half = Math.round((Date.parse(p.endsOn) - Date.parse(p.startsOn)) / 86_400_000 / 2);
  due.push({ kind: 'mid_term', dueOn: addDays(p.actualStartsOn, Math.max(half, 0)) });
  if (p.actualEndsOn && p.status !== 'ended_early') {
    due.push({ kind: 'final', dueOn: addDays(p.actualEndsOn, 30) });
    due.push({ kind: 'home_engagement', dueOn: addDays(p.actualEndsOn, 180) });
  }
  return due;
}

/** A report counts as delivered once submitted or accepted (a draft or a returned one does not). */
export const DELIVERED = ['submitted', 'accepted'] as const;
