import { useI18n } from '../ui/i18n-context.tsx';
import { AuditEntryRow, type AuditEntryView } from './audit-entry-row.tsx';
import { DataTable } from '../ui/data-table.tsx';

/** The audit entries of one record, shown on its page to administrators. */
export function RecordHistory({ entries, recordType, recordId }: { entries: AuditEntryView[]; recordType: string; recordId: string }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="ds-heading" data-size="sm">
        {t('history.title')}
      </h2>
      <DataTable className="audit-table" columns={[{ label: t('admin.audit.when') }, { label: t('admin.audit.actor') }, { label: t('admin.audit.action') }, { label: t('admin.audit.changes') }]}>
        {entries.map((e) => (
          <AuditEntryRow key={e.id} entry={e} showRecord={false} />
        ))}
      </DataTable>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/admin/audit?recordType=${encodeURIComponent(recordType)}&recordId=${encodeURIComponent(recordId)}`}>
          {t('history.all')}
        </a>
      </p>
    </section>
  );
}
