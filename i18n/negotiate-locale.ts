import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { defaultLocale, locales, type Locale } from './locales.ts';

/** Picks the best of our locales for an Accept-Language header; plain "no" (Norwegian) means bokmål. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } })
    .languages()
    .filter((tag) => tag !== '*')
    .map((tag) => (/^no\b/i.test(tag) ? tag.replace(/^no/i, 'nb') : tag));
  if (requested.length === 0) return defaultLocale;
  try {
    return match(requested, [...locales], defaultLocale) as Locale;
  } catch {
    return defaultLocale; // a malformed tag from a client never breaks the redirect
  }
}
