import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { moveProblems, type MoveFacts } from './check-move.ts';
import { ACTIVE_STATUSES, canMove, moveParticipantStatus, movers, movesFor, nextStatuses, PARTICIPANT_STATUSES, recordsDate } from './participant-lifecycle.ts';

describe('the participant lifecycle', () => {
  it('runs nominated → approved → preparing → in placement → returned → completed → alumni', () => {
    const path = ['nominated', 'approved', 'preparing', 'in_placement', 'returned', 'completed', 'alumni'] as const;
    for (let i = 1; i < path.length; i++) expect(moveParticipantStatus(path[i - 1]!, path[i]!)).toBe(path[i]);
  });

  it('ends from every active state: withdrawn before leaving, ended early after the placement began', () => {
    expect(ACTIVE_STATUSES.map((s) => [s, canMove(s, 'withdrawn'), canMove(s, 'ended_early')])).toEqual([
      ['nominated', true, false],
      ['approved', true, false],
      ['preparing', true, false],
      ['in_placement', false, true],
      ['returned', false, true],
    ]);
  });

  it('refuses every move outside the table with a 409 naming both statuses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARTICIPANT_STATUSES), fc.constantFrom(...PARTICIPANT_STATUSES), (from, to) => {
        if (nextStatuses(from).includes(to)) return;
        try {
          moveParticipantStatus(from, to);
          expect.fail(`${from} → ${to} was allowed`);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('participantIllegalMove');
          expect((error as DomainError).status).toBe(409);
          expect((error as DomainError).params).toEqual({ from, to });
        }
      }),
    );
  });

  it('has no way out of alumni, withdrawn or ended early, and no way back to nominated', () => {
    for (const final of ['alumni', 'withdrawn', 'ended_early'] as const) expect(nextStatuses(final)).toEqual([]);
    for (const s of PARTICIPANT_STATUSES) expect(canMove(s, 'nominated')).toBe(false);
  });

  it('lets only the agency approve, and says who else moves what', () => {
    expect(movers('nominated', 'approved')).toEqual(['adviser']);
    expect(movesFor('nominated', ['sending', 'host'])).toEqual(['withdrawn']);
    expect(movesFor('nominated', ['host'])).toEqual([]);
    expect(movesFor('preparing', ['host'])).toEqual(['in_placement', 'withdrawn']);
    expect(movesFor('returned', ['host'])).toEqual([]);
    expect(movesFor('completed', ['adviser'])).toEqual(['alumni']);
  });

  it('records the actual start on going into placement, and the actual end on coming back or ending early from it', () => {
    expect(recordsDate('preparing', 'in_placement')).toBe('actualStartsOn');
    expect(recordsDate('in_placement', 'returned')).toBe('actualEndsOn');
    expect(recordsDate('in_placement', 'ended_early')).toBe('actualEndsOn');
    expect(recordsDate('returned', 'ended_early')).toBeNull();
    expect(recordsDate('nominated', 'approved')).toBeNull();
  });
});

const ready: MoveFacts = {
  hostDecision: 'accepted',
  overPlan: false,
  overPlanApproved: false,
  openEligibilityProblems: [],
  checklist: ['Signed contract', 'Insurance'],
  acceptedDocuments: ['Insurance', 'Signed contract'],
  attendedCourses: ['preparatory', 'homecoming'],
  finalReport: 'submitted',
};
const codes = (to: Parameters<typeof moveProblems>[0], facts: Partial<MoveFacts>) => moveProblems(to, { ...ready, ...facts }).map((p) => p.code);

describe('the lifecycle’s guards', () => {
  it('approve only what the host accepted, within the plan or allowed beyond it, and eligible or excepted', () => {
    expect(codes('approved', {})).toEqual([]);
    expect(codes('approved', { hostDecision: 'pending' })).toEqual(['hostNotAccepted']);
    expect(codes('approved', { overPlan: true })).toEqual(['overPlanNotApproved']);
    expect(codes('approved', { overPlan: true, overPlanApproved: true })).toEqual([]);
    expect(codes('approved', { hostDecision: 'pending', overPlan: true, openEligibilityProblems: [{ field: 'birthDate', code: 'ageNotEligible', params: { age: 40, min: 22, max: 35 } }] })).toEqual([
      'hostNotAccepted',
      'overPlanNotApproved',
      'ageNotEligible',
    ]);
  });

  it('send into placement only with every checklist document accepted and a preparatory course attended', () => {
    expect(codes('in_placement', {})).toEqual([]);
    expect(moveProblems('in_placement', { ...ready, acceptedDocuments: ['Insurance'], attendedCourses: [] })).toEqual([
      { field: 'to', code: 'documentsNotAccepted', params: { documents: 'Signed contract' } },
      { field: 'to', code: 'preparatoryCourseNotAttended' },
    ]);
    expect(codes('in_placement', { checklist: [], acceptedDocuments: [] })).toEqual([]);
  });

  it('complete only after the final report is in and a homecoming seminar attended', () => {
    expect(codes('completed', {})).toEqual([]);
    expect(codes('completed', { finalReport: 'accepted' })).toEqual([]);
    for (const finalReport of [null, 'draft', 'returned'] as const) expect(codes('completed', { finalReport })).toEqual(['finalReportMissing']);
    expect(codes('completed', { attendedCourses: ['preparatory'] })).toEqual(['homecomingNotAttended']);
  });

  it('hold back no other move', () => {
    const blocked: MoveFacts = { hostDecision: 'pending', overPlan: true, overPlanApproved: false, openEligibilityProblems: [], checklist: ['Insurance'], acceptedDocuments: [], attendedCourses: [], finalReport: null };
    for (const to of ['preparing', 'returned', 'alumni', 'withdrawn', 'ended_early'] as const) expect(moveProblems(to, blocked)).toEqual([]);
  });
});
