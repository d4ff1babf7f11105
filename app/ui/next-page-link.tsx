import { useI18n } from './i18n-context.tsx';

/** The link to the next keyset page, keeping the current filters; nothing on the last page. */
export function NextPageLink({ filters, cursorName, cursor }: { filters: Record<string, string>; cursorName: string; cursor: string | number | null | undefined }) {
  const { t } = useI18n();
  if (cursor == null) return null;
  return (
    <p className="ds-paragraph">
      <a className="ds-link" href={`?${new URLSearchParams({ ...filters, [cursorName]: String(cursor) }).toString()}`} rel="next">
        {t('organisations.nextPage')}
      </a>
    </p>
  );
}
