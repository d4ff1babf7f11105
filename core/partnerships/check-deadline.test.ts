import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBeforeDeadline, osloDate } from './check-deadline.ts';

const at = (iso: string) => new Date(iso);

describe('isBeforeDeadline', () => {
  it.each([
    // Winter (CET, UTC+1): Oslo midnight is 23:00 UTC the same day.
    ['2026-01-15', '2026-01-15T22:59:59.999Z', true],
    ['2026-01-15', '2026-01-15T23:00:00.000Z', false],
    // Summer (CEST, UTC+2): Oslo midnight is 22:00 UTC the same day.
    ['2026-06-30', '2026-06-30T21:59:59.999Z', true],
    ['2026-06-30', '2026-06-30T22:00:00.000Z', false],
    // Clocks go forward on 2026-03-29 at 02:00, so that day ends at 22:00 UTC.
    ['2026-03-29', '2026-03-29T21:59:59.999Z', true],
    ['2026-03-29', '2026-03-29T22:00:00.000Z', false],
    ['2026-03-28', '2026-03-28T22:59:59.999Z', true],
    ['2026-03-28', '2026-03-28T23:00:00.000Z', false],
    // Clocks go back on 2026-10-25 at 03:00, so that day ends at 23:00 UTC.
    ['2026-10-25', '2026-10-25T22:59:59.999Z', true],
    ['2026-10-25', '2026-10-25T23:00:00.000Z', false],
    ['2026-10-24', '2026-10-24T21:59:59.999Z', true],
    ['2026-10-24', '2026-10-24T22:00:00.000Z', false],
  ] as const)('deadline %s at %s → %s', (deadline, now, expected) => {
    expect(isBeforeDeadline(deadline, at(now))).toBe(expected);
  });

  it('follows Oslo, not the applicant: past midnight in Kathmandu is still the deadline day in Oslo', () => {
    // 03:00 on 11 May in Kathmandu (UTC+5:45) is 23:15 on 10 May in Oslo.
    expect(isBeforeDeadline('2026-05-10', at('2026-05-10T21:15:00Z'))).toBe(true);
    // 23:30 on 10 May in Quito (UTC-5) is already 06:30 on 11 May in Oslo.
    expect(isBeforeDeadline('2026-05-10', at('2026-05-11T04:30:00Z'))).toBe(false);
  });

  it.each(['2026-02-30', '2026-1-5', '26-01-05', '2026-13-01', '', '2026-01-05T00:00'])('refuses deadline %j', (bad) => {
    expect(() => isBeforeDeadline(bad, at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('reads the Oslo calendar date of an instant', () => {
    expect(osloDate(at('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(osloDate(at('2026-12-31T22:59:59.999Z'))).toBe('2026-12-31');
  });
});

describe('isBeforeDeadline properties', () => {
  const instant = fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2099-12-31T00:00:00Z'), noInvalidDate: true });
  const deadline = instant.map(osloDate);

  it('once closed, stays closed: if open at t it was open at every earlier instant', () => {
    fc.assert(
      fc.property(deadline, instant, instant, (d, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        if (isBeforeDeadline(d, later)) expect(isBeforeDeadline(d, earlier)).toBe(true);
      }),
    );
  });

  it('is open at any instant of the deadline day itself and closed a day (25 hours) after it', () => {
    fc.assert(
      fc.property(instant, (now) => {
        expect(isBeforeDeadline(osloDate(now), now)).toBe(true);
        expect(isBeforeDeadline(osloDate(now), new Date(now.getTime() + 25 * 3600_000))).toBe(false);
      }),
    );
  });
});
