import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { importExchangeRates } from '../../core/exchange-rates/import-exchange-rates.ts';
import { listExchangeRates } from '../../core/exchange-rates/list-exchange-rates.ts';
import { recordExchangeRate } from '../../core/exchange-rates/record-exchange-rate.ts';
import { can, requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, mergeFieldErrors, problemFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextAreaField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { FieldProblemsError } from '../../core/errors.ts';
import type { Route } from './+types/finance-exchange-rates';

const rateFields = ['currency', 'date', 'rate', 'source'] as const;
type Values = Record<(typeof rateFields)[number] | 'csv' | 'intent', string>;
/** The most a pasted or uploaded CSV may weigh here (as the API). */
const MAX_CSV_BYTES = 1_000_000;

/**
 * Exchange rates (issue 11): the list with filters for whoever reads finance; for finance officers and
 * administrators a form to enter one rate, and a CSV import (pasted or as a file) that names every bad
 * line at once and saves nothing unless all are valid.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const q = (k: string) => url.searchParams.get(k) ?? undefined;
    const list = await listExchangeRates(context.core, { currency: q('currency'), from: q('from'), to: q('to') });
    const imported = Number(url.searchParams.get('imported'));
    return {
      ...list,
      asked: { currency: q('currency') ?? '', from: q('from') ?? '', to: q('to') ?? '' },
      mayManage: can(context.core.actor, 'finance:manage'),
      done: url.searchParams.get('done') === 'recorded' ? ('recorded' as const) : Number.isSafeInteger(imported) && imported > 0 ? imported : null,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries([...rateFields, 'csv', 'intent'].map((f) => [f, typeof form.get(f) === 'string' ? String(form.get(f)) : ''])) as Values;
    try {
      if (values.intent === 'import') {
        const file = form.get('file');
        let csv = values.csv;
        if (file instanceof File && file.size > 0) {
          if (file.size > MAX_CSV_BYTES) throw new FieldProblemsError([{ field: 'csv', code: 'requestTooLarge' }]);
          csv = await file.text();
        }
        if (csv.length > MAX_CSV_BYTES) throw new FieldProblemsError([{ field: 'csv', code: 'requestTooLarge' }]);
        const { imported } = await importExchangeRates(context.core, { csv });
        return redirect(`/${t.locale}/finance/exchange-rates?imported=${imported}`);
      }
      await recordExchangeRate(context.core, { currency: values.currency, date: values.date, rate: values.rate, source: values.source });
      return redirect(`/${t.locale}/finance/exchange-rates?done=recorded`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 401 || error.status === 403 || error.status === 404) throw error;
      // Every bad line of an import is its own message (not one per field), so each line is named.
      const errors = values.intent === 'import' && error instanceof FieldProblemsError ? error.problems.flatMap((p) => problemFieldErrors(t, [p])) : mergeFieldErrors(domainFieldErrors(t, error, 'currency'), rateFields);
      return data({ errors, values: { ...values, csv: values.csv.slice(0, MAX_CSV_BYTES) } }, { status: error.status === 409 ? 409 : 400 });
    }
  });
}

export default function FinanceExchangeRates() {
  const { rates, currencies, more, asked, mayManage, done } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors: FieldError[]; values: Values }>();
  const { t, date, decimal } = useI18n();
  const errors = result?.errors ?? [];
  const typed = result?.values;
  const rateErrors = typed?.intent === 'import' ? [] : errors;
  const csvErrors = typed?.intent === 'import' ? errors : [];
  return (
    <>
      <PageHeading title={t('exchangeRates.title')} />
      <p className="ds-paragraph">{t('exchangeRates.lead')}</p>
      <SuccessNotice text={done === 'recorded' ? t('exchangeRates.done.recorded') : typeof done === 'number' ? t('exchangeRates.done.imported', { count: done }) : null} />
      <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
      <section aria-labelledby="rates-filter">
        <h2 id="rates-filter" className="ds-heading" data-size="sm">
          {t('exchangeRates.filter.heading')}
        </h2>
        <Form method="get" className="form-grid">
          <div className="ds-field">
            <label className="ds-label" htmlFor="filter-currency">
              {t('exchangeRates.filter.currency')}
            </label>
            <select id="filter-currency" name="currency" className="ds-input" defaultValue={asked.currency.toUpperCase()}>
              <option value="">{t('exchangeRates.filter.all')}</option>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="ds-field">
            <label className="ds-label" htmlFor="filter-from">
              {t('exchangeRates.filter.from')}
            </label>
            <input id="filter-from" name="from" type="date" className="ds-input" defaultValue={asked.from} />
          </div>
          <div className="ds-field">
            <label className="ds-label" htmlFor="filter-to">
              {t('exchangeRates.filter.to')}
            </label>
            <input id="filter-to" name="to" type="date" className="ds-input" defaultValue={asked.to} />
          </div>
          <div className="form-grid__actions">
            <button type="submit" className="ds-button" data-variant="secondary">
              {t('exchangeRates.filter.submit')}
            </button>
          </div>
        </Form>
      </section>
      {rates.length === 0 ? (
        <p className="ds-paragraph">{t('exchangeRates.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ds-table" data-border="true">
            <caption>{t('exchangeRates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchangeRates.column.date')}</th>
                <th scope="col">{t('exchangeRates.column.currency')}</th>
                <th scope="col" className="numeric">
                  {t('exchangeRates.column.rate')}
                </th>
                <th scope="col">{t('exchangeRates.column.source')}</th>
                <th scope="col">{t('exchangeRates.column.enteredBy')}</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id}>
                  <td>{date(r.date)}</td>
                  <th scope="row">{r.currency}</th>
                  <td className="numeric">{decimal(r.nokPerUnit)}</td>
                  <td>{r.source}</td>
                  <td>{r.enteredBy ?? t('exchangeRates.system')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="ds-paragraph">{t('exchangeRates.more', { count: rates.length })}</p> : null}
      {mayManage ? (
        <>
          <section aria-labelledby="rate-new">
            <h2 id="rate-new" className="ds-heading" data-size="sm">
              {t('exchangeRates.new.heading')}
            </h2>
            <Form method="post" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="record" />
              <TextField name="currency" label={t('exchangeRates.field.currency')} hint={t('exchangeRates.field.currencyHint')} errors={rateErrors} defaultValue={typed?.intent === 'import' ? undefined : typed?.currency} autoComplete="off" />
              <TextField name="date" label={t('exchangeRates.field.date')} hint={t('exchangeRates.field.dateHint')} errors={rateErrors} defaultValue={typed?.intent === 'import' ? undefined : typed?.date} autoComplete="off" />
              <TextField name="rate" label={t('exchangeRates.field.rate')} hint={t('exchangeRates.field.rateHint')} errors={rateErrors} defaultValue={typed?.intent === 'import' ? undefined : typed?.rate} autoComplete="off" />
              <TextField name="source" label={t('exchangeRates.field.source')} errors={rateErrors} defaultValue={typed?.intent === 'import' ? undefined : (typed?.source ?? 'Norges Bank')} />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="primary">
                  {t('exchangeRates.new.submit')}
                </button>
              </div>
            </Form>
          </section>
          <section aria-labelledby="rate-import">
            <h2 id="rate-import" className="ds-heading" data-size="sm">
              {t('exchangeRates.import.heading')}
            </h2>
            <Form method="post" encType="multipart/form-data" className="form-grid" noValidate>
              <input type="hidden" name="intent" value="import" />
              <TextAreaField name="csv" label={t('exchangeRates.field.csv')} hint={t('exchangeRates.import.hint')} errors={csvErrors} defaultValue={typed?.intent === 'import' ? typed.csv : undefined} rows={8} />
              <div className="ds-field">
                <label className="ds-label" htmlFor="file">
                  {t('exchangeRates.field.file')}
                </label>
                <input id="file" name="file" type="file" accept=".csv,text/csv" className="ds-input" />
              </div>
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="primary">
                  {t('exchangeRates.import.submit')}
                </button>
              </div>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
