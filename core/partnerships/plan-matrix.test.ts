import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planMatrix } from './plan-matrix.ts';

describe('planMatrix', () => {
  it('puts senders in rows and hosts in columns, in the partners’ order, with totals', () => {
    const flows = [
      { from: 'et', to: 'np', participants: 2 },
      { from: 'np', to: 'no', participants: 1 },
      { from: 'no', to: 'et', participants: 3 },
      { from: 'et', to: 'np', participants: 1 },
    ];
    expect(planMatrix(['no', 'et', 'np'], flows)).toEqual({
      partners: ['no', 'et', 'np'],
      cells: [
        [0, 3, 0],
        [0, 0, 3],
        [1, 0, 0],
      ],
      rowTotals: [3, 3, 1],
      columnTotals: [1, 3, 3],
      total: 7,
    });
  });

  it('shows every partner even without flows, and adds partners a flow names that were not listed', () => {
    expect(planMatrix(['a', 'b'], [])).toMatchObject({ cells: [[0, 0], [0, 0]], rowTotals: [0, 0], columnTotals: [0, 0], total: 0 });
    expect(planMatrix(['a'], [{ from: 'a', to: 'x', participants: 2 }])).toMatchObject({ partners: ['a', 'x'], cells: [[0, 2], [0, 0]], total: 2 });
  });
});

const plan = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const id = fc.constantFrom(...ids, 'outsider');
  return fc.record({
    partners: fc.shuffledSubarray(ids, { minLength: n }),
    flows: fc.array(fc.record({ from: id, to: id, participants: fc.integer({ min: 0, max: 9 }) }), { maxLength: 15 }),
  });
});

describe('planMatrix properties', () => {
  it('keeps every participant: each cell, row, column and the total add up to the flows', () => {
    fc.assert(
      fc.property(plan, ({ partners, flows }) => {
        const m = planMatrix(partners, flows);
        const sum = (pick: (f: (typeof flows)[number]) => boolean) => flows.filter(pick).reduce((s, f) => s + f.participants, 0);
        expect(m.partners.slice(0, partners.length)).toEqual(partners);
        m.partners.forEach((from, r) => {
          expect(m.rowTotals[r]).toBe(sum((f) => f.from === from));
          expect(m.columnTotals[r]).toBe(sum((f) => f.to === from));
          m.partners.forEach((to, c) => expect(m.cells[r]![c]).toBe(sum((f) => f.from === from && f.to === to)));
        });
        expect(m.total).toBe(sum(() => true));
        expect(m.columnTotals.reduce((s, n) => s + n, 0)).toBe(m.total);
      }),
    );
  });
});
