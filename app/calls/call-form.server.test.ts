import { describe, expect, it } from 'vitest';
import { locales } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { callYears } from '../../core/calls/call-dates.ts';
import { callValues, parseCallForm, readCallForm } from './call-form.server.ts';

const stored = {
  title: 'Health 2027: collaboration agreements',
  programmeId: '00000000-0000-4000-8000-000000000001',
  stage: 'agreement',
  opensOn: '2026-09-01',
  deadline: '2026-12-15',
  budgetCeilingMinor: 30_000_000_00,
  priorities: ['Maternal and newborn health', 'Nursing education'],
};
const criteria = [{ name: 'Relevance', weight: 60 }, { name: 'Reciprocity', weight: 40 }];

describe('the call form', () => {
  it.each(locales)('in %s, shows a stored call so that saving it unchanged gives the same call back', (locale) => {
    const t = createTranslator(locale);
    const values = callValues(t, stored, criteria);
    const { input, errors } = parseCallForm(t, values);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ ...stored, criteria, currency: 'NOK' });
  });

  it('pairs the n-th criterion name with the n-th weight, as the browser sends six rows', () => {
    const form = new FormData();
    for (const [name, weight] of [['Relevance', '60'], ['Reciprocity', '40'], ['', ''], ['', ''], ['', ''], ['', '']]) {
      form.append('criterionName', name!);
      form.append('criterionWeight', weight!);
    }
    expect(readCallForm(form).criteria.slice(0, 3)).toEqual([{ name: 'Relevance', weight: '60' }, { name: 'Reciprocity', weight: '40' }, { name: '', weight: '' }]);
  });

  it('names the sum of the weights in the user’s language', () => {
    const t = createTranslator('nb');
    const { errors } = parseCallForm(t, { ...callValues(t, stored, criteria), criteria: [{ name: 'Relevance', weight: '50' }, { name: 'Reciprocity', weight: '40' }] });
    expect(errors).toEqual([{ field: 'criteria', message: 'Vektene blir til sammen 90. De må bli nøyaktig 100.' }]);
  });

  it.each(locales)('in %s, shows every refused field at once, top to bottom, the dates’ message naming the years allowed', (locale) => {
    const t = createTranslator(locale);
    const typed = { ...callValues(t, stored, criteria), title: '', opensOn: '1066-10-14', deadline: '9999-12-31', budgetCeiling: 'lots', criteria: [{ name: 'Relevance', weight: '90' }] };
    const { errors } = parseCallForm(t, typed);
    const years = { first: '2001', last: String(callYears(new Date()).last) };
    expect(errors.map((e) => e.field)).toEqual(['title', 'opensOn', 'deadline', 'budgetCeiling', 'criteria']);
    expect(errors.find((e) => e.field === 'opensOn')?.message).toBe(t.t('error.callDateOutOfRange', years));
    expect(errors.find((e) => e.field === 'deadline')?.message).toContain(years.last);
    expect(errors.find((e) => e.field === 'criteria')?.message).toBe(t.t('error.weightsSum', { sum: 90 }));
  });
});
