import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  APPLICATION_STATUSES,
  canTransition,
  nextStatuses,
  transition,
  type ApplicationStatus,
} from './application-status.ts';

// Written out again here, from the issue, so a slip in the implementation's table shows up as a failure.
const ALLOWED: [ApplicationStatus, ApplicationStatus][] = [
  ['draft', 'submitted'],
  ['draft', 'withdrawn'],
  ['submitted', 'in_review'],
  ['submitted', 'withdrawn'],
  ['in_review', 'approved'],
  ['in_review', 'rejected'],
  ['in_review', 'returned'],
  ['returned', 'submitted'],
  ['returned', 'withdrawn'],
  ['approved', 'active'],
  ['active', 'closing'],
  ['closing', 'closed'],
];
const isAllowed = (from: ApplicationStatus, to: ApplicationStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('application status', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transition(from, to)).toBe(to);
  });

  it.each(['rejected', 'closed', 'withdrawn'] as const)('%s is terminal', (status) => {
    expect(nextStatuses(status)).toEqual([]);
  });

  it('offers exactly the listed next statuses', () => {
    for (const from of APPLICATION_STATUSES) {
      const expected = ALLOWED.filter(([f]) => f === from).map(([, t]) => t);
      expect([...nextStatuses(from)].sort()).toEqual(expected.sort());
    }
  });

  it('throws a typed error naming both statuses', () => {
    const error = (() => {
      try {
        transition('draft', 'approved');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'illegalTransition', params: { from: 'draft', to: 'approved' }, status: 409 });
  });

  it('throws for every pair not in the table', () => {
    const status = fc.constantFrom(...APPLICATION_STATUSES);
    fc.assert(
      fc.property(
        fc.tuple(status, status).filter(([from, to]) => !isAllowed(from, to)),
        ([from, to]) => {
          expect(canTransition(from, to)).toBe(false);
          expect(() => transition(from, to)).toThrow(DomainError);
        },
      ),
    );
  });

  it('reaches every status from draft', () => {
    const reached = new Set<ApplicationStatus>(['draft']);
    const queue: ApplicationStatus[] = ['draft'];
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      for (const next of nextStatuses(current)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    fc.assert(fc.property(fc.constantFrom(...APPLICATION_STATUSES), (status) => reached.has(status)));
  });
});
