import { Form, redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { NotFoundError } from '../../core/errors.ts';
import { approveTranche } from '../../core/finance/approve-tranche.ts';
import { getTranche } from '../../core/finance/get-tranche.ts';
import { parseWholeAmount } from '../../core/finance/money.ts';
import { payTranche } from '../../core/finance/pay-tranche.ts';
import { recordTrancheRefund } from '../../core/finance/record-tranche-refund.ts';
import { stageLabel } from '../../core/finance/tranche-labels.ts';
import { can, requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { postedByName } from '../finance/funds-use-lines.ts';
import { FundsUsedBy } from '../finance/funds-used-by.tsx';
import { refusedForm, type MoneyFormResult } from '../finance/form-outcome.server.ts';
import { trancheConditionMessage, trancheStatusMessage } from '../finance/tranche-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Route } from './+types/finance-tranche';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const found = await getTranche(context.core, { trancheId: params.trancheId });
    return { ...found, canManage: can(context.core.actor, 'finance:manage'), today: context.core.now().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' }) };
  });
}

const fieldsOf = { approve: ['version'], pay: ['paidOn', 'bankReference'], refund: ['amount', 'receivedOn', 'bankReference'] } as const;

/** Approves the tranche, records its payment, or records a refund, as the form's `intent` says. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const t = translatorFor(params.lang);
    const form = await readForm(request);
    const intent = String(form.get('intent') ?? '');
    const text = (name: string) => String(form.get(name) ?? '');
    const values = Object.fromEntries(['version', 'paidOn', 'bankReference', 'amount', 'receivedOn'].map((n) => [n, text(n)]));
    const trancheId = params.trancheId;
    if (!Object.hasOwn(fieldsOf, intent)) {
      // Nothing this page does: answered as for a tranche one cannot act on, after checking it is there.
      await getTranche(context.core, { trancheId });
      throw new NotFoundError('tranche-action');
    }
    try {
      if (intent === 'approve') await approveTranche(context.core, { trancheId, version: values.version });
      else if (intent === 'pay') await payTranche(context.core, { trancheId, paidOn: values.paidOn, bankReference: values.bankReference, version: values.version });
      else await recordTrancheRefund(context.core, { trancheId, amountMinor: parseWholeAmount(values.amount!, 'NOK') ?? Number.NaN, receivedOn: values.receivedOn, bankReference: values.bankReference });
    } catch (error) {
      return refusedForm(t, error, intent, values, fieldsOf[intent as keyof typeof fieldsOf]);
    }
    return redirect(`/${t.locale}/finance/tranches/${trancheId}?done=${intent}`);
  });
}

export default function FinanceTranche() {
  const { tranche, stage, partnership, coordinator, tranches, settlement, waitsFor, canManage, today, year } = useLoaderData<typeof loader>();
  const result = useActionData<MoneyFormResult>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t, money, date, dateTime, locale } = i18n;
  const done = search.get('done');
  const shown: Record<string, boolean> = { approve: canManage && tranche.status === 'planned', pay: canManage && tranche.status === 'approved', refund: canManage && settlement.refundOwedMinor > 0 };
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : []);
  // A refusal for a form the tranche no longer shows (another person acted first) is said at the top.
  const elsewhere = result && !shown[result.intent] ? result.errors : [];
  const typed = (intent: string, name: string) => (result?.intent === intent ? result.values[name] : undefined);
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeading title={t('tranches.detail.title', { number: tranche.number, stage: stageLabel(i18n, stage), partnership: partnership.title })} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/finance/tranches`}>
          {t('tranches.detail.back')}
        </a>
      </p>
      <ErrorSummary heading={t('form.errorSummary')} errors={elsewhere} />
      <SuccessNotice text={!result && (done === 'approve' || done === 'pay' || done === 'refund') ? t(`tranches.done.${done}`) : null} />
      <dl className="facts">
        {row(
          t('tranches.column.partnership'),
          <a className="ds-link" href={`/${locale}/partnerships/${partnership.id}/stages/${stage.id}/payments`}>
            {partnership.title}
          </a>,
        )}
        {row(t('tranches.column.stage'), `${stageLabel(i18n, stage)} (${t('organisation.partnership.between', { from: date(stage.startsOn), to: date(stage.endsOn) })})`)}
        {row(t('tranches.column.coordinator'), coordinator.name)}
        {row(t('tranches.detail.year'), String(year))}
        {row(t('tranches.column.amount'), money(tranche.amountMinor, tranche.currency))}
        {row(t('tranches.detail.share'), t('tranches.detail.sharePercent', { percent: tranche.shareBasisPoints / 100 }))}
        {row(t('tranches.column.condition'), t(trancheConditionMessage[tranche.condition]))}
        {row(t('tranches.column.status'), t(trancheStatusMessage[tranche.status]))}
        {tranche.approvedAt ? row(t('tranches.detail.approvedBy'), t('tranches.detail.byOn', { by: postedByName(i18n, tranche.approvedByLabel ?? ''), at: dateTime(tranche.approvedAt) })) : null}
        {tranche.paidOn ? row(t('tranches.column.paidOn'), date(tranche.paidOn)) : null}
        {tranche.paidAt ? row(t('tranches.detail.paidBy'), t('tranches.detail.byOn', { by: postedByName(i18n, tranche.paidByLabel ?? ''), at: dateTime(tranche.paidAt) })) : null}
        {tranche.bankReference ? row(t('tranches.column.bankReference'), tranche.bankReference) : null}
        {tranche.ledgerEntryId
          ? row(
              t('tranches.detail.ledgerEntry'),
              <a className="ds-link" href={`/${locale}/finance/ledger/${tranche.ledgerEntryId}`}>
                {t('tranches.detail.ledgerEntryLink')}
              </a>,
            )
          : tranche.status === 'paid'
            ? row(t('tranches.detail.ledgerEntry'), t('tranches.detail.nothingPaid'))
            : null}
      </dl>

      <section aria-labelledby="settlement-title">
        <h2 id="settlement-title" className="ds-heading" data-size="sm">
          {t('tranches.detail.settlement')}
        </h2>
        <p className="ds-paragraph">{t('tranches.detail.reports', { approved: settlement.reports.approved, partners: settlement.reports.partners, actual: money(settlement.reports.actualMinor, stage.currency) })}</p>
        <p className="ds-paragraph">{t('tranches.detail.paidSoFar', { amount: money(settlement.paidMinor, stage.currency), commitment: money(stage.amountCeilingMinor, stage.currency) })}</p>
        {settlement.refundOwedMinor > 0 ? (
          <p className="ds-alert" data-color="warning">
            {t('tranches.detail.refundOwed', { name: coordinator.name, amount: money(settlement.refundOwedMinor, stage.currency) })}
          </p>
        ) : null}
        <h3 className="ds-heading" data-size="xs">
          {t('tranches.detail.stageTranches')}
        </h3>
        <DataTable columns={[{ label: t('tranches.column.number'), numeric: true }, { label: t('tranches.column.condition') }, { label: t('tranches.column.status') }, { label: t('tranches.column.amount'), numeric: true }]}>
          {tranches.map((other) => (
            <tr key={other.id}>
              <th scope="row" className="numeric">
                {other.id === tranche.id ? other.number : (
                  <a className="ds-link" href={`/${locale}/finance/tranches/${other.id}`}>
                    {other.number}
                  </a>
                )}
              </th>
              <td>{t(trancheConditionMessage[other.condition])}</td>
              <td>{t(trancheStatusMessage[other.status])}</td>
              <td className="numeric">{money(other.amountMinor, other.currency)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      {shown.approve ? (
        <section aria-labelledby="approve-title">
          <h2 id="approve-title" className="ds-heading" data-size="sm">
            {t('tranches.approve.title')}
          </h2>
          {waitsFor ? <p className="ds-paragraph">{t(waitsFor === 'finalReports' ? 'tranches.approve.waitsForReports' : 'tranches.approve.waitsForEarlier')}</p> : null}
          <p className="ds-paragraph">{t(tranche.condition === 'afterFinalReport' ? 'tranches.approve.settles' : 'tranches.approve.intro')}</p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('approve')} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="version" value={tranche.version} />
            <button type="submit" className="ds-button" data-variant="primary">
              {t('tranches.approve.submit')}
            </button>
          </Form>
        </section>
      ) : null}

      {shown.pay ? (
        <section aria-labelledby="pay-title">
          <h2 id="pay-title" className="ds-heading" data-size="sm">
            {t('tranches.pay.title')}
          </h2>
          <p className="ds-paragraph">{t('tranches.pay.intro', { amount: money(tranche.amountMinor, tranche.currency), name: coordinator.name })}</p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('pay')} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="pay" />
            <input type="hidden" name="version" value={tranche.version} />
            <TextField name="paidOn" type="date" label={t('tranches.column.paidOn')} errors={errorsFor('pay')} defaultValue={typed('pay', 'paidOn') ?? today} />
            <TextField name="bankReference" label={t('tranches.column.bankReference')} hint={t('tranches.pay.referenceHint')} errors={errorsFor('pay')} defaultValue={typed('pay', 'bankReference')} autoComplete="off" />
            <FundsUsedBy lines={result?.intent === 'pay' ? result.usedBy : []} />
            <div className="form-grid__actions">
              <button type="submit" className="ds-button" data-variant="primary">
                {t('tranches.pay.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {shown.refund ? (
        <section aria-labelledby="refund-title">
          <h2 id="refund-title" className="ds-heading" data-size="sm">
            {t('tranches.refund.title')}
          </h2>
          <p className="ds-paragraph">{t('tranches.refund.intro')}</p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errorsFor('refund')} />
          <Form method="post" className="form-grid" noValidate>
            <input type="hidden" name="intent" value="refund" />
            <TextField name="amount" label={t('finance.field.amount')} hint={t('finance.field.amountHint')} errors={errorsFor('refund')} defaultValue={typed('refund', 'amount')} autoComplete="off" />
            <TextField name="receivedOn" type="date" label={t('tranches.refund.receivedOn')} errors={errorsFor('refund')} defaultValue={typed('refund', 'receivedOn') ?? today} />
            <TextField name="bankReference" label={t('tranches.column.bankReference')} errors={errorsFor('refund')} defaultValue={typed('refund', 'bankReference')} autoComplete="off" />
            <FundsUsedBy lines={result?.intent === 'refund' ? result.usedBy : []} />
            <div className="form-grid__actions">
              <button type="submit" className="ds-button" data-variant="secondary">
                {t('tranches.refund.submit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
