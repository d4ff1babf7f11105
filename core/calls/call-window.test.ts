import { describe, expect, it } from 'vitest';
import { callPhase } from './call-window.ts';

const call = { opensOn: '2026-03-01', deadline: '2026-05-10' };

describe('callPhase', () => {
  it.each([
    // Oslo is UTC+1 in February: 23:00 UTC on 28 February is already 1 March in Førde.
    ['2026-02-28T22:59:59.999Z', 'upcoming'],
    ['2026-02-28T23:00:00.000Z', 'open'],
    ['2026-04-01T12:00:00.000Z', 'open'],
    // Summer time (UTC+2): the deadline day ends at 22:00 UTC.
    ['2026-05-10T21:59:59.999Z', 'open'],
    ['2026-05-10T22:00:00.000Z', 'closed'],
  ] as const)('at %s the call is %s', (now, phase) => {
    expect(callPhase(call, new Date(now))).toBe(phase);
  });

  it('is open on its only day when it opens and closes the same day', () => {
    expect(callPhase({ opensOn: '2026-06-01', deadline: '2026-06-01' }, new Date('2026-06-01T10:00:00Z'))).toBe('open');
  });

  it('follows Oslo, not the applicant: after midnight in Kathmandu it is still the deadline day in Oslo', () => {
    // 03:00 on 11 May in Kathmandu (UTC+5:45) is 23:15 on 10 May in Oslo.
    expect(callPhase(call, new Date('2026-05-10T21:15:00Z'))).toBe('open');
  });
});
