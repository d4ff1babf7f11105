import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { allocateFunds } from '../../core/finance/allocate-funds.ts';
import { FundsShortError } from '../../core/finance/funds-short-error.ts';
import { budgetYearParam } from '../../core/finance/budget-year.ts';
import { getBudgetYear } from '../../core/finance/get-budget-year.ts';
import { documentRefInput, postingReasonInput, typedAmountInput } from '../../core/finance/money-input.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { FundsUsedBy } from '../finance/funds-used-by.tsx';
import { fundsUseLines, type FundsUseLine } from '../finance/funds-use-lines.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, mergeFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import type { Route } from './+types/finance-allocation-new';

const fields = ['target', 'amount', 'reason', 'documentRef'] as const;
type Values = Record<(typeof fields)[number] | 'year', string>;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const allocationForm = z.object({
  target: z.string().regex(new RegExp(`^(programme|call):${uuid.source.slice(1, -1)}$`), 'chooseAllocationTarget'),
  amount: typedAmountInput,
  reason: postingReasonInput,
  documentRef: documentRefInput,
});

/** The year's programmes and the calls opening that year, each with what it has not passed on: where money can go. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const url = new URL(request.url);
    const call = url.searchParams.get('call') ?? '';
    // The finance page links a call with its year (`?year=2026&call=…`): a call of another year is not offered.
    const budget = await getBudgetYear(context.core, budgetYearParam(url.searchParams.get('year'), context.core.now()));
    const preselected = budget.programmes.some((p) => p.calls.some((c) => c.id === call)) ? `call:${call}` : '';
    return { budget, preselected };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries([...fields, 'year'].map((f) => [f, String(form.get(f) ?? '')])) as Values;
    const year = budgetYearParam(values.year, context.core.now());
    const parsed = allocationForm.safeParse(values);
    if (!parsed.success)
      return data(
        {
          errors: mergeFieldErrors(zodFieldErrors(t, parsed.error), fields),
          values,
          usedBy: [] as FundsUseLine[],
        },
        { status: 400 },
      );
    const { target, amount, reason, documentRef } = parsed.data;
    const [kind, id] = target.split(':') as ['programme' | 'call', string];
    try {
      await allocateFunds(
        context.core,
        kind === 'programme'
          ? {
              to: 'programme',
              programmeId: id,
              year,
              amountMinor: amount,
              reason,
              documentRef,
            }
          : {
              to: 'call',
              callId: id,
              amountMinor: amount,
              reason,
              documentRef,
            },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 403 || error.status === 401) throw error;
      const field = error.status === 404 ? 'target' : 'amount';
      return data(
        {
          errors: mergeFieldErrors(domainFieldErrors(t, error, field), fields),
          values,
          usedBy: error instanceof FundsShortError ? fundsUseLines(t, error) : [],
        },
        { status: error.status },
      );
    }
    return redirect(`/${t.locale}/finance?year=${year}&done=allocated`);
  });
}

export default function FinanceAllocationNew() {
  const { budget, preselected } = useLoaderData<typeof loader>();
  const result = useActionData<{
    errors: FieldError[];
    values: Values;
    usedBy: FundsUseLine[];
  }>();
  const { t, money } = useI18n();
  const errors = result?.errors ?? [];
  const values = result?.values;
  const targetError = errors.find((e) => e.field === 'target')?.message;
  return (
    <>
      <PageHeading title={t('finance.allocation.title', { year: budget.year })} />
      <p className="ds-paragraph">
        {t('finance.allocation.intro', {
          amount: money(budget.totals.unallocated, budget.currency),
          year: budget.year,
        })}
      </p>
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <Form method="post" className="form-grid" noValidate>
        <input type="hidden" name="year" value={budget.year} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="target">
            {t('finance.field.target')}
          </label>
          <p id="target-hint" className="ds-paragraph field-hint" data-size="sm">
            {t('finance.field.targetHint')}
          </p>
          <select
            id="target"
            name="target"
            className="ds-input"
            defaultValue={values?.target ?? preselected}
            aria-invalid={targetError ? true : undefined}
            aria-describedby={targetError ? 'target-hint target-error' : 'target-hint'}
          >
            <option value="">{t('finance.field.targetChoose')}</option>
            <optgroup
              label={t('finance.allocation.toProgrammes', {
                year: budget.year,
              })}
            >
              {budget.programmes.map((p) => (
                <option key={p.id} value={`programme:${p.id}`}>
                  {t('finance.allocation.programmeOption', { name: p.name, amount: money(p.figures.unallocated, budget.currency) })}
                </option>
              ))}
            </optgroup>
            {budget.programmes.some((p) => p.calls.length > 0) ? (
              <optgroup label={t('finance.allocation.toCalls')}>
                {budget.programmes.flatMap((p) =>
                  p.calls.map((c) => (
                    <option key={c.id} value={`call:${c.id}`}>
                      {t('finance.allocation.callOption', { title: c.title, name: p.name, left: money(p.figures.unallocated, budget.currency) })}
                    </option>
                  )),
                )}
              </optgroup>
            ) : null}
          </select>
          {targetError ? (
            <p id="target-error" className="ds-validation-message" data-color="danger">
              {targetError}
            </p>
          ) : null}
        </div>
        <TextField name="amount" label={t('finance.field.amount')} hint={t('finance.field.amountHint')} errors={errors} defaultValue={values?.amount} autoComplete="off" />
        <FundsUsedBy lines={result?.usedBy ?? []} />
        <TextField name="reason" label={t('finance.field.reason')} errors={errors} defaultValue={values?.reason} />
        <TextField name="documentRef" label={t('finance.field.documentRef')} errors={errors} defaultValue={values?.documentRef} />
        <div className="form-grid__actions">
          <button type="submit" className="ds-button" data-variant="primary">
            {t('finance.allocation.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
