import { useLoaderData } from 'react-router';
import { DomainError } from '../../core/errors.ts';
import { ledgerQueryInput, listLedgerEntries } from '../../core/finance/list-ledger-entries.ts';
import { guarded } from '../auth/guard.server.ts';
import { useAccountName } from '../finance/account-name.tsx';
import { postedByName } from '../finance/funds-use-lines.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { ledgerEntryWhy } from '../finance/ledger-entry-why.ts';
import type { Route } from './+types/finance-ledger';

/**
 * The entries behind a balance: `?account=` (every figure of the year page links here), `?year=`,
 * `?kind=`, 50 a page. A filter that is not valid is left out and said, rather than refused.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const asked = Object.fromEntries(['account', 'year', 'kind', 'after'].map((k) => [k, url.searchParams.get(k) || undefined]));
    const parsed = ledgerQueryInput.safeParse(asked);
    const query = parsed.success ? parsed.data : {};
    try {
      return {
        ...(await listLedgerEntries(context.core, query)),
        filters: Object.fromEntries(
          Object.entries(query)
            .filter(([k, v]) => k !== 'after' && v !== undefined)
            .map(([k, v]) => [k, String(v)]),
        ),
        ignored: !parsed.success,
      };
    } catch (error) {
      // A damaged "next page" link: the first page, said.
      if (error instanceof DomainError && error.code === 'invalidCursor')
        return {
          ...(await listLedgerEntries(context.core, {
            ...query,
            after: undefined,
          })),
          filters: {},
          ignored: true,
        };
      throw error;
    }
  });
}

export default function FinanceLedger() {
  const { entries, account, balanceMinor, next, filters, ignored } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t, money, dateTime, locale } = i18n;
  const name = useAccountName();
  const title = account ? t('finance.ledger.titleFor', { account: name(account) }) : t('finance.ledger.title');
  return (
    <>
      <PageHeading title={title} />
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/finance${filters.year ? `?year=${filters.year}` : ''}`}>
          {t('finance.ledger.back')}
        </a>
      </p>
      {ignored ? (
        <p className="ds-alert" data-color="warning" role="status">
          {t('finance.ledger.ignored')}
        </p>
      ) : null}
      {account && balanceMinor !== null ? (
        <p className="ds-paragraph" data-size="lg">
          {t('finance.ledger.balance', { amount: money(balanceMinor, 'NOK') })}
        </p>
      ) : null}
      <p className="ds-paragraph" data-size="sm">
        {t('finance.ledger.explain')}{' '}
        <a className="ds-link" href={`/${locale}/finance/ledger.csv?${new URLSearchParams(filters).toString()}`} download>
          {t('finance.ledger.downloadCsv')}
        </a>
      </p>
      {entries.length === 0 ? (
        <p className="ds-paragraph">{t('finance.ledger.none')}</p>
      ) : (
        <DataTable
          columns={[
            { label: t('finance.column.posted') },
            { label: t('finance.column.kind') },
            { label: t('finance.column.movement') },
            { label: t('finance.column.amount'), numeric: true },
            { label: t('finance.column.why') },
            { label: t('finance.column.by') },
          ]}
        >
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <a className="ds-link" href={`/${locale}/finance/ledger/${e.id}`}>
                  {dateTime(e.postedAt)}
                </a>
              </td>
              <td>
                {t(`finance.kind.${e.kind}`)}
                {e.correctedBy ? (
                  <>
                    <br />
                    <span className="ds-paragraph" data-size="sm">
                      {t('finance.ledger.corrected')}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {t('finance.ledger.movement', {
                  from: name(e.from),
                  to: name(e.to),
                })}
              </td>
              <td className="numeric">{money(e.signedMinor, e.currency)}</td>
              <td>
                {ledgerEntryWhy(t, e)}
                {e.documentRef && e.documentType !== 'application' && e.documentType !== 'ledger-entry' && e.documentType !== 'tranche' ? ` (${e.documentRef})` : ''}
              </td>
              <td>{postedByName(i18n, e.postedBy)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink filters={filters} cursorName="after" cursor={next} />
    </>
  );
}
