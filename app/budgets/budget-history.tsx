import type { BudgetCause } from '../../core/unit-costs/get-application-budget.ts';
import { useI18n } from '../ui/i18n-context.tsx';

export interface PageHistoryEntry {
  round: number;
  number: number;
  cause: BudgetCause;
  computedAt: string;
  by: string | null;
  currency: string;
  oldTotalMinor: number | null;
  newTotalMinor: number | null;
}

/** Every recorded version of an application's round budgets, newest first: when, which round, why, who, and the total before → after. */
export function BudgetHistory({ entries }: { entries: PageHistoryEntry[] }) {
  const { t, money, dateTime } = useI18n();
  const total = (minor: number | null, currency: string) => (minor === null ? t('budgets.history.noTotal') : money(minor, currency));
  return (
    <section aria-labelledby="section-budget-history">
      <h3 id="section-budget-history" className="ds-heading" data-size="xs">
        {t('budgets.history.heading')}
      </h3>
      {entries.length === 0 ? (
        <p className="ds-paragraph">{t('budgets.history.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ds-table" data-border="true">
            <caption>{t('budgets.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgets.history.when')}</th>
                <th scope="col">{t('budgets.history.round')}</th>
                <th scope="col">{t('budgets.history.cause')}</th>
                <th scope="col">{t('budgets.history.by')}</th>
                <th scope="col" className="numeric">
                  {t('budgets.history.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.round}-${e.number}`}>
                  <td>{dateTime(e.computedAt)}</td>
                  <td>{e.round}</td>
                  <td>{t(`budgets.cause.${e.cause}`)}</td>
                  <td>{e.by ?? t('budgets.history.system')}</td>
                  <td className="numeric">{t('budgets.history.changeValue', { old: e.number === 1 ? '—' : total(e.oldTotalMinor, e.currency), new: total(e.newTotalMinor, e.currency) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
