import { COST_GROUP_CODES, DISTANCE_BAND_CODES, type CostGroup, type DistanceBand } from '../../db/schema/unit-costs.ts';
import type { FieldProblem } from '../errors.ts';

// The codes, for pages and the API, which reach the schema through core.
export { COST_GROUP_CODES, DISTANCE_BAND_CODES, type CostGroup, type DistanceBand } from '../../db/schema/unit-costs.ts';

/**
 * A unit-cost table's rates as a draft holds them: any rate may still be unset (null). Amounts are
 * integer minor units of `currency`; the administration share is in basis points (700 = 7 %).
 * `countries` lists each cost group's host countries (ISO 3166-1 alpha-2, sorted).
 */
export interface DraftRates {
  currency: string;
  allowances: Record<CostGroup, number | null>;
  countries: Record<CostGroup, string[]>;
  travel: Record<DistanceBand, number | null>;
  insurancePerMonthMinor: number | null;
  preparatoryCourseMinor: number | null;
  visaMinor: number | null;
  healthMinor: number | null;
  adminShareBasisPoints: number | null;
}

/** A published table's rates: every rate set. What `computeRoundBudget` computes with. */
export interface UnitCostRates {
  currency: string;
  allowances: Record<CostGroup, number>;
  /** Host country → its cost group; a country not in any group has no allowance rate. */
  groupOf: Record<string, CostGroup>;
  travel: Record<DistanceBand, number>;
  insurancePerMonthMinor: number;
  preparatoryCourseMinor: number;
  visaMinor: number;
  healthMinor: number;
  adminShareBasisPoints: number;
}

/** The scalar rates, in the order forms and tables show them, with the input field each is typed in. */
export const SCALAR_RATES = [
  { key: 'insurancePerMonthMinor', field: 'insurancePerMonth' },
  { key: 'preparatoryCourseMinor', field: 'preparatoryCourse' },
  { key: 'visaMinor', field: 'visa' },
  { key: 'healthMinor', field: 'health' },
] as const;

/** A draft with nothing set yet: what a first version starts from when there is no earlier one to copy. */
export function emptyRates(currency = 'NOK'): DraftRates {
  return {
    currency,
    allowances: Object.fromEntries(COST_GROUP_CODES.map((g) => [g, null])) as Record<CostGroup, null>,
    countries: Object.fromEntries(COST_GROUP_CODES.map((g) => [g, []])) as unknown as Record<CostGroup, string[]>,
    travel: Object.fromEntries(DISTANCE_BAND_CODES.map((b) => [b, null])) as Record<DistanceBand, null>,
    insurancePerMonthMinor: null,
    preparatoryCourseMinor: null,
    visaMinor: null,
    healthMinor: null,
    adminShareBasisPoints: null,
  };
}

/**
 * Every rate a draft still lacks before it can be published, each named by its input field
 * (`allowances.A`, `travel.8000+`, `insurancePerMonth`, `adminShare`), all at once.
 */
export function missingRates(rates: DraftRates): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const g of COST_GROUP_CODES) if (rates.allowances[g] === null) problems.push({ field: `allowances.${g}`, code: 'rateMissing' });
  for (const b of DISTANCE_BAND_CODES) if (rates.travel[b] === null) problems.push({ field: `travel.${b}`, code: 'rateMissing' });
  for (const { key, field } of SCALAR_RATES) if (rates[key] === null) problems.push({ field, code: 'rateMissing' });
  if (rates.adminShareBasisPoints === null) problems.push({ field: 'adminShare', code: 'rateMissing' });
  return problems;
}

/** The rates of a complete table (a published one), or null while any rate is missing. */
export function completeRates(rates: DraftRates): UnitCostRates | null {
  if (missingRates(rates).length > 0) return null;
  const groupOf: Record<string, CostGroup> = {};
  for (const g of COST_GROUP_CODES) for (const country of rates.countries[g]) groupOf[country] = g;
  return {
    currency: rates.currency,
    allowances: rates.allowances as Record<CostGroup, number>,
    groupOf,
    travel: rates.travel as Record<DistanceBand, number>,
    insurancePerMonthMinor: rates.insurancePerMonthMinor!,
    preparatoryCourseMinor: rates.preparatoryCourseMinor!,
    visaMinor: rates.visaMinor!,
    healthMinor: rates.healthMinor!,
    adminShareBasisPoints: rates.adminShareBasisPoints!,
  };
}
