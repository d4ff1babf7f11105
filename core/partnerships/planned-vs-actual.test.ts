import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedVsActual, type PlannedFlow } from './planned-vs-actual.ts';

const plan: PlannedFlow[] = [
  { from: 'no', to: 'et', participants: 2, startMonth: '2025-08' },
  { from: 'et', to: 'np', participants: 2, startMonth: '2025-08' },
  { from: 'np', to: 'no', participants: 1, startMonth: '2025-08' },
  // Round 2, not due in 2026-01.
  { from: 'np', to: 'et', participants: 3, startMonth: '2026-08' },
];

describe('plannedVsActual', () => {
  it('counts planned and actual sent and hosted per partner, flagging nothing before the first participant', () => {
    expect(plannedVsActual(['no', 'et', 'np'], plan, [])).toEqual({
      hasActual: false,
      partners: [
        { partnerId: 'no', plannedSent: 2, actualSent: 0, plannedHosted: 1, actualHosted: 0, flags: [] },
        { partnerId: 'et', plannedSent: 2, actualSent: 0, plannedHosted: 5, actualHosted: 0, flags: [] },
        { partnerId: 'np', plannedSent: 4, actualSent: 0, plannedHosted: 2, actualHosted: 0, flags: [] },
      ],
    });
  });

  it('flags a partner behind what was due, and one whose actual exchanges send or host no one', () => {
    const actual = [
      { from: 'no', to: 'et', participants: 2 },
      { from: 'et', to: 'np', participants: 1 },
    ];
    const result = plannedVsActual(['no', 'et', 'np'], plan, actual, { asOfMonth: '2026-01' });
    expect(result.hasActual).toBe(true);
    expect(result.partners.map((p) => [p.partnerId, p.flags])).toEqual([
      ['no', ['hostsNoOne']],
      // Planned to host 5, but only 2 were due by 2026-01, and 2 came: not behind in hosting.
      ['et', ['sendsBehind']],
      ['np', ['sendsNoOne', 'hostsBehind']],
    ]);
  });

  it('takes every planned flow as due when no month is given', () => {
    const actual = [
      { from: 'no', to: 'et', participants: 2 },
      { from: 'et', to: 'np', participants: 2 },
      { from: 'np', to: 'no', participants: 1 },
    ];
    const flags = plannedVsActual(['no', 'et', 'np'], plan, actual).partners.map((p) => p.flags);
    expect(flags).toEqual([[], ['hostsBehind'], ['sendsBehind']]);
  });
});

const scenario = fc.integer({ min: 2, max: 4 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const flow = fc
    .tuple(fc.nat(n - 1), fc.integer({ min: 1, max: n - 1 }), fc.integer({ min: 1, max: 4 }))
    .map(([from, offset, participants]) => ({ from: ids[from]!, to: ids[(from + offset) % n]!, participants }));
  return fc.record({ partners: fc.constant(ids), planned: fc.array(flow, { maxLength: 8 }), actual: fc.array(flow, { maxLength: 8 }), extra: flow });
});

describe('plannedVsActual properties', () => {
  it('flags exactly what an independent count of the flows says', () => {
    fc.assert(
      fc.property(scenario, ({ partners, planned, actual }) => {
        const result = plannedVsActual(partners, planned, actual);
        const sum = (flows: typeof planned, pick: (f: (typeof planned)[number]) => boolean) => flows.filter(pick).reduce((s, f) => s + f.participants, 0);
        for (const row of result.partners) {
          const sent = sum(actual, (f) => f.from === row.partnerId);
          const hosted = sum(actual, (f) => f.to === row.partnerId);
          const expected = [];
          if (actual.length > 0) {
            if (sent === 0) expected.push('sendsNoOne');
            else if (sent < sum(planned, (f) => f.from === row.partnerId)) expected.push('sendsBehind');
            if (hosted === 0) expected.push('hostsNoOne');
            else if (hosted < sum(planned, (f) => f.to === row.partnerId)) expected.push('hostsBehind');
          }
          expect(row.flags).toEqual(expected);
          expect([row.actualSent, row.actualHosted]).toEqual([sent, hosted]);
        }
      }),
    );
  });

  it('never makes a partner look worse when one more participant arrives (once there are participants)', () => {
    // Per partner and direction: 2 = no one, 1 = behind, 0 = fine.
    const severity = (result: ReturnType<typeof plannedVsActual>) =>
      result.partners.flatMap((p) => [
        p.flags.includes('sendsNoOne') ? 2 : p.flags.includes('sendsBehind') ? 1 : 0,
        p.flags.includes('hostsNoOne') ? 2 : p.flags.includes('hostsBehind') ? 1 : 0,
      ]);
    fc.assert(
      fc.property(scenario, ({ partners, planned, actual, extra }) => {
        fc.pre(actual.length > 0);
        const before = severity(plannedVsActual(partners, planned, actual));
        const after = severity(plannedVsActual(partners, planned, [...actual, extra]));
        after.forEach((level, i) => expect(level).toBeLessThanOrEqual(before[i]!));
      }),
    );
  });
});
