import type { BalanceFlag, PlannedVsActual } from '../../core/partnerships/planned-vs-actual.ts';
import type { MessageKey } from '../../i18n/catalogs.ts';
import { useI18n } from '../ui/i18n-context.tsx';

const flagMessage: Record<BalanceFlag, MessageKey> = {
  sendsNoOne: 'chain.flag.sendsNoOne',
  hostsNoOne: 'chain.flag.hostsNoOne',
  sendsBehind: 'chain.flag.sendsBehind',
  hostsBehind: 'chain.flag.hostsBehind',
};

/** Planned versus actual exchanges per partner; the actual columns appear once there are participants. */
export function PlanBalanceTable({ balance, names }: { balance: PlannedVsActual; names: Map<string, string> }) {
  const { t, number } = useI18n();
  const actual = balance.hasActual;
  return (
    <section aria-labelledby="balance-title">
      <h2 id="balance-title" className="ds-heading" data-size="sm">
        {t('chain.balance.title')}
      </h2>
      <p className="ds-paragraph">{actual ? t('chain.balance.lead') : t('chain.balance.noActual')}</p>
      <div className="table-scroll">
        <table className="ds-table" data-border="true">
          <caption>{t('chain.balance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.column.name')}</th>
              <th scope="col" className="numeric">
                {t('chain.balance.plannedSent')}
              </th>
              {actual ? (
                <th scope="col" className="numeric">
                  {t('chain.balance.actualSent')}
                </th>
              ) : null}
              <th scope="col" className="numeric">
                {t('chain.balance.plannedHosted')}
              </th>
              {actual ? (
                <>
                  <th scope="col" className="numeric">
                    {t('chain.balance.actualHosted')}
                  </th>
                  <th scope="col">{t('chain.balance.status')}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {balance.partners.map((p) => (
              <tr key={p.partnerId}>
                <th scope="row">{names.get(p.partnerId) ?? p.partnerId}</th>
                <td className="numeric">{number(p.plannedSent)}</td>
                {actual ? <td className="numeric">{number(p.actualSent)}</td> : null}
                <td className="numeric">{number(p.plannedHosted)}</td>
                {actual ? (
                  <>
                    <td className="numeric">{number(p.actualHosted)}</td>
                    <td>
                      {p.flags.length === 0 ? (
                        t('chain.balance.asPlanned')
                      ) : (
                        <strong className="balance-flag">{p.flags.map((f) => t(flagMessage[f])).join('; ')}</strong>
                      )}
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
