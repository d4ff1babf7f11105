import { Form, useLoaderData } from 'react-router';
import { agencyYear } from '../../core/finance/budget-year.ts';
import { stageLabel } from '../../core/finance/tranche-labels.ts';
import { DomainError } from '../../core/errors.ts';
import { listTranches, trancheQueryInput } from '../../core/finance/list-tranches.ts';
import { TRANCHE_STATUSES } from '../../core/finance/tranche-kinds.ts';
import { guarded } from '../auth/guard.server.ts';
import { trancheConditionMessage, trancheStatusMessage } from '../finance/tranche-labels.ts';
import { DataTable } from '../ui/data-table.tsx';
import { SelectField, TextField } from '../ui/form-fields.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { NextPageLink } from '../ui/next-page-link.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/finance-tranches';

/**
 * Every granted stage's tranches for the finance officer: those to approve first, then those to pay,
 * then the paid ones; `?status=` and `?year=` (the budget year), 50 a page. A filter that is not valid is
 * left out and said, rather than refused.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const url = new URL(request.url);
    const raw = Object.fromEntries(['status', 'year', 'after'].map((k) => [k, url.searchParams.get(k) || undefined]));
    const parsed = trancheQueryInput.safeParse(raw);
    const query = parsed.success ? parsed.data : {};
    const filters = Object.fromEntries(Object.entries(query).filter(([k, v]) => k !== 'after' && v !== undefined).map(([k, v]) => [k, String(v)]));
    const exportYear = query.year ?? agencyYear(context.core.now());
    try {
      return { ...(await listTranches(context.core, query)), filters, ignored: !parsed.success, exportYear, raw: { status: raw.status ?? '', year: raw.year ?? '' } };
    } catch (error) {
      // A damaged "next page" link: the first page, said.
      if (error instanceof DomainError && error.code === 'invalidCursor') return { ...(await listTranches(context.core, { ...query, after: undefined })), filters, ignored: true, exportYear, raw: { status: raw.status ?? '', year: raw.year ?? '' } };
      throw error;
    }
  });
}

export default function FinanceTranches() {
  const { tranches, next, filters, ignored, exportYear, raw } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t, money, date, locale } = i18n;
  return (
    <>
      <PageHeading title={t('tranches.list.title')} />
      <p className="ds-paragraph">{t('tranches.list.intro')}</p>
      {ignored ? (
        <p className="ds-alert" data-color="warning" role="status">
          {t('finance.ledger.ignored')}
        </p>
      ) : null}
      <Form method="get" className="filter-bar" aria-label={t('tranches.list.filter')}>
        <SelectField
          name="status"
          label={t('tranches.column.status')}
          errors={[]}
          defaultValue={raw.status}
          options={[{ value: '', label: t('tranches.list.anyStatus') }, ...TRANCHE_STATUSES.map((s) => ({ value: s, label: t(trancheStatusMessage[s]) }))]}
        />
        <TextField name="year" label={t('finance.field.year')} errors={[]} defaultValue={raw.year} autoComplete="off" />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('tranches.list.filter')}
        </button>
      </Form>
      <p className="ds-paragraph" data-size="sm">
        <a className="ds-link" href={`/${locale}/finance/tranches.xlsx?year=${exportYear}`} download>
          {t('tranches.list.downloadXlsx', { year: exportYear })}
        </a>{' '}
        <a className="ds-link" href={`/${locale}/finance/tranches.csv?year=${exportYear}`} download>
          {t('tranches.list.downloadCsv', { year: exportYear })}
        </a>
      </p>
      {tranches.length === 0 ? (
        <p className="ds-paragraph">{t('tranches.list.none')}</p>
      ) : (
        <DataTable
          columns={[
            { label: t('tranches.column.partnership') },
            { label: t('tranches.column.stage') },
            { label: t('tranches.column.coordinator') },
            { label: t('tranches.column.number'), numeric: true },
            { label: t('tranches.column.condition') },
            { label: t('tranches.column.status') },
            { label: t('tranches.column.amount'), numeric: true },
            { label: t('tranches.column.paidOn') },
          ]}
        >
          {tranches.map((tr) => (
            <tr key={tr.id}>
              <th scope="row">
                <a className="ds-link" href={`/${locale}/finance/tranches/${tr.id}`}>
                  {tr.partnership.title}
                </a>
              </th>
              <td>{stageLabel(i18n, tr.stage)}</td>
              <td>{tr.coordinator.name}</td>
              <td className="numeric">{tr.number}</td>
              <td>{t(trancheConditionMessage[tr.condition])}</td>
              <td>{t(trancheStatusMessage[tr.status])}</td>
              <td className="numeric">{money(tr.amountMinor, tr.currency)}</td>
              <td>{tr.paidOn ? date(tr.paidOn) : '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <NextPageLink filters={filters} cursorName="after" cursor={next} />
    </>
  );
}
