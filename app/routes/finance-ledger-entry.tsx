import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { correctionInput, correctLedgerEntry } from '../../core/finance/correct-ledger-entry.ts';
import { FundsShortError } from '../../core/finance/funds-short-error.ts';
import { getLedgerEntry } from '../../core/finance/get-ledger-entry.ts';
import { can, requirePermission } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { translatorFor } from '../auth/translator-for.ts';
import { useAccountName } from '../finance/account-name.tsx';
import { FundsUsedBy } from '../finance/funds-used-by.tsx';
import { fundsUseLines, postedByName, type FundsUseLine } from '../finance/funds-use-lines.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { domainFieldErrors, zodFieldErrors, type FieldError } from '../ui/field-errors.ts';
import { TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { readForm } from '../ui/read-form.server.ts';
import { ledgerEntryWhy } from '../finance/ledger-entry-why.ts';
import type { Route } from './+types/finance-ledger-entry';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => ({
    entry: await getLedgerEntry(context.core, params.entryId),
    canCorrect: can(context.core.actor, 'finance:manage'),
  }));
}

/** Corrects the entry by reversing it, with a reason; the ledger keeps both. */
export async function action({ request, params, context }: Route.ActionArgs) {
  return guarded(request, params.lang, async () => {
    requirePermission(context.core.actor, 'finance:manage');
    const t = translatorFor(params.lang);
    const reason = String((await readForm(request)).get('reason') ?? '');
    const parsed = correctionInput.safeParse({ reason });
    if (!parsed.success)
      return data(
        {
          errors: zodFieldErrors(t, parsed.error),
          reason,
          usedBy: [] as FundsUseLine[],
        },
        { status: 400 },
      );
    try {
      const entry = await correctLedgerEntry(context.core, {
        entryId: params.entryId,
        reason: parsed.data.reason,
      });
      return redirect(`/${t.locale}/finance/ledger/${entry.id}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status < 409 || error.status > 409) throw error;
      return data(
        {
          errors: domainFieldErrors(t, error, 'reason'),
          reason,
          usedBy: error instanceof FundsShortError ? fundsUseLines(t, error) : [],
        },
        { status: 409 },
      );
    }
  });
}

export default function FinanceLedgerEntry() {
  const { entry, canCorrect } = useLoaderData<typeof loader>();
  const result = useActionData<{
    errors: FieldError[];
    reason: string;
    usedBy: FundsUseLine[];
  }>();
  const i18n = useI18n();
  const { t, money, dateTime, locale } = i18n;
  const name = useAccountName();
  const errors = result?.errors ?? [];
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeading
        title={t('finance.entry.title', {
          kind: t(`finance.kind.${entry.kind}`),
          amount: money(entry.amountMinor, entry.currency),
        })}
      />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/finance/ledger?year=${entry.year}`}>
          {t('finance.entry.back', { year: entry.year })}
        </a>
      </p>
      <dl className="facts">
        {row(t('finance.column.posted'), dateTime(entry.postedAt))}
        {row(t('finance.column.by'), postedByName(i18n, entry.postedBy))}
        {row(
          t('finance.entry.from'),
          <a className="ds-link" href={`/${locale}/finance/ledger?account=${encodeURIComponent(entry.fromAccount)}`}>
            {name(entry.from)}
          </a>,
        )}
        {row(
          t('finance.entry.to'),
          <a className="ds-link" href={`/${locale}/finance/ledger?account=${encodeURIComponent(entry.toAccount)}`}>
            {name(entry.to)}
          </a>,
        )}
        {row(t('finance.entry.year'), String(entry.year))}
        {row(t('finance.column.why'), ledgerEntryWhy(t, entry, '—'))}
        {entry.documentType === 'application' && entry.documentRef
          ? row(
              t('finance.entry.document'),
              <a className="ds-link" href={`/${locale}/applications/${entry.documentRef}`}>
                {t('finance.entry.application')}
              </a>,
            )
          : entry.documentType === 'tranche' && entry.documentRef
            ? row(
                t('finance.entry.document'),
                <a className="ds-link" href={`/${locale}/finance/tranches/${entry.documentRef}`}>
                  {t('tranches.entry.tranche')}
                </a>,
              )
            : entry.documentRef && entry.documentType !== 'ledger-entry'
              ? row(t('finance.entry.document'), entry.documentRef)
              : null}
        {entry.correctsEntryId
          ? row(
              t('finance.entry.corrects'),
              <a className="ds-link" href={`/${locale}/finance/ledger/${entry.correctsEntryId}`}>
                {t('finance.entry.original')}
              </a>,
            )
          : null}
        {entry.correctedBy
          ? row(
              t('finance.entry.correctedBy'),
              <a className="ds-link" href={`/${locale}/finance/ledger/${entry.correctedBy}`}>
                {t('finance.entry.reversal')}
              </a>,
            )
          : null}
      </dl>
      {canCorrect && !entry.correctedBy ? (
        <section aria-labelledby="correct-title">
          <h2 id="correct-title" className="ds-heading" data-size="sm">
            {t('finance.entry.correct')}
          </h2>
          <p className="ds-paragraph">
            {t('finance.entry.correctIntro', {
              amount: money(entry.amountMinor, entry.currency),
              from: name(entry.to),
              to: name(entry.from),
            })}
          </p>
          <ErrorSummary heading={t('form.errorSummary')} errors={errors} />
          <Form method="post" className="form-grid" noValidate>
            <TextField name="reason" label={t('finance.field.reason')} errors={errors} defaultValue={result?.reason} />
            <FundsUsedBy lines={result?.usedBy ?? []} />
            <div className="form-grid__actions">
              <button type="submit" className="ds-button" data-variant="secondary">
                {t('finance.entry.correctSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
