import { isLocale, type Locale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';

/** The translator for a route's `:lang` parameter, for messages built in loaders and actions. */
export function translatorFor(lang: string | undefined) {
  const locale: Locale = isLocale(lang) ? lang : 'en';
  return createTranslator(locale);
}
