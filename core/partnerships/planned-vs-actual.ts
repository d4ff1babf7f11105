import { planMatrix, type MatrixFlow } from './plan-matrix.ts';

/**
 * Actual exchanges tracked against the plan (docs/architecture.md#exchange-plan-and-flows): per partner, how many it planned to send
 * and host and how many it has, with a flag where it falls behind or where the actual exchanges break
 * reciprocity. Pure, no I/O. "Actual" is the people who went: participants in placement, returned,
 * completed, alumni or ended early (EXCHANGED_STATUSES in core/participants/participant-lifecycle.ts);
 * nominations and people withdrawn before leaving are not counted by the callers.
 */
export interface PlannedFlow extends MatrixFlow {
  /** YYYY-MM; a flow that starts after `asOfMonth` is not due yet and cannot be behind. */
  startMonth?: string;
}

/**
 * `sendsNoOne`/`hostsNoOne`: the actual exchanges show this partner sending or hosting no one (an
 * imbalance); `sendsBehind`/`hostsBehind`: fewer than the plan had due by now. At most one per direction.
 */
export type BalanceFlag = 'sendsNoOne' | 'hostsNoOne' | 'sendsBehind' | 'hostsBehind';

export interface PartnerBalance {
  partnerId: string;
  plannedSent: number;
  actualSent: number;
  plannedHosted: number;
  actualHosted: number;
  flags: BalanceFlag[];
}

export interface PlannedVsActual {
  /** False before the first participant exists: then actual figures mean nothing yet, and nothing is flagged. */
  hasActual: boolean;
  partners: PartnerBalance[];
}

export function plannedVsActual(
  partners: readonly string[],
  planned: readonly PlannedFlow[],
  actual: readonly MatrixFlow[],
  options: { asOfMonth?: string } = {},
): PlannedVsActual {
  const plan = planMatrix(partners, planned);
  const due = planMatrix(partners, planned.filter((f) => isDue(f, options.asOfMonth)));
  const done = planMatrix(partners, actual);
  const hasActual = done.total > 0;
  const at = (m: typeof plan, id: string, totals: 'rowTotals' | 'columnTotals') => {
    const i = m.partners.indexOf(id);
    return i < 0 ? 0 : m[totals][i]!;
  };
  const ids = [...new Set([...plan.partners, ...done.partners])];
  return {
    hasActual,
    partners: ids.map((id) => {
      const row = {
        partnerId: id,
        plannedSent: at(plan, id, 'rowTotals'),
        actualSent: at(done, id, 'rowTotals'),
        plannedHosted: at(plan, id, 'columnTotals'),
        actualHosted: at(done, id, 'columnTotals'),
      };
      const flags: BalanceFlag[] = [];
      if (hasActual) {
        if (row.actualSent === 0) flags.push('sendsNoOne');
        else if (row.actualSent < at(due, id, 'rowTotals')) flags.push('sendsBehind');
        if (row.actualHosted === 0) flags.push('hostsNoOne');
        else if (row.actualHosted < at(due, id, 'columnTotals')) flags.push('hostsBehind');
      }
      return { ...row, flags };
    }),
  };
}

function isDue(flow: PlannedFlow, asOfMonth: string | undefined): boolean {
  return !asOfMonth || !flow.startMonth || flow.startMonth <= asOfMonth;
}
