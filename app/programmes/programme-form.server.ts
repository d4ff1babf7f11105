import { AGE_LIMITS, percentText, programmeInput } from '../../core/programmes/programme-input.ts';
import type { Translator } from '../../i18n/translator.ts';
import { zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import type { ProgrammeValues } from './programme-fields.tsx';

/** What the programme form sent, as typed (so a refused form comes back exactly as it was). */
export function readProgrammeForm(form: FormData): ProgrammeValues {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    code: text('code'),
    name: text('name'),
    minAge: text('minAge'),
    maxAge: text('maxAge'),
    stayMonths: form.getAll('stayMonths').map(String),
    allowedShapes: form.getAll('allowedShapes').map(String),
    documents: text('documents'),
    trancheShares: text('trancheShares'),
    varianceThreshold: text('varianceThreshold'),
  };
}

/** A stored programme as the form shows it. */
export function programmeValues(p: { code: string; name: string; minAge: number; maxAge: number; stayMonths: number[]; allowedShapes: string[]; documents: string[]; trancheSharesBasisPoints: number[]; varianceThresholdBasisPoints: number }): ProgrammeValues {
  return {
    code: p.code,
    name: p.name,
    minAge: String(p.minAge),
    maxAge: String(p.maxAge),
    stayMonths: p.stayMonths.map(String),
    allowedShapes: p.allowedShapes,
    documents: p.documents.join('\n'),
    trancheShares: p.trancheSharesBasisPoints.map(percentText).join(', '),
    varianceThreshold: percentText(p.varianceThresholdBasisPoints),
  };
}

/** Parses the form: the input for core, or one translated message per refused field. */
export function parseProgrammeForm(t: Translator, values: ProgrammeValues) {
  const parsed = programmeInput.safeParse(values);
  if (parsed.success) return { input: parsed.data, errors: [] as FieldError[] };
  return { input: null, errors: zodFieldErrors(t, parsed.error, AGE_LIMITS) };
}
