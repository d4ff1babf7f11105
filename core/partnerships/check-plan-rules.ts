import { deriveShape, type PartnershipShape } from './derive-shape.ts';

/**
 * A programme's own rules for an exchange plan (docs/architecture.md#programme: allowed partnership
 * shapes, stay lengths in months). Reciprocity is checked separately (check-reciprocity.ts) because it holds for every
 * programme, while these rules differ per programme.
 */
export interface ProgrammeRules {
  allowedShapes: readonly PartnershipShape[];
  stayMonths: readonly number[];
}

export interface PlanForRules {
  /** One entry per partner organisation, not per distinct country (see deriveShape). */
  partnerCountries: readonly string[];
  flows: readonly { months: number }[];
}

export type PlanRuleProblem =
  | { code: 'shapeNotAllowed'; shape: PartnershipShape }
  | { code: 'noShape' }
  | { code: 'monthsNotAllowed'; flowIndex: number; months: number; allowed: number[] };

/** Shape problems first, then flows by index. An empty array means the plan fits the programme. */
export function checkPlanRules(plan: PlanForRules, programme: ProgrammeRules): PlanRuleProblem[] {
  const problems: PlanRuleProblem[] = [];

  const shape = deriveShape(plan.partnerCountries);
  if (shape === null) problems.push({ code: 'noShape' });
  else if (!programme.allowedShapes.includes(shape)) problems.push({ code: 'shapeNotAllowed', shape });

  // The allowed lengths travel with the problem so the message can offer them ("choose 6, 12 or 18").
  const allowed = [...programme.stayMonths].sort((a, b) => a - b);
  plan.flows.forEach((flow, flowIndex) => {
    if (!programme.stayMonths.includes(flow.months)) {
      problems.push({ code: 'monthsNotAllowed', flowIndex, months: flow.months, allowed: [...allowed] });
    }
  });

  return problems;
}
