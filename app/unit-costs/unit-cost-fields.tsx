import { COST_GROUP_CODES, DISTANCE_BAND_CODES, type CostGroup, type DistanceBand } from '../../core/unit-costs/unit-cost-rates.ts';
import type { FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { bandLabel } from './unit-cost-labels.ts';

/** The draft editor's values as typed: every field a string (whole kroner, country codes, a percentage). */
export interface UnitCostValues {
  allowances: Record<CostGroup, string>;
  countries: Record<CostGroup, string>;
  travel: Record<DistanceBand, string>;
  insurancePerMonth: string;
  preparatoryCourse: string;
  visa: string;
  health: string;
  adminShare: string;
}

/** The fields, top to bottom, by the names the form posts (and the error summary links to). */
export const unitCostFieldOrder = [
  ...COST_GROUP_CODES.flatMap((g) => [`allowances.${g}`, `countries.${g}`]),
  ...DISTANCE_BAND_CODES.map((b) => `travel.${b}`),
  'insurancePerMonth',
  'preparatoryCourse',
  'visa',
  'health',
  'adminShare',
];

/**
 * The draft editor: a plain form that works without JavaScript. Each cost group has its monthly
 * allowance and its host countries (codes typed in a box, the names shown under it); travel has a
 * field per distance band; then the amounts per participant and the administration share.
 */
export function UnitCostFields({ values, errors }: { values: UnitCostValues; errors: FieldError[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = (typed: string) =>
    typed
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean)
      .map((c) => i18n.country(c) ?? c)
      .join(', ');
  return (
    <>
      <fieldset className="form-grid__wide ds-fieldset">
        <legend className="ds-heading" data-size="sm">
          {t('unitCosts.allowances.title')}
        </legend>
        <p className="ds-paragraph">{t('unitCosts.edit.allowancesLead')}</p>
        <div className="form-grid">
          {COST_GROUP_CODES.map((g) => (
            <div key={g} className="stack">
              <TextField name={`allowances.${g}`} label={t('unitCosts.edit.allowance', { group: g })} hint={t('unitCosts.edit.wholeKroner')} errors={errors} defaultValue={values.allowances[g]} />
              <TextAreaField
                name={`countries.${g}`}
                label={t('unitCosts.edit.countries', { group: g })}
                hint={values.countries[g].trim() ? t('unitCosts.edit.countriesNow', { names: names(values.countries[g]) }) : t('unitCosts.edit.countriesHint')}
                errors={errors}
                defaultValue={values.countries[g]}
                rows={3}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="form-grid__wide ds-fieldset">
        <legend className="ds-heading" data-size="sm">
          {t('unitCosts.travel.title')}
        </legend>
        <p className="ds-paragraph">{t('unitCosts.travel.lead')}</p>
        <div className="form-grid">
          {DISTANCE_BAND_CODES.map((b) => (
            <TextField key={b} name={`travel.${b}`} label={t('unitCosts.edit.travel', { band: bandLabel(i18n, b) })} hint={t('unitCosts.edit.wholeKroner')} errors={errors} defaultValue={values.travel[b]} />
          ))}
        </div>
      </fieldset>
      <fieldset className="form-grid__wide ds-fieldset">
        <legend className="ds-heading" data-size="sm">
          {t('unitCosts.other.title')}
        </legend>
        <div className="form-grid">
          <TextField name="insurancePerMonth" label={t('unitCosts.rate.insurancePerMonth')} hint={t('unitCosts.edit.wholeKroner')} errors={errors} defaultValue={values.insurancePerMonth} />
          <TextField name="preparatoryCourse" label={t('unitCosts.rate.preparatoryCourse')} hint={t('unitCosts.edit.wholeKroner')} errors={errors} defaultValue={values.preparatoryCourse} />
          <TextField name="visa" label={t('unitCosts.rate.visa')} hint={t('unitCosts.edit.wholeKroner')} errors={errors} defaultValue={values.visa} />
          <TextField name="health" label={t('unitCosts.rate.health')} hint={t('unitCosts.edit.wholeKroner')} errors={errors} defaultValue={values.health} />
          <TextField name="adminShare" label={t('unitCosts.rate.adminShare')} hint={t('unitCosts.edit.shareHint')} errors={errors} defaultValue={values.adminShare} />
        </div>
      </fieldset>
    </>
  );
}
