import { SelectField, TextAreaField, TextField } from '../ui/form-fields.tsx';
import { MAX_CRITERIA } from '../../core/calls/check-criteria.ts';
import { CALL_STAGES } from '../../core/calls/call-stages.ts';
import { stageMessage } from './call-labels.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import type { FieldError } from '../ui/field-errors.ts';

export interface CallValues {
  title: string;
  programmeId: string;
  stage: string;
  opensOn: string;
  deadline: string;
  budgetCeiling: string;
  priorities: string;
  criteria: { name: string; weight: string }[];
}

/** A call's fields, shared by the new-call and edit forms; the criteria always get MAX_CRITERIA rows. */
export function CallFields({ values, errors, programmes }: { values: CallValues; errors: FieldError[]; programmes: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const choose = { value: '', label: t('call.field.choose') };
  const rows = Array.from({ length: MAX_CRITERIA }, (_, i) => values.criteria[i] ?? { name: '', weight: '' });
  const criteriaError = errors.find((e) => e.field === 'criteria')?.message;
  return (
    <>
      <div className="form-grid__wide">
        <TextField name="title" label={t('call.field.title')} hint={t('call.field.titleHint')} errors={errors} defaultValue={values.title} />
      </div>
      <SelectField name="programmeId" label={t('call.field.programme')} errors={errors} defaultValue={values.programmeId} options={[choose, ...programmes.map((p) => ({ value: p.id, label: p.name }))]} />
      <SelectField name="stage" label={t('call.field.stage')} errors={errors} defaultValue={values.stage} options={[choose, ...CALL_STAGES.map((s) => ({ value: s, label: t(stageMessage[s]) }))]} />
      <TextField name="opensOn" type="date" label={t('call.field.opensOn')} errors={errors} defaultValue={values.opensOn} />
      <TextField name="deadline" type="date" label={t('call.field.deadline')} hint={t('call.field.deadlineHint')} errors={errors} defaultValue={values.deadline} />
      <TextField name="budgetCeiling" label={t('call.field.budgetCeiling')} hint={t('call.field.budgetCeilingHint')} errors={errors} defaultValue={values.budgetCeiling} />
      <div className="form-grid__wide">
        <TextAreaField name="priorities" label={t('call.field.priorities')} hint={t('call.field.prioritiesHint')} errors={errors} defaultValue={values.priorities} rows={4} />
      </div>
      <fieldset className="ds-fieldset form-grid__wide" aria-describedby={['criteria-hint', criteriaError ? 'criteria-error' : null].filter(Boolean).join(' ')}>
        <legend className="ds-label">{t('call.field.criteria')}</legend>
        <p id="criteria-hint" className="ds-paragraph field-hint" data-size="sm">
          {t('call.field.criteriaHint', { max: MAX_CRITERIA })}
        </p>
        {criteriaError ? (
          <p id="criteria-error" className="ds-validation-message" data-color="danger">
            {criteriaError}
          </p>
        ) : null}
        <table className="ds-table" data-border="true">
          <thead>
            <tr>
              <th scope="col">{t('call.criteria.name')}</th>
              <th scope="col" className="numeric">
                {t('call.criteria.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              // Only rows in use are marked: an empty row is not what is wrong.
              const invalid = criteriaError && (row.name.trim() || row.weight.trim()) ? true : undefined;
              const nameId = i === 0 ? 'criteria' : `criterionName-${i}`;
              return (
                <tr key={i}>
                  <td>
                    {/* The first name field carries the id the error summary links to. */}
                    <label className="ds-sr-only" htmlFor={nameId}>
                      {t('call.field.criterionName', { row: i + 1 })}
                    </label>
                    <input id={nameId} name="criterionName" className="ds-input" defaultValue={row.name} aria-invalid={invalid} />
                  </td>
                  <td className="numeric">
                    <label className="ds-sr-only" htmlFor={`criterionWeight-${i}`}>
                      {t('call.field.criterionWeight', { row: i + 1 })}
                    </label>
                    <input id={`criterionWeight-${i}`} name="criterionWeight" className="ds-input" inputMode="numeric" size={4} defaultValue={row.weight} aria-invalid={invalid} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    </>
  );
}
