import { useI18n } from '../ui/i18n-context.tsx';

/** "Save and continue" (the default, first in order) and "Save": both keep everything typed on the server. */
export function SaveButtons({ last }: { last?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="form-grid__actions">
      {last ? null : (
        <button type="submit" name="intent" value="continue" className="ds-button" data-variant="primary">
          {t('application.saveAndContinue')}
        </button>
      )}
      <button type="submit" name="intent" value="stay" className="ds-button" data-variant={last ? 'primary' : 'secondary'}>
        {t('application.save')}
      </button>
    </div>
  );
}
