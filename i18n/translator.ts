import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { catalogs, type MessageKey } from './catalogs.ts';
import { intlTag, type Locale } from './locales.ts';

export type MessageValues = Record<string, PrimitiveType>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, values?: MessageValues): string;
  number(value: number): string;
  /** Money is integer minor units plus an ISO 4217 currency (docs/architecture.md#money). */
  money(minorUnits: number, currency?: string): string;
  date(value: Date | string, style?: 'long' | 'medium' | 'short'): string;
  /** Date and time of day in the agency's time zone (Europe/Oslo), e.g. for the audit log. */
  dateTime(value: Date | string): string;
  /** A country's name from its ISO 3166-1 code (CLDR data built into Node); undefined when unknown. */
  country(code: string): string | undefined;
}

const cache = new Map<string, IntlMessageFormat>();

function compiled(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalogs[locale][key], intlTag(locale));
    cache.set(id, format);
  }
  return format;
}

function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function createTranslator(locale: Locale): Translator {
  const tag = intlTag(locale);
  const numberFormat = new Intl.NumberFormat(tag);
  const regionNames = new Intl.DisplayNames(tag, { type: 'region', fallback: 'none' });
  return {
    locale,
    t: (key, values) => String(compiled(locale, key).format(values)),
    number: (value) => numberFormat.format(value),
    money: (minorUnits, currency = 'NOK') => {
      const digits = minorUnitDigits(currency);
      // Grants and ceilings are whole kroner: "30 000 000 kr" reads better than "30 000 000,00 kr".
      // An amount with øre keeps both decimals ("1 234,50 kr"), never one.
      const fraction = minorUnits % 10 ** digits === 0 ? 0 : digits;
      return new Intl.NumberFormat(tag, { style: 'currency', currency, minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(minorUnits / 10 ** digits);
    },
    date: (value, style = 'long') => {
      const date = typeof value === 'string' ? new Date(value) : value;
      return new Intl.DateTimeFormat(tag, { dateStyle: style, timeZone: 'Europe/Oslo' }).format(date);
    },
    dateTime: (value) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(
        typeof value === 'string' ? new Date(value) : value,
      ),
    country: (code) => {
      if (!/^[A-Z]{2}$/.test(code)) return undefined;
      try {
        return regionNames.of(code);
      } catch {
        return undefined;
      }
    },
  };
}
