import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Actor, AgencyRole, OrganisationRole, UserActor } from './actor.ts';

/**
 * Every action a person can take, and who may take it. One table, in one place: use-cases call
 * `requirePermission`, and queries add the scope (`organisationScope`) to their where clause.
 * Reading participants depends on the record itself (own organisation, own programme, oneself) and
 * lives in core/participants/participant-scope.ts as a where-clause.
 */
export const permissions = {
  'admin:access': { agency: ['administrator'] },
  'user:list': { agency: ['administrator'] },
  'user:anonymise': { agency: ['administrator'] },
  'audit:read': { agency: ['administrator'] },
  'email:read-outbox': { agency: ['administrator'] },
  'invitation:list': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  'invitation:revoke': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  'invitation:create-agency-staff': { agency: ['administrator'] },
  'invitation:create-first-coordinator': { agency: ['administrator', 'programme_adviser'] },
  'invitation:create-colleague': { organisation: ['partner_coordinator'] },
  'invitation:create-participant': { organisation: ['partner_coordinator'] },
  'organisation:create': { agency: ['administrator', 'programme_adviser'] },
  'organisation:update': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  'programme:manage': { agency: ['administrator', 'programme_adviser'] },
  'call:manage': { agency: ['administrator', 'programme_adviser'] },
  // Applications: partners see their own (scope by organisation), the agency sees all.
  'application:read': { agency: ['administrator', 'programme_adviser', 'finance_officer'], organisation: ['partner_coordinator', 'partner_finance'] },
  'application:create': { organisation: ['partner_coordinator'] },
  /**
   * Edit, submit, withdraw: the coordinating partner's coordinators. Scoped to another partner, its
   * coordinators' right to write that partner's own goals (core/applications/*-application-goal.ts).
   */
  'application:edit': { organisation: ['partner_coordinator'] },
  /** Confirm taking part: a coordinator of that partner organisation. */
  'application:confirm': { organisation: ['partner_coordinator'] },
  'application:review': { agency: ['administrator', 'programme_adviser'] },
  'application:decide': { agency: ['administrator', 'programme_adviser'] },
  /** The agency's internal comments and scores. */
  'application:read-internal': { agency: ['administrator', 'programme_adviser', 'finance_officer'] },
  'partnership:manage': { agency: ['administrator', 'programme_adviser'] },
  /** Unit-cost tables (core/unit-costs): the agency reads them; finance officers and administrators draft and publish them. */
  'unit-cost:read': { agency: ['administrator', 'programme_adviser', 'finance_officer'] },
  'unit-cost:manage': { agency: ['administrator', 'finance_officer'] },
  /**
   * Participants (core/participants). Which participant a person may act on is decided further by the
   * record (participant-scope.ts) and, for moves, by the lifecycle's table of who moves whom
   * (participant-lifecycle.ts): the sending partner nominates, the host partner accepts or declines.
   */
  'participant:nominate': { organisation: ['partner_coordinator'] },
  'participant:decide-nomination': { organisation: ['partner_coordinator'] },
  /** Approving over the plan and granting eligibility exceptions: advisers following the programme, and administrators. */
  'participant:approve': { agency: ['administrator', 'programme_adviser'] },
  'participant:move': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  /** Participants' reports (core/participants/*-report*.ts): who reviews a submitted report, and who lists overdue ones (each within the participants they see). */
  'report:review': { agency: ['administrator', 'programme_adviser'] },
  'report:list-overdue': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  /**
   * Courses (core/courses): the agency runs programme courses, a partner's coordinators their
   * organisation's; which course one may change is decided by its owner (core/courses/course-access.ts).
   */
  'course:read': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  'course:manage': { agency: ['administrator', 'programme_adviser'], organisation: ['partner_coordinator'] },
  /**
   * Money (core/finance): the finance officer appropriates, allocates and corrects; advisers read the
   * figures of the programmes they run; administrators do all of it.
   */
  'finance:read': { agency: ['administrator', 'finance_officer', 'programme_adviser'] },
  'finance:manage': { agency: ['administrator', 'finance_officer'] },
  /**
   * Partners' financial reports per round (core/finance/*-financial-report*.ts): read by the report's
   * organisation and the agency's finance readers, written by the organisation's coordinators and finance
   * staff; approving and returning is `finance:manage`.
   */
  'financial-report:read': { agency: ['administrator', 'finance_officer', 'programme_adviser'], organisation: ['partner_coordinator', 'partner_finance'] },
  'financial-report:write': { organisation: ['partner_coordinator', 'partner_finance'] },
  /**
   * A granted stage's payments (core/finance/get-stage-payments.ts): the agency's finance readers, and the
   * stage's partner organisations' staff (which stage they see is decided by its partners); the coordinating
   * partner's staff record what they pass on to the others.
   */
  'stage-payments:read': { agency: ['administrator', 'finance_officer', 'programme_adviser'], organisation: ['partner_coordinator', 'partner_finance'] },
  'stage-payments:onward': { organisation: ['partner_coordinator', 'partner_finance'] },
  /** The IATI publisher's preview (core/open-data/iati/read-iati-check.ts): every problem of the export; the files themselves are public. */
  'open-data:preview': { agency: ['administrator', 'programme_adviser', 'finance_officer'] },
  /**
   * Partners' results reports per round (core/results/): read by the agency and by the staff of the
   * partnership's organisations (every partner's report on their partnership), written by the reporting
   * organisation's coordinators; the programme adviser (or an administrator) accepts or returns them.
   */
  'result-report:read': { agency: ['administrator', 'programme_adviser', 'finance_officer'], organisation: ['partner_coordinator', 'partner_finance'] },
  'result-report:write': { organisation: ['partner_coordinator'] },
  'result-report:decide': { agency: ['administrator', 'programme_adviser'] },
  /** The results dashboards (core/results/results-dashboard.ts): agency staff. */
  'results:read': { agency: ['administrator', 'programme_adviser', 'finance_officer'] },
  'account:read-own': { anyUser: true },
  'account:export-own': { anyUser: true },
  'account:request-deletion': { anyUser: true },
} satisfies Record<string, Policy>;

interface Policy {
  agency?: AgencyRole[];
  /** Roles held in the organisation the record belongs to (or any organisation, when no record). */
  organisation?: OrganisationRole[];
  anyUser?: boolean;
}

export type Permission = keyof typeof permissions;

/** May the actor do this, on a record owned by `organisationId` (when the action concerns one)? */
export function can(actor: Actor, permission: Permission, scope: { organisationId?: string } = {}): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const policy: Policy = permissions[permission];
  if (policy.anyUser) return true;
  if (policy.agency?.some((role) => actor.agencyRoles.includes(role))) return true;
  if (policy.organisation) {
    return actor.memberships.some(
      (m) =>
        policy.organisation!.includes(m.role) && (scope.organisationId === undefined || m.organisationId === scope.organisationId),
    );
  }
  return false;
}

/** Throws UnauthenticatedError for a visitor and ForbiddenError for a person without the permission. */
export function requirePermission(actor: Actor, permission: Permission, scope: { organisationId?: string } = {}): void {
  if (actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return actor;
}

/** The organisations whose records the actor sees through `permission` (null = all, agency-wide). */
export function organisationScope(actor: Actor, permission: Permission): string[] | null {
  if (actor.kind === 'system') return null;
  if (actor.kind !== 'user') return [];
  const policy: Policy = permissions[permission];
  if (policy.agency?.some((role) => actor.agencyRoles.includes(role))) return null;
  return actor.memberships.filter((m) => policy.organisation?.includes(m.role)).map((m) => m.organisationId);
}
