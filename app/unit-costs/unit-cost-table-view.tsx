import { Fragment } from 'react';
import { COST_GROUP_CODES, DISTANCE_BAND_CODES, SCALAR_RATES, type DraftRates } from '../../core/unit-costs/unit-cost-rates.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';
import { bandLabel, shareLabel } from './unit-cost-labels.ts';

export const scalarRateMessage = {
  insurancePerMonthMinor: 'unitCosts.rate.insurancePerMonth',
  preparatoryCourseMinor: 'unitCosts.rate.preparatoryCourse',
  visaMinor: 'unitCosts.rate.visa',
  healthMinor: 'unitCosts.rate.health',
} as const;

/**
 * A version's rates as tables: the monthly allowance of each cost group with its host countries by name,
 * travel per distance band, and the amounts per participant with the administration share. A draft's
 * rate not set yet reads "not set".
 */
export function UnitCostTableView({ rates, idPrefix }: { rates: DraftRates; idPrefix: string }) {
  const i18n = useI18n();
  const { t, money } = i18n;
  const amount = (minor: number | null) => (minor === null ? t('unitCosts.notSet') : money(minor, rates.currency));
  const byName = (codes: string[]) =>
    codes
      .map((code) => i18n.country(code) ?? code)
      .sort((a, b) => a.localeCompare(b, i18n.locale))
      .join(', ');
  return (
    <>
      <section aria-labelledby={`${idPrefix}-allowances`}>
        <h2 id={`${idPrefix}-allowances`} className="ds-heading" data-size="sm">
          {t('unitCosts.allowances.title')}
        </h2>
        <p className="ds-paragraph">{t('unitCosts.allowances.lead')}</p>
        <DataTable columns={[{ label: t('unitCosts.column.group') }, { label: t('unitCosts.column.monthly'), numeric: true }, { label: t('unitCosts.column.countries') }]}>
          {COST_GROUP_CODES.map((g) => (
            <tr key={g}>
              <th scope="row">{t('unitCosts.group', { group: g })}</th>
              <td className="numeric">{amount(rates.allowances[g])}</td>
              <td>{rates.countries[g].length ? byName(rates.countries[g]) : t('unitCosts.noCountries')}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby={`${idPrefix}-travel`}>
        <h2 id={`${idPrefix}-travel`} className="ds-heading" data-size="sm">
          {t('unitCosts.travel.title')}
        </h2>
        <p className="ds-paragraph">{t('unitCosts.travel.lead')}</p>
        <DataTable columns={[{ label: t('unitCosts.column.distance') }, { label: t('unitCosts.column.perParticipant'), numeric: true }]}>
          {DISTANCE_BAND_CODES.map((b) => (
            <tr key={b}>
              <th scope="row">{bandLabel(i18n, b)}</th>
              <td className="numeric">{amount(rates.travel[b])}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby={`${idPrefix}-other`}>
        <h2 id={`${idPrefix}-other`} className="ds-heading" data-size="sm">
          {t('unitCosts.other.title')}
        </h2>
        <dl className="facts">
          {SCALAR_RATES.map(({ key }) => (
            <Fragment key={key}>
              <dt>{t(scalarRateMessage[key])}</dt>
              <dd>{amount(rates[key])}</dd>
            </Fragment>
          ))}
          <dt>{t('unitCosts.rate.adminShare')}</dt>
          <dd>{rates.adminShareBasisPoints === null ? t('unitCosts.notSet') : shareLabel(i18n, rates.adminShareBasisPoints)}</dd>
        </dl>
      </section>
    </>
  );
}
