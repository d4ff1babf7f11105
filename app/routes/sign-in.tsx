import { useI18n } from '../i18n/i18n-context.tsx';

export default function SignIn() {
  const { t, locale } = useI18n();
  return (
    <>
      <title>{t('signIn.title')}</title>
      <h1 className="ds-heading" data-size="lg">
        {t('signIn.title')}
      </h1>
      <p className="ds-paragraph">{t('signIn.text')}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href={`/${locale}/`}>
          {t('signIn.backHome')}
        </a>
      </p>
    </>
  );
}
