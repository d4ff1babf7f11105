export const locales = ['en', 'nb', 'nn', 'fr', 'es'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The BCP 47 tag handed to Intl for numbers, dates and currency (Norwegian formats for nb and nn). */
export function intlTag(locale: Locale): string {
  return { en: 'en-GB', nb: 'nb-NO', nn: 'nn-NO', fr: 'fr-FR', es: 'es-ES' }[locale];
}
