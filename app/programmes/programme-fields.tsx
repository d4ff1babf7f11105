import { AGE_LIMITS, SHAPES, TYPICAL_STAY_MONTHS } from '../../core/programmes/programme-input.ts';
import { shapeMessage } from '../partnerships/shape-name.ts';
import { useI18n } from '../ui/i18n-context.tsx';
import { ChoiceGroup } from '../ui/choice-fields.tsx';
import type { FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';

export interface ProgrammeValues {
  code: string;
  name: string;
  minAge: string;
  maxAge: string;
  stayMonths: string[];
  allowedShapes: string[];
  documents: string;
  trancheShares: string;
  varianceThreshold: string;
}

export const emptyProgramme: ProgrammeValues = { code: '', name: '', minAge: '', maxAge: '', stayMonths: [], allowedShapes: [], documents: '', trancheShares: '80, 20', varianceThreshold: '10' };

/** A programme's rules, shared by the new-programme and edit forms. */
export function ProgrammeFields({ values, errors }: { values: ProgrammeValues; errors: FieldError[] }) {
  const { t } = useI18n();
  // The typical lengths, plus any other length this programme already allows, so an edit keeps it.
  const months = [...new Set([...TYPICAL_STAY_MONTHS, ...values.stayMonths.map(Number).filter(Number.isInteger)])].sort((a, b) => a - b);
  const ageHint = t('programme.field.ageHint', AGE_LIMITS);
  return (
    <>
      <TextField name="name" label={t('programme.field.name')} errors={errors} defaultValue={values.name} />
      <TextField name="code" label={t('programme.field.code')} hint={t('programme.field.codeHint')} errors={errors} defaultValue={values.code} />
      <TextField name="minAge" label={t('programme.field.minAge')} hint={ageHint} errors={errors} defaultValue={values.minAge} />
      <TextField name="maxAge" label={t('programme.field.maxAge')} hint={ageHint} errors={errors} defaultValue={values.maxAge} />
      <ChoiceGroup
        type="checkbox"
        name="stayMonths"
        legend={t('programme.field.stayMonths')}
        hint={t('programme.field.stayMonthsHint')}
        errors={errors}
        choices={months.map((m) => ({ value: String(m), label: t('programme.field.months', { months: m }) }))}
        checked={values.stayMonths}
      />
      <ChoiceGroup
        type="checkbox"
        name="allowedShapes"
        legend={t('programme.field.shapes')}
        errors={errors}
        choices={SHAPES.map((s) => ({ value: s, label: t(shapeMessage[s]) }))}
        checked={values.allowedShapes}
      />
      <div className="form-grid__wide">
        <TextAreaField name="documents" label={t('programme.field.documents')} hint={t('programme.field.documentsHint')} errors={errors} defaultValue={values.documents} rows={7} />
      </div>
      <TextField name="trancheShares" label={t('tranches.programme.shares')} hint={t('tranches.programme.sharesHint')} errors={errors} defaultValue={values.trancheShares} autoComplete="off" />
      <TextField name="varianceThreshold" label={t('tranches.programme.variance')} hint={t('tranches.programme.varianceHint')} errors={errors} defaultValue={values.varianceThreshold} autoComplete="off" />
    </>
  );
}
