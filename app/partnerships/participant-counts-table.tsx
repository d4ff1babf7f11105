import type { PartnershipParticipantCounts } from '../../core/partnerships/get-partnership-participant-counts.ts';
import { useI18n } from '../ui/i18n-context.tsx';

const stages = ['planned', 'nominated', 'inPlacement', 'completed'] as const;

/**
 * People per partner, sent and received: planned, nominated (not gone yet), in placement and completed.
 * Two header rows, the first grouping the columns, so a screen reader says "Sent, in placement" with each
 * figure. For the agency, partners that send no one or host no one are named above the table, in words.
 */
export function ParticipantCountsTable({ counts }: { counts: PartnershipParticipantCounts }) {
  const { t, number } = useI18n();
  const stageLabel = { planned: t('partnershipPeople.planned'), nominated: t('partnershipPeople.nominated'), inPlacement: t('partnershipPeople.inPlacement'), completed: t('partnershipPeople.completed') };
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title" className="ds-heading" data-size="sm">
        {t('partnershipPeople.title')}
      </h2>
      <p className="ds-paragraph">{t('partnershipPeople.lead')}</p>
      {counts.imbalance.length > 0 ? (
        <div className="ds-alert" data-color="warning" role="note">
          <h3 className="ds-heading" data-size="xs">
            {t('partnershipPeople.imbalance.title')}
          </h3>
          <ul className="ds-list">
            {counts.imbalance.map((p) => (
              <li key={`${p.code}-${p.partnerId}`}>{p.code === 'sendsNoOne' ? t('partnershipPeople.imbalance.sendsNoOne', { partner: p.partnerName ?? '' }) : t('partnershipPeople.imbalance.hostsNoOne', { partner: p.partnerName ?? '' })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="table-scroll">
        <table className="ds-table" data-border="true">
          <caption>{t('partnershipPeople.caption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={stages.length}>
                {t('partnershipPeople.sent')}
              </th>
              <th scope="colgroup" colSpan={stages.length}>
                {t('partnershipPeople.received')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('organisations.column.name')}</th>
              {[...stages, ...stages].map((s, i) => (
                <th key={i} scope="col" className="numeric">
                  {stageLabel[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.partners.map((p) => (
              <tr key={p.partnerId}>
                <th scope="row">{p.name}</th>
                {stages.map((s) => (
                  <td key={`sent-${s}`} className="numeric">
                    {number(p.sent[s])}
                  </td>
                ))}
                {stages.map((s) => (
                  <td key={`received-${s}`} className="numeric">
                    {number(p.received[s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
