import type { ErrorCode, FieldProblem } from '../errors.ts';
import type { EligibilityProblem } from './check-eligibility.ts';
import type { ParticipantStatus } from './participant-lifecycle.ts';

/** What the lifecycle's guards look at, read from the participant's own tables (move-participant.ts). */
export interface MoveFacts {
  hostDecision: 'pending' | 'accepted' | 'declined';
  overPlan: boolean;
  overPlanApproved: boolean;
  /** Eligibility problems without an adviser's exception. */
  openEligibilityProblems: readonly EligibilityProblem[];
  /** The programme's documents checklist (`programmes.documents`). */
  checklist: readonly string[];
  /** The kinds of the participant's documents that are accepted. */
  acceptedDocuments: readonly string[];
  /** Course kinds the participant attended in full (every session of a course they are enrolled in). */
  attendedCourses: readonly string[];
  finalReport: 'draft' | 'submitted' | 'accepted' | 'returned' | null;
}

/**
 * Why a participant cannot move to `to` yet, every reason at once (empty when they can). Pure.
 * - approved: the host accepted, going over the plan was approved where needed, and every eligibility
 *   problem is solved or excepted (those problems are named themselves);
 * - in placement: every document of the checklist accepted, and a preparatory course attended;
 * - completed: the final report submitted (or already accepted), and a homecoming seminar attended.
 */
export function moveProblems(to: ParticipantStatus, facts: MoveFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (code: ErrorCode, params?: Record<string, string | number>) => problems.push({ field: 'to', code, ...(params ? { params } : {}) });
  if (to === 'approved') {
    if (facts.hostDecision !== 'accepted') add('hostNotAccepted');
    if (facts.overPlan && !facts.overPlanApproved) add('overPlanNotApproved');
    problems.push(...facts.openEligibilityProblems);
  }
  if (to === 'in_placement') {
    const accepted = new Set(facts.acceptedDocuments.map((d) => d.trim()));
    const missing = facts.checklist.map((d) => d.trim()).filter((d) => d !== '' && !accepted.has(d));
    if (missing.length > 0) add('documentsNotAccepted', { documents: missing.join(', ') });
    if (!facts.attendedCourses.includes('preparatory')) add('preparatoryCourseNotAttended');
  }
  if (to === 'completed') {
    if (facts.finalReport !== 'submitted' && facts.finalReport !== 'accepted') add('finalReportMissing');
    if (!facts.attendedCourses.includes('homecoming')) add('homecomingNotAttended');
  }
  return problems;
}
