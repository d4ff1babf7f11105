import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isOverdue, overdueReports, reminderSteps, reportDueOn } from './report-due-dates.ts';

const placement = { endsOn: '2026-08-31', actualStartsOn: '2026-03-03', actualEndsOn: null };

describe('report due dates', () => {
  it('follow the actual dates: arrival 30 days after the start, mid-term halfway, final 30 and home engagement 90 days after the end', () => {
    expect(reportDueOn('arrival', placement)).toBe('2026-04-02');
    // Halfway between the actual start and the planned end (181 days: 90 after the start).
    expect(reportDueOn('mid_term', placement)).toBe('2026-06-01');
    expect(reportDueOn('final', placement)).toBeNull();
    expect(reportDueOn('home_engagement', placement)).toBeNull();
    const back = { ...placement, actualEndsOn: '2026-08-28' };
    expect(reportDueOn('mid_term', back)).toBe('2026-06-01');
    expect(reportDueOn('final', back)).toBe('2026-09-27');
    expect(reportDueOn('home_engagement', back)).toBe('2026-11-26');
  });

  it('owe nothing before the placement begins, and no mid-term report from a placement that ended before its middle', () => {
    for (const kind of ['arrival', 'mid_term', 'final', 'home_engagement'] as const) expect(reportDueOn(kind, { endsOn: '2026-08-31', actualStartsOn: null, actualEndsOn: null })).toBeNull();
    expect(reportDueOn('mid_term', { ...placement, actualEndsOn: '2026-04-01' })).toBeNull();
    expect(reportDueOn('final', { ...placement, actualEndsOn: '2026-04-01' })).toBe('2026-05-01');
  });

  it('move with a corrected actual date (computed, never stored)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 800 }), (offset, length) => {
        const start = addDays('2020-01-01', offset);
        const end = addDays(start, length);
        const dates = { endsOn: end, actualStartsOn: start, actualEndsOn: end };
        const mid = reportDueOn('mid_term', dates);
        expect(reportDueOn('arrival', dates)).toBe(addDays(start, 30));
        expect(reportDueOn('final', dates)).toBe(addDays(end, 30));
        if (length >= 2) expect(mid === null || (mid > start && mid < end)).toBe(true);
        expect(reportDueOn('arrival', { ...dates, actualStartsOn: addDays(start, 1) })).toBe(addDays(start, 31));
      }),
    );
  });

  it('call a report overdue from the day after it was due, until it is submitted or accepted', () => {
    expect(isOverdue('2026-04-02', null, '2026-04-02')).toBe(false);
    expect(isOverdue('2026-04-02', null, '2026-04-03')).toBe(true);
    expect(isOverdue('2026-04-02', 'draft', '2026-04-03')).toBe(true);
    expect(isOverdue('2026-04-02', 'returned', '2026-04-03')).toBe(true);
    expect(isOverdue('2026-04-02', 'submitted', '2026-04-03')).toBe(false);
    expect(isOverdue('2026-04-02', 'accepted', '2026-04-03')).toBe(false);
    expect(overdueReports(placement, { arrival: 'submitted' }, '2026-06-15')).toEqual([{ kind: 'mid_term', dueOn: '2026-06-01', status: null }]);
  });

  it('remind first the day after, and a second time two weeks later', () => {
    expect(reminderSteps('2026-04-02', '2026-04-02')).toEqual([]);
    expect(reminderSteps('2026-04-02', '2026-04-03')).toEqual(['overdue']);
    expect(reminderSteps('2026-04-02', '2026-04-16')).toEqual(['overdue']);
    expect(reminderSteps('2026-04-02', '2026-04-17')).toEqual(['overdue', 'second']);
  });
});
