import { useI18n } from '../ui/i18n-context.tsx';

export interface AuditEntryView {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  recordType?: string;
  recordId?: string;
  before: unknown;
  after: unknown;
}

/** One audit entry as a table row; the record column only where entries of several records are listed. */
export function AuditEntryRow({ entry, showRecord }: { entry: AuditEntryView; showRecord: boolean }) {
  const { dateTime } = useI18n();
  return (
    <tr>
      <td>{dateTime(entry.at)}</td>
      <td>{entry.actorLabel}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      {showRecord ? (
        <td>
          <code>{entry.recordType}</code> <code>{entry.recordId}</code>
        </td>
      ) : null}
      <td>
        <code className="audit-change">{JSON.stringify({ before: entry.before, after: entry.after })}</code>
      </td>
    </tr>
  );
}
