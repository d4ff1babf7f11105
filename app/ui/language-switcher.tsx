import { useLocation } from 'react-router';
import { catalogs } from '../../i18n/catalogs.ts';
import { useI18n } from './i18n-context.tsx';
import { locales, type Locale } from '../../i18n/locales.ts';

/** Links to the same page in each language; each language is named in itself. */
export function LanguageSwitcher() {
  const { t, locale: current } = useI18n();
  const { pathname, search } = useLocation();
  const rest = pathname.replace(/^\/[^/]+/, '') || '/';
  const href = (locale: Locale) => `/${locale}${rest}${search}`;
  return (
    <nav aria-label={t('layout.languageNav')} className="language-switcher">
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={href(locale)}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className="ds-link"
            >
              {catalogs[locale]['language.name']}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
