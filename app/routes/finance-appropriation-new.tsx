import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import { appropriateYear } from '../../core/finance/appropriate-year.ts';
import { agencyYear } from '../../core/finance/budget-year.ts';
import { budgetYearInput, documentRefInput, postingReasonInput, typedAmountInput } from '../../core/finance/money-input.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/finance-appropriation-new';

const fields = ['year', 'amount', 'reason', 'documentRef'] as const;
type Values = Record<(typeof fields)[number], string>;

const appropriationForm = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'chooseYear')
    .transform(Number)
    .pipe(budgetYearInput),
  amount: typedAmountInput,
  reason: postingReasonInput,
  documentRef: documentRefInput,
});

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const year = new URL(request.url).searchParams.get('year') ?? '';
    return {
      year: /^\d{4}$/.test(year) ? year : String(agencyYear(context.core.now())),
    };
  });
}

/** Records what Parliament appropriated for a year, with the document it stems from. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? '')])) as Values;
    const parsed = appropriationForm.safeParse(values);
    if (!parsed.success)
      return data(
        {
          errors: mergeFieldErrors(zodFieldErrors(t, parsed.error), fields),
          values,
        },
        { status: 400 },
      );
    const { year, amount, reason, documentRef } = parsed.data;
    await appropriateYear(context.core, {
      year,
      amountMinor: amount,
      reason,
      documentRef,
    });
    return redirect(`/${t.locale}/finance?year=${year}&done=appropriated`);
  });
}

export default function FinanceAppropriationNew() {
  const { year } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: Values }>();
  const { t } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values;
  return (
    <>
      <PageHeading title={t('finance.appropriation.title')} />
      <p className="ds-paragraph">{t('finance.appropriation.intro')}</p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <TextField name="year" label={t('finance.field.year')} errors={errors} defaultValue={values?.year ?? year} />
        <TextField name="amount" label={t('finance.field.amount')} hint={t('finance.field.amountHint')} errors={errors} defaultValue={values?.amount} autoComplete="off" />
        <TextField name="reason" label={t('finance.field.reason')} hint={t('finance.appropriation.reasonHint')} errors={errors} defaultValue={values?.reason} />
        <TextField name="documentRef" label={t('finance.field.documentRef')} hint={t('finance.appropriation.documentHint')} errors={errors} defaultValue={values?.documentRef} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('finance.appropriation.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
