import { DomainError } from '../errors.ts';

/**
 * The life of a partnership application, from first draft to a closed agreement. The table below is
 * the only place transitions are decided, so use-cases, the UI's buttons and the tests agree.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'returned',
  'active',
  'closing',
  'closed',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

// `satisfies` makes the compiler insist on a row for every status, terminal ones included.
const TRANSITIONS = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['in_review', 'withdrawn'],
  // Returned means "fix and resubmit"; rejected is final.
  in_review: ['approved', 'rejected', 'returned'],
  returned: ['submitted', 'withdrawn'],
  approved: ['active'],
  active: ['closing'],
  closing: ['closed'],
  rejected: [],
  closed: [],
  withdrawn: [],
} as const satisfies Record<ApplicationStatus, readonly ApplicationStatus[]>;

export function nextStatuses(from: ApplicationStatus): readonly ApplicationStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return nextStatuses(from).includes(to);
}

/**
 * Returns the new status, or throws. 409 because the request is well-formed but conflicts with the
 * application's current state (e.g. someone else already submitted it).
 */
export function transition(from: ApplicationStatus, to: ApplicationStatus): ApplicationStatus {
  if (!canTransition(from, to)) {
    throw new DomainError('illegalTransition', { params: { from, to }, status: 409 });
  }
  return to;
}
