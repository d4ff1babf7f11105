import type { Actor } from '../identity/actor.ts';
import { can, type Permission } from '../identity/permissions.ts';
import { nextStatuses, type ApplicationStatus } from '../partnerships/application-status.ts';

/** Who may make each move on the review page; moves made by partners (submit, withdraw) are not made there. */
const reviewPermission: Partial<Record<ApplicationStatus, Permission>> = {
  in_review: 'application:review',
  approved: 'application:decide',
  rejected: 'application:decide',
  returned: 'application:decide',
  active: 'partnership:manage',
  closing: 'partnership:manage',
  closed: 'partnership:manage',
};

/**
 * What this person may do on an application's review page, from the same permissions the use-cases
 * check: a finance officer reads the review but is offered no comment, score or decision.
 */
export function reviewMoves(actor: Actor, status: ApplicationStatus) {
  const mayReview = can(actor, 'application:review');
  return {
    next: nextStatuses(status).filter((to) => {
      const permission = reviewPermission[to];
      return permission !== undefined && can(actor, permission);
    }),
    canScore: status === 'in_review' && mayReview,
    canComment: mayReview,
  };
}
