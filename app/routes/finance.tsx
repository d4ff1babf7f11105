import { useLoaderData } from 'react-router';
import { budgetYearParam } from '../../core/finance/budget-year.ts';
import { getBudgetYear, type BudgetFigures } from '../../core/finance/get-budget-year.ts';
import { ledgerAccount } from '../../core/finance/ledger-accounts.ts';
import { can } from '../../core/identity/permissions.ts';
import { guarded } from '../auth/guard.server.ts';
import { BarChart } from '../ui/bar-chart.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import type { Route } from './+types/finance';

/** The finance officer's year: appropriated, allocated, reserved, committed, disbursed and remaining, per programme and call. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return guarded(request, params.lang, async () => {
    const year = budgetYearParam(new URL(request.url).searchParams.get('year'), context.core.now());
    const budget = await getBudgetYear(context.core, year);
    return {
      budget,
      canManage: can(context.core.actor, 'finance:manage'),
      done: new URL(request.url).searchParams.get('done'),
    };
  });
}

const figureKeys = ['appropriated', 'allocated', 'reserved', 'committed', 'disbursed', 'remaining'] as const;

export default function Finance() {
  const { budget, canManage, done } = useLoaderData<typeof loader>();
  const { t, money, locale } = useI18n();
  const nok = (minor: number) => money(minor, budget.currency);
  const ledgerLink = (account: string) => `/${locale}/finance/ledger?account=${encodeURIComponent(account)}`;
  const figureRow = (f: BudgetFigures) => (
    <>
      <td className="numeric">{nok(f.allocated)}</td>
      <td className="numeric">{nok(f.committed)}</td>
      <td className="numeric">{nok(f.disbursed)}</td>
      <td className="numeric">{nok(f.unallocated)}</td>
    </>
  );
  return (
    <>
      <PageHeading title={t('finance.year.title', { year: budget.year })} />
      {done ? (
        <p className="ds-alert" data-color="success" role="status">
          {t(done === 'allocated' ? 'finance.done.allocated' : done === 'corrected' ? 'finance.done.corrected' : 'finance.done.appropriated')}
        </p>
      ) : null}
      <nav aria-label={t('finance.year.choose')} className="year-links">
        <ul className="inline-list">
          {budget.years.map((y) => (
            <li key={y}>
              {y === budget.year ? (
                <span aria-current="page">{y}</span>
              ) : (
                <a className="ds-link" href={`/${locale}/finance?year=${y}`}>
                  {y}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('finance.more')}>
        <ul className="inline-list">
          <li>
            <a className="ds-link" href={`/${locale}/finance/tranches?year=${budget.year}`}>
              {t('tranches.list.title')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/${locale}/financial-reports`}>
              {t('financialReports.title')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/${locale}/finance/exchange-rates`}>
              {t('exchangeRates.title')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/${locale}/admin/unit-costs`}>
              {t('nav.unitCosts')}
            </a>
          </li>
        </ul>
      </nav>
      {canManage ? (
        <p className="ds-paragraph actions-row">
          <a className="ds-button" data-variant="primary" href={`/${locale}/finance/appropriations/new?year=${budget.year}`}>
            {t('finance.action.appropriate')}
          </a>{' '}
          <a className="ds-button" data-variant="secondary" href={`/${locale}/finance/allocations/new?year=${budget.year}`}>
            {t('finance.action.allocate')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="ds-heading" data-size="sm">
          {t('finance.totals.title')}
        </h2>
        <ul className="figures figures--money">
          {figureKeys.map((key) => (
            <li key={key} className="ds-card figures__item">
              <span className="figures__value">{nok(budget.totals[key])}</span>
              <span className="figures__label">{t(`finance.figure.${key}`)}</span>
            </li>
          ))}
        </ul>
        <p className="ds-paragraph">
          <a className="ds-link" href={`/${locale}/finance/export.xlsx?year=${budget.year}`} download>
            {t('finance.action.downloadXlsx')}
          </a>
          {' · '}
          <a className="ds-link" href={`/${locale}/open-data/iati`}>
            {t('openData.iati.previewLink')}
          </a>
        </p>
        <p className="ds-paragraph" data-size="sm">
          {t('finance.totals.explain')}{' '}
          <a className="ds-link" href={ledgerLink(ledgerAccount.year(budget.year))}>
            {t('finance.totals.entries', { year: budget.year })}
          </a>
        </p>
      </section>
      <section aria-labelledby="programmes-title">
        <h2 id="programmes-title" className="ds-heading" data-size="sm">
          {t('finance.programmes.title')}
        </h2>
        <BarChart
          id="programme-chart"
          title={t('finance.chart.title', { year: budget.year })}
          description={t('finance.chart.description')}
          series={[
            { label: t('finance.figure.allocated'), tone: 'base' },
            { label: t('finance.figure.committed'), tone: 'accent' },
            { label: t('finance.figure.disbursed'), tone: 'strong' },
          ]}
          rows={budget.programmes.map((p) => ({
            label: p.name,
            values: [p.figures.allocated, p.figures.committed, p.figures.disbursed],
          }))}
          format={(v) => nok(v)}
        />
        <DataTable
          columns={[
            { label: t('finance.column.programme') },
            { label: t('finance.figure.allocated'), numeric: true },
            { label: t('finance.figure.committed'), numeric: true },
            { label: t('finance.figure.disbursed'), numeric: true },
            { label: t('finance.column.notPassedOn'), numeric: true },
          ]}
        >
          {budget.programmes.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <a className="ds-link" href={ledgerLink(p.account)}>
                  {p.name}
                </a>
              </th>
              {figureRow(p.figures)}
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="calls-title">
        <h2 id="calls-title" className="ds-heading" data-size="sm">
          {t('finance.calls.title', { year: budget.year })}
        </h2>
        {budget.programmes.every((p) => p.calls.length === 0) ? (
          <p className="ds-paragraph">{t('finance.calls.none')}</p>
        ) : (
          <DataTable
            columns={[
              { label: t('finance.column.call') },
              { label: t('finance.column.ceiling'), numeric: true },
              { label: t('finance.figure.allocated'), numeric: true },
              { label: t('finance.figure.committed'), numeric: true },
              { label: t('finance.figure.disbursed'), numeric: true },
              { label: t('finance.column.uncommitted'), numeric: true },
              ...(canManage ? [{ label: t('finance.column.actions'), visuallyHidden: true }] : []),
            ]}
          >
            {budget.programmes.flatMap((p) =>
              p.calls.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a className="ds-link" href={ledgerLink(c.account)}>
                      {c.title}
                    </a>
                    <br />
                    <span className="ds-paragraph" data-size="sm">
                      {p.name}
                    </span>
                  </th>
                  <td className="numeric">{nok(c.ceilingMinor)}</td>
                  {figureRow(c.figures)}
                  {canManage ? (
                    <td>
                      <a
                        className="ds-link"
                        href={`/${locale}/finance/allocations/new?year=${budget.year}&call=${c.id}`}
                        aria-label={t('finance.action.allocateTo', {
                          name: c.title,
                        })}
                      >
                        {t('finance.action.allocateShort')}
                      </a>
                    </td>
                  ) : null}
                </tr>
              )),
            )}
          </DataTable>
        )}
      </section>
    </>
  );
}
