import { minorPerMajor } from '../../core/finance/money.ts';
import { unitCostDraftInput } from '../../core/unit-costs/unit-cost-input.ts';
import { COST_GROUP_CODES, DISTANCE_BAND_CODES, SCALAR_RATES, type CostGroup, type DistanceBand, type DraftRates } from '../../core/unit-costs/unit-cost-rates.ts';
import type { Translator } from '../../i18n/translator.ts';
import { mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { unitCostFieldOrder, type UnitCostValues } from './unit-cost-fields.tsx';

/** What the editor posted, as typed (a refused form comes back exactly as it was). */
export function readUnitCostForm(form: FormData): UnitCostValues {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    allowances: Object.fromEntries(COST_GROUP_CODES.map((g) => [g, text(`allowances.${g}`)])) as Record<CostGroup, string>,
    countries: Object.fromEntries(COST_GROUP_CODES.map((g) => [g, text(`countries.${g}`)])) as Record<CostGroup, string>,
    travel: Object.fromEntries(DISTANCE_BAND_CODES.map((b) => [b, text(`travel.${b}`)])) as Record<DistanceBand, string>,
    insurancePerMonth: text('insurancePerMonth'),
    preparatoryCourse: text('preparatoryCourse'),
    visa: text('visa'),
    health: text('health'),
    adminShare: text('adminShare'),
  };
}

/**
 * A draft's rates as the editor shows them: whole kroner grouped as the locale writes numbers (the
 * rates are whole kroner, so the division is exact), country codes space-separated, the share a percentage.
 */
export function unitCostValues(t: Translator, rates: DraftRates): UnitCostValues {
  const per = minorPerMajor(rates.currency);
  const whole = (minor: number | null) => (minor === null ? '' : t.number(minor / per));
  const scalar = Object.fromEntries(SCALAR_RATES.map(({ key, field }) => [field, whole(rates[key])])) as Pick<UnitCostValues, 'insurancePerMonth' | 'preparatoryCourse' | 'visa' | 'health'>;
  return {
    allowances: Object.fromEntries(COST_GROUP_CODES.map((g) => [g, whole(rates.allowances[g])])) as Record<CostGroup, string>,
    countries: Object.fromEntries(COST_GROUP_CODES.map((g) => [g, rates.countries[g].join(' ')])) as Record<CostGroup, string>,
    travel: Object.fromEntries(DISTANCE_BAND_CODES.map((b) => [b, whole(rates.travel[b])])) as Record<DistanceBand, string>,
    ...scalar,
    adminShare: rates.adminShareBasisPoints === null ? '' : t.number(rates.adminShareBasisPoints / 100),
  };
}

/** Parses the form: the input for core, or one translated message per refused field, all at once, in the form's order. */
export function parseUnitCostForm(t: Translator, values: UnitCostValues) {
  const parsed = unitCostDraftInput.safeParse(values);
  if (parsed.success) return { input: parsed.data, errors: [] as FieldError[] };
  return { input: null, errors: mergeFieldErrors(zodFieldErrors(t, parsed.error, {}, (path) => path.map(String).join('.')), unitCostFieldOrder) };
}
