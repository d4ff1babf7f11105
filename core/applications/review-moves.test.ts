import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/actor.ts';
import { reviewMoves } from './review-moves.ts';

const staff = (role: 'administrator' | 'programme_adviser' | 'finance_officer'): Actor => ({
  kind: 'user',
  userId: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b',
  name: 'Ingrid Solheim',
  email: 'ingrid@agency.example',
  locale: 'nb',
  agencyRoles: [role],
  memberships: [],
  participantIds: [],
});

describe('reviewMoves', () => {
  it('offers a finance officer no comment, score or decision (issue 8)', () => {
    for (const status of ['submitted', 'in_review', 'approved', 'active'] as const) {
      expect(reviewMoves(staff('finance_officer'), status)).toEqual({ next: [], canScore: false, canComment: false });
    }
  });

  it('offers an adviser the moves the status machine allows', () => {
    expect(reviewMoves(staff('programme_adviser'), 'submitted')).toEqual({ next: ['in_review'], canScore: false, canComment: true });
    expect(reviewMoves(staff('programme_adviser'), 'in_review')).toEqual({ next: ['approved', 'rejected', 'returned'], canScore: true, canComment: true });
    expect(reviewMoves(staff('programme_adviser'), 'approved').next).toEqual(['active']);
  });

  it('never offers the partners’ own moves (withdraw, resubmit) on the review page', () => {
    expect(reviewMoves(staff('administrator'), 'draft').next).toEqual([]);
    expect(reviewMoves(staff('administrator'), 'returned').next).toEqual([]);
  });
});
