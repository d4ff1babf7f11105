import { useI18n } from './i18n-context.tsx';

export function SiteFooter({ agencyName, agencyCity }: { agencyName: string; agencyCity: string }) {
  const { t, locale } = useI18n();
  return (
    <footer className="site-footer">
      <p className="ds-paragraph" data-size="sm">
        {t('footer.about')}
      </p>
      <p className="ds-paragraph" data-size="sm">
        {t('footer.agency', { agency: agencyName, city: agencyCity })}
        {' · '}
        <a className="ds-link" href={`/${locale}/statistics`}>
          {t('statistics.title')}
        </a>
        {' · '}
        <a className="ds-link" href="/api/docs">
          {t('footer.apiDocs')}
        </a>
        {' · '}
        <a className="ds-link" href={`/${locale}/open-data`}>
          {t('openData.link.footer')}
        </a>
        {' · '}
        <a className="ds-link" href="/open-data/iati/activities.xml">
          {t('openData.iati.footerLink')}
        </a>
      </p>
    </footer>
  );
}
