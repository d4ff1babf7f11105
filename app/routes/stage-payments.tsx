import { Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { getStagePayments } from '../../core/finance/get-stage-payments.ts';
import { parseWholeAmount } from '../../core/finance/money.ts';
import { recordOnwardPayment } from '../../core/finance/record-onward-payment.ts';
import { stageLabel } from '../../core/finance/tranche-labels.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { refusedForm, type MoneyFormResult } from '../finance/form-outcome.server.ts';
import { FundsUsedBy } from '../finance/funds-used-by.tsx';
import { trancheConditionMessage, trancheStatusMessage } from '../finance/tranche-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/stage-payments';

/**
 * A granted stage's payments, for its partners and the agency: the tranches, what the coordinating
 * partner received and what it owes onward to each partner, and (for the coordinating partner's staff)
 * the form to record an onward payment. Anyone else: not found.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => ({
    ...(await getStagePayments(context.core, { partnershipId: params.id, stageId: params.stageId })),
    today: context.core.now().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' }),
  }));
}

const fields = ['organisationId', 'amount', 'paidOn', 'reference'] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const values = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? '')]));
    try {
      await recordOnwardPayment(context.core, {
        partnershipId: params.id,
        stageId: params.stageId,
        organisationId: values.organisationId,
        amountMinor: parseWholeAmount(values.amount!, 'NOK') ?? Number.NaN,
        paidOn: values.paidOn,
        reference: values.reference,
      });
    } catch (error) {
      return refusedForm(t, error, 'onward', values, fields);
    }
    return redirect(`/${t.locale}/partnerships/${params.id}/stages/${params.stageId}/payments?done=onward`);
  });
}

export default function StagePayments() {
  const p = useLoaderData<typeof loader>();
  const result = useActionData<MoneyFormResult>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t, money, date, locale } = i18n;
  const currency = p.stage.currency;
  const errors = result?.errors ?? [];
  const others = p.partners.filter((x) => !x.isCoordinator);
  return (
    <>
      <PageHeading title={t('tranches.payments.title', { stage: stageLabel(i18n, p.stage), partnership: p.partnership.title })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/partnerships/${p.partnership.id}`}>
          {p.partnership.title}
        </a>
      </p>
      <SuccessNotice text={!result && search.get('done') === 'onward' ? t('tranches.done.onward') : null} />
      <p className="ds-paragraph">{t('tranches.payments.intro', { amount: money(p.stage.amountCeilingMinor, currency), name: p.coordinator.name })}</p>
      {p.refundOwedMinor > 0 ? (
        <p className="ds-alert" data-color="warning">
          {t('tranches.detail.refundOwed', { name: p.coordinator.name, amount: money(p.refundOwedMinor, currency) })}
        </p>
      ) : null}

      <section aria-labelledby="tranches-title">
        <h2 id="tranches-title" className="ds-heading" data-size="sm">
          {t('tranches.payments.tranches')}
        </h2>
        <DataTable columns={[{ label: t('tranches.column.number'), numeric: true }, { label: t('tranches.column.condition') }, { label: t('tranches.column.status') }, { label: t('tranches.column.amount'), numeric: true }, { label: t('tranches.column.paidOn') }]}>
          {p.tranches.map((tr) => (
            <tr key={tr.id}>
              <th scope="row" className="numeric">
                {p.agency ? (
                  <a className="ds-link" href={`/${locale}/finance/tranches/${tr.id}`}>
                    {tr.number}
                  </a>
                ) : (
                  tr.number
                )}
              </th>
              <td>{t(trancheConditionMessage[tr.condition])}</td>
              <td>{t(trancheStatusMessage[tr.status])}</td>
              <td className="numeric">{money(tr.amountMinor, tr.currency)}</td>
              <td>{tr.paidOn ? date(tr.paidOn) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="partners-title">
        <h2 id="partners-title" className="ds-heading" data-size="sm">
          {t('tranches.payments.partners')}
        </h2>
        {p.receivedMinor !== null ? <p className="ds-paragraph">{t('tranches.payments.received', { name: p.coordinator.name, amount: money(p.receivedMinor, currency), holds: money(p.holdsMinor ?? 0, currency) })}</p> : null}
        {!p.sharesKnown ? <p className="ds-paragraph">{t('tranches.payments.noShares')}</p> : null}
        <DataTable
          columns={[
            { label: t('tranches.column.partner') },
            { label: t('tranches.column.share'), numeric: true },
            { label: t('tranches.column.received'), numeric: true },
            { label: t('tranches.column.due'), numeric: true },
            { label: t('tranches.column.owedOnward'), numeric: true },
          ]}
        >
          {p.partners.map((x) => (
            <tr key={x.organisationId}>
              <th scope="row">
                {x.name}
                {x.isCoordinator ? ` (${t('partnerships.coordinator')})` : ''}
              </th>
              <td className="numeric">{x.shareBasisPoints === null ? '—' : t('tranches.detail.sharePercent', { percent: x.shareBasisPoints / 100 })}</td>
              <td className="numeric">{money(x.receivedMinor, currency)}</td>
              <td className="numeric">{x.dueMinor === null ? '—' : money(x.dueMinor, currency)}</td>
              <td className="numeric">{x.owedOnwardMinor === null ? '—' : money(x.owedOnwardMinor, currency)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="onward-title">
        <h2 id="onward-title" className="ds-heading" data-size="sm">
          {t('tranches.payments.onward')}
        </h2>
        {p.payments.length === 0 ? (
          <p className="ds-paragraph">{t('tranches.payments.noOnward')}</p>
        ) : (
          <DataTable columns={[{ label: t('tranches.column.paidOn') }, { label: t('tranches.column.partner') }, { label: t('tranches.column.amount'), numeric: true }, { label: t('tranches.column.bankReference') }]}>
            {p.payments.map((x) => (
              <tr key={x.id}>
                <th scope="row">
                  {p.agency ? (
                    <a className="ds-link" href={`/${locale}/finance/ledger/${x.id}`}>
                      {/^\d{4}-\d{2}-\d{2}$/.test(x.paidOn) ? date(x.paidOn) : x.paidOn}
                    </a>
                  ) : /^\d{4}-\d{2}-\d{2}$/.test(x.paidOn) ? (
                    date(x.paidOn)
                  ) : (
                    x.paidOn
                  )}
                </th>
                <td>{x.name}</td>
                <td className="numeric">{money(x.amountMinor, currency)}</td>
                <td>{x.reference}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {p.canRecordOnward && others.length > 0 ? (
          <>
            <h3 className="ds-heading" data-size="xs">
              {t('tranches.onward.title')}
            </h3>
            <p className="ds-paragraph">{t('tranches.onward.intro', { holds: money(p.holdsMinor ?? 0, currency) })}</p>
            <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
            <Form method="post" className="form-grid" noValidate>
              <SelectField
                name="organisationId"
                label={t('tranches.column.partner')}
                errors={errors}
                defaultValue={result?.values.organisationId ?? ''}
                options={[{ value: '', label: t('tranches.onward.choosePartner') }, ...others.map((x) => ({ value: x.organisationId, label: x.name }))]}
              />
              <TextField name="amount" label={t('finance.field.amount')} hint={t('finance.field.amountHint')} errors={errors} defaultValue={result?.values.amount} autoComplete="off" />
              <FundsUsedBy lines={result?.usedBy ?? []} />
              <TextField name="paidOn" type="date" label={t('tranches.column.paidOn')} errors={errors} defaultValue={result?.values.paidOn ?? p.today} />
              <TextField name="reference" label={t('tranches.column.bankReference')} errors={errors} defaultValue={result?.values.reference} autoComplete="off" />
              <div className="form-grid__actions">
                <button type="submit" className="ds-button" data-variant="primary">
                  {t('tranches.onward.submit')}
                </button>
              </div>
            </Form>
          </>
        ) : null}
      </section>
    </>
  );
}
