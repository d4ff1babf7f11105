import type { MessageKey } from '../../i18n/catalogs.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

export interface StatusHistoryEntry {
  from: string | null;
  to: string;
  reason: string | null;
  by: string | null;
  at: string | Date;
}

/** A participant's status history, oldest first: when, from, to, who, why. */
export function StatusHistoryTable({ entries }: { entries: StatusHistoryEntry[] }) {
  const { t, date } = useI18n();
  const status = (s: string | null) => (s ? t(`participantStatus.${s}` as MessageKey) : t('participantPage.history.start'));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="ds-heading" data-size="sm">
        {t('participantPage.history.title')}
      </h2>
      <DataTable
        columns={[
          { label: t('participantPage.history.at') },
          { label: t('participantPage.history.from') },
          { label: t('participantPage.history.to') },
          { label: t('participantPage.history.by') },
          { label: t('participantPage.history.reason') },
        ]}
      >
        {entries.map((e, i) => (
          <tr key={i}>
            <th scope="row">{date(e.at, 'medium')}</th>
            <td>{status(e.from)}</td>
            <td>{status(e.to)}</td>
            <td>{e.by?.startsWith('system:') ? t('participantPage.history.system') : (e.by ?? '')}</td>
            <td>{e.reason ?? ''}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
