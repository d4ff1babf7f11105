import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '../../i18n/locales.ts';
import { createTranslator, type Translator } from '../../i18n/translator.ts';

const I18nContext = createContext<Translator>(createTranslator('en'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={createTranslator(locale)}>{children}</I18nContext.Provider>;
}

/** The current page's translator: messages, numbers, money and dates in the page's locale. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}
