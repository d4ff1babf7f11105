/**
 * One thing waiting for someone on their start page: `type` names its message (`start.item.<type>`), `href`
 * the page (without the language prefix) where it is done. The other fields fill the message; codes
 * (report kind, severity, incident kind) are translated by the page.
 */
export interface StartItem {
  type:
    | 'nominate'
    | 'hostDecision'
    | 'documentToReview'
    | 'reportToReview'
    | 'reportOverdue'
    | 'approve'
    | 'overPlan'
    | 'incident'
    | 'consent'
    | 'documentMissing'
    | 'documentReturned'
    | 'course'
    | 'reportDue'
    | 'engagement'
    | 'alumni'
    | 'callUnfunded'
    | 'callNearlySpent'
    | 'yearUnallocated'
    | 'tranchesToApprove'
    | 'tranchesToPay'
    | 'financialReportsToReview';
  href: string;
  participant?: string;
  partnership?: string;
  count?: number;
  from?: string;
  to?: string;
  documentKind?: string;
  reportKind?: string;
  /** Every kind of report a participant owes past its day (`reportOverdue`: one item per participant; `count` of them). */
  reportKinds?: string[];
  /** A report's due date (ISO 8601), and whether it has passed (`reportDue`). */
  dueOn?: string;
  late?: boolean;
  severity?: string;
  incidentKind?: string;
  /** A call's title (finance items). */
  call?: string;
  /** Money in minor units of NOK, formatted by the page. */
  amountMinor?: number;
  year?: number;
}

/** A group of items: one per organisation a coordinator coordinates, one for the agency, one for the participant. */
export interface StartSection {
  kind: 'coordinator' | 'agency' | 'finance' | 'participant';
  organisation?: string;
  items: StartItem[];
}
