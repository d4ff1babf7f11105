import { describe, expect, it } from 'vitest';
import { agencyYear, budgetYearParam } from './budget-year.ts';

describe('the budget year', () => {
  it('is the calendar year in Førde, also when UTC is still in the old year', () => {
    expect(agencyYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(agencyYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
  });

  it('takes four digits from 2001 to 2100 from an address, and this year for anything else', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(budgetYearParam('2025', now)).toBe(2025);
    for (const bad of [null, undefined, '', 'abc', '2000', '2101', '20260', ' 2025', '2025.0']) expect(budgetYearParam(bad, now)).toBe(2026);
  });
});
