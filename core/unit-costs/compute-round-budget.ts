import type { DistanceBand } from '../../db/schema/unit-costs.ts';
import { shareOf, sumMinor, timesQuantity } from '../finance/money.ts';
import type { UnitCostRates } from './unit-cost-rates.ts';

/** What a budget line pays for. */
export const BUDGET_LINE_KINDS = ['allowance', 'travel', 'insurance', 'preparatory_course', 'visa', 'health', 'other', 'administration'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

/**
 * Why a line has no amount: the flow's distance is not known (so no travel band), or the host country
 * is in none of the table's cost groups (so no allowance rate). Such a line is shown, never guessed.
 */
export type BudgetLineProblem = 'distanceUnknown' | 'countryWithoutGroup';

/** One line of a round's exchange plan, as the budget needs it. */
export interface RoundBudgetFlow {
  id: string;
  sendingOrganisationId: string;
  hostOrganisationId: string;
  sendingCountryCode: string;
  hostCountryCode: string;
  /** People sent on this flow (a whole number above zero). */
  participants: number;
  /** Months each of them stays (a whole number above zero). */
  months: number;
}

export interface BudgetLine {
  /** The flow the line is for; null for the administration share, which is the round's. */
  flowId: string | null;
  /** The partner the line is paid to. */
  organisationId: string;
  kind: BudgetLineKind;
  /** People, person-months, or 1 for the administration share. */
  quantity: number;
  /** Minor units per unit; null when a `problem` leaves it unknown. */
  unitCostMinor: number | null;
  /** `quantity` × `unitCostMinor`, or null with a `problem`. */
  amountMinor: number | null;
  problem?: BudgetLineProblem;
  /** For the administration share: its rate and the direct costs it is a share of. */
  share?: { basisPoints: number; baseMinor: number };
  /** For a partner's other line (kind `other`): the line's id, label and justification. */
  other?: { id: string; label: string; justification: string };
}

/** A partner's other line on the round: a cost outside the unit costs, justified (core/budgets). */
export interface RoundOtherLine {
  id: string;
  organisationId: string;
  label: string;
  amountMinor: number;
  justification: string;
}

export interface PartnerBudget {
  organisationId: string;
  /** The partner's lines other than the administration share, with an amount. */
  directMinor: number;
  administrationMinor: number;
  totalMinor: number;
  /** Lines of this partner without an amount (see BudgetLineProblem). */
  problems: number;
}

export interface FlowBudget {
  flowId: string;
  amountMinor: number;
  problems: number;
}

export interface RoundBudget {
  currency: string;
  /** Flow by flow in the plan's order (allowance, travel, insurance, course, visa, health), the partners' other lines, then the administration share. */
  lines: BudgetLine[];
  flows: FlowBudget[];
  /** The coordinating partner first, then the others as the plan first names them. */
  partners: PartnerBudget[];
  directMinor: number;
  administrationMinor: number;
  totalMinor: number;
  /** Lines without an amount; the totals add up the lines that have one. */
  problems: number;
}

function wholeAboveZero(n: number, what: string) {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a whole number above zero, not ${n}`);
}

/**
 * A yearly round's budget from its exchange plan and a unit-cost table (issue 11, point 6). Pure: no
 * I/O, integer minor units only (core/finance/money.ts), so a line's amount is exactly its quantity times
 * its unit cost and every total is the exact sum of the lines under it.
 *
 * Who a line belongs to (the partner it is paid to, who then pays the cost):
 * - the **host** partner: the monthly **allowance** of the people it receives (participants × months at
 *   the rate of the host country's cost group), since it is paid out where they live;
 * - the **sending** partner: everything that prepares and moves its own people: **travel** (one return
 *   journey each, at the rate of the flow's distance band), **insurance** (participants × months),
 *   the **preparatory course**, **visa** and **health** lump sums (each per participant). No visa is
 *   budgeted when the host is in the sending partner's own country.
 * - the **coordinating** partner: the **administration share**, a rate (basis points) of the direct
 *   costs of the **whole round** (every partner's lines with an amount), not of its own subtotal: it
 *   administers the round for all partners (agreements, transfers, reports), work that grows with the
 *   round rather than with what it sends and hosts itself, and a share of its own subtotal would pay a
 *   small coordinator of a large triangular partnership less for more work. Rounded half away from zero.
 *
 * A line whose rate cannot be known is kept with a `problem` and no amount instead of a made-up one:
 * travel on a flow whose distance band is unknown (`bands` has null or nothing for it), an allowance in
 * a host country that is in no cost group. The totals then cover the other lines, and `problems` says
 * how many are missing (the administration share included only what is known).
 */
export function computeRoundBudget({
  flows,
  coordinatorOrganisationId,
  rates,
  bands,
  otherLines = [],
}: {
  flows: readonly RoundBudgetFlow[];
  /** The partners' other lines, in their order; paid to their partner, outside the administration share's base. */
  otherLines?: readonly RoundOtherLine[];
  coordinatorOrganisationId: string;
  rates: UnitCostRates;
  /** The distance band of each flow by its id; null (or absent) when the distance is unknown. */
  bands: ReadonlyMap<string, DistanceBand | null>;
}): RoundBudget {
  const lines: BudgetLine[] = [];
  const priced = (flowId: string | null, organisationId: string, kind: BudgetLineKind, quantity: number, unitCostMinor: number): BudgetLine => ({
    flowId,
    organisationId,
    kind,
    quantity,
    unitCostMinor,
    amountMinor: timesQuantity(unitCostMinor, quantity),
  });
  const unpriced = (flowId: string, organisationId: string, kind: BudgetLineKind, quantity: number, problem: BudgetLineProblem): BudgetLine => ({
    flowId,
    organisationId,
    kind,
    quantity,
    unitCostMinor: null,
    amountMinor: null,
    problem,
  });

  for (const flow of flows) {
    wholeAboveZero(flow.participants, 'participants');
    wholeAboveZero(flow.months, 'months');
    const people = flow.participants;
    const personMonths = timesQuantity(flow.participants, flow.months);
    const sender = flow.sendingOrganisationId;
    const group = Object.hasOwn(rates.groupOf, flow.hostCountryCode) ? rates.groupOf[flow.hostCountryCode] : undefined;
    lines.push(group ? priced(flow.id, flow.hostOrganisationId, 'allowance', personMonths, rates.allowances[group]) : unpriced(flow.id, flow.hostOrganisationId, 'allowance', personMonths, 'countryWithoutGroup'));
    const band = bands.get(flow.id) ?? null;
    lines.push(band ? priced(flow.id, sender, 'travel', people, rates.travel[band]) : unpriced(flow.id, sender, 'travel', people, 'distanceUnknown'));
    lines.push(priced(flow.id, sender, 'insurance', personMonths, rates.insurancePerMonthMinor));
    lines.push(priced(flow.id, sender, 'preparatory_course', people, rates.preparatoryCourseMinor));
    if (flow.sendingCountryCode !== flow.hostCountryCode) lines.push(priced(flow.id, sender, 'visa', people, rates.visaMinor));
    lines.push(priced(flow.id, sender, 'health', people, rates.healthMinor));
  }

  const known = (ls: readonly BudgetLine[]) => sumMinor(ls.flatMap((l) => (l.amountMinor === null ? [] : [l.amountMinor])));
  const unitCostDirectMinor = known(lines);
  const administration = shareOf(unitCostDirectMinor, rates.adminShareBasisPoints);
  for (const o of otherLines) {
    if (!Number.isSafeInteger(o.amountMinor) || o.amountMinor < 1) throw new RangeError(`an other line's amount must be whole minor units above zero, not ${o.amountMinor}`);
    lines.push({ flowId: null, organisationId: o.organisationId, kind: 'other', quantity: 1, unitCostMinor: o.amountMinor, amountMinor: o.amountMinor, other: { id: o.id, label: o.label, justification: o.justification } });
  }
  const directMinor = known(lines);
  lines.push({
    flowId: null,
    organisationId: coordinatorOrganisationId,
    kind: 'administration',
    quantity: 1,
    unitCostMinor: administration,
    amountMinor: administration,
    share: { basisPoints: rates.adminShareBasisPoints, baseMinor: unitCostDirectMinor },
  });

  const order = [coordinatorOrganisationId, ...flows.flatMap((f) => [f.sendingOrganisationId, f.hostOrganisationId]), ...otherLines.map((o) => o.organisationId)];
  const partners: PartnerBudget[] = [...new Set(order)].map((organisationId) => {
    const own = lines.filter((l) => l.organisationId === organisationId);
    const direct = known(own.filter((l) => l.kind !== 'administration'));
    const admin = known(own.filter((l) => l.kind === 'administration'));
    return { organisationId, directMinor: direct, administrationMinor: admin, totalMinor: sumMinor([direct, admin]), problems: own.filter((l) => l.problem).length };
  });
  const flowBudgets: FlowBudget[] = flows.map((f) => {
    const own = lines.filter((l) => l.flowId === f.id);
    return { flowId: f.id, amountMinor: known(own), problems: own.filter((l) => l.problem).length };
  });

  return {
    currency: rates.currency,
    lines,
    flows: flowBudgets,
    partners,
    directMinor,
    administrationMinor: administration,
    totalMinor: sumMinor([directMinor, administration]),
    problems: lines.filter((l) => l.problem).length,
  };
}
