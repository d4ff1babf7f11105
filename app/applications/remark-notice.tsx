import { useI18n } from '../ui/i18n-context.tsx';

/** The adviser's remarks on this section, shown where the partners fix it. */
export function RemarkNotice({ remarks }: { remarks: { id: string; remark: string }[] }) {
  const { t } = useI18n();
  if (remarks.length === 0) return null;
  return (
    <div className="ds-alert" data-color="warning">
      <h2 id="remarks-heading" className="ds-heading" data-size="xs">
        {t('application.remarks.heading')}
      </h2>
      <ul className="ds-list" aria-labelledby="remarks-heading">
        {remarks.map((r) => (
          <li key={r.id} className="preserve-lines">
            {r.remark}
          </li>
        ))}
      </ul>
    </div>
  );
}
