import type { CallStage } from '../../db/schema/calls.ts';
import type { ErrorCode } from '../errors.ts';

/** One granted link of a partnership's chain, with the status of the application that granted it. */
export interface GrantedStage {
  kind: CallStage;
  startsOn: string;
  endsOn: string;
  /** The granting application's status: approved, active, closing or closed. */
  status: string;
}

export interface ContinuedPartnership {
  title: string;
  programmeId: string;
  programmeName: string;
  status: string;
  stages: readonly GrantedStage[];
}

export interface ContinuingCall {
  stage: CallStage;
  programmeId: string;
  programmeName: string;
}

/** Why a partnership cannot continue into a call: a message code `error.<code>` and its values. */
export interface ContinuationProblem {
  code: ErrorCode;
  params: Record<string, string>;
}

/** An agreement's application that has been approved and not yet wound down. */
const RUNNING = ['approved', 'active'];

/** The agreement in force on `today` (YYYY-MM-DD, Oslo): approved or running, and not yet ended. */
export function agreementInForce<S extends GrantedStage>(stages: readonly S[], today: string): S | undefined {
  return stages.filter((s) => s.kind === 'agreement' && RUNNING.includes(s.status) && s.endsOn >= today).sort((a, b) => (a.endsOn < b.endsOn ? 1 : -1))[0];
}

/**
 * The agreement chain's rule (docs/decisions/006, addendum): which stage may continue a partnership.
 * A feasibility study starts a partnership and never continues one; a collaboration agreement follows
 * a feasibility study or an earlier agreement; an exchange round needs an agreement in force. The call
 * must be of the partnership's own programme, and a closed partnership continues no more.
 * Pure: used when an application starts, when it is submitted and when it is approved.
 */
export function continuationProblem(partnership: ContinuedPartnership, call: ContinuingCall, today: string): ContinuationProblem | null {
  const partnershipName = partnership.title;
  if (call.programmeId !== partnership.programmeId) {
    return { code: 'continuationOtherProgramme', params: { partnership: partnershipName, programme: partnership.programmeName, callProgramme: call.programmeName } };
  }
  if (partnership.status === 'closed') return { code: 'partnershipClosed', params: { partnership: partnershipName } };
  if (call.stage === 'feasibility') return { code: 'feasibilityStartsPartnership', params: { partnership: partnershipName } };
  if (call.stage === 'agreement') {
    if (!partnership.stages.some((s) => s.kind === 'feasibility' || s.kind === 'agreement')) return { code: 'agreementNeedsStudy', params: { partnership: partnershipName } };
    return null;
  }
  if (!partnership.stages.some((s) => s.kind === 'agreement')) return { code: 'roundNeedsAgreement', params: { partnership: partnershipName } };
  if (!agreementInForce(partnership.stages, today)) {
    const last = partnership.stages.filter((s) => s.kind === 'agreement').sort((a, b) => (a.endsOn < b.endsOn ? 1 : -1))[0]!;
    return RUNNING.includes(last.status)
      ? { code: 'agreementEnded', params: { partnership: partnershipName, endsOn: last.endsOn } }
      : { code: 'agreementWindingDown', params: { partnership: partnershipName } };
  }
  return null;
}
