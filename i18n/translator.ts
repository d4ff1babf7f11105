import { TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { catalogs, type MessageKey } from './catalogs.ts';
import { intlTag, type Locale } from './locales.ts';

export type MessageValues = Record<string, PrimitiveType>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, values?: MessageValues): string;
  number(value: number): string;
  /** A decimal as written (`"0.075892"`, an exchange rate), in the locale's notation with all its decimals: "0,075892". */
  decimal(value: string): string;
  /** Money is integer minor units plus an ISO 4217 currency (docs/architecture.md#money). */
  money(minorUnits: number, currency?: string): string;
  date(value: Date | string, style?: 'long' | 'medium' | 'short'): string;
  /** Date and time of day in the agency's time zone (Europe/Oslo), e.g. for the audit log. */
  dateTime(value: Date | string): string;
  /** A country's name from its ISO 3166-1 code (CLDR data built into Node); undefined when unknown. */
  country(code: string): string | undefined;
  /** Items joined as the language lists them ("a, b and c", "a, b og c"). */
  list(items: readonly string[]): string;
}

/**
 * A message as IntlMessageFormat compiled it, and for one made only of text and plain `{name}` arguments
 * (most of the catalogs) its pieces: such a message is formatted by joining the pieces with the values as
 * text, as IntlMessageFormat does, without building its parts list on every call. Plurals, selects, numbers
 * and dates have no pieces and go through IntlMessageFormat.
 */
interface CompiledMessage {
  format: IntlMessageFormat;
  /** Text, or the name of an argument. */
  pieces: (string | { name: string })[] | null;
}

const cache = new Map<string, CompiledMessage>();

function compiled(locale: Locale, key: MessageKey): CompiledMessage {
  const id = `${locale}\u0000${key}`;
  let message = cache.get(id);
  if (!message) {
    const format = new IntlMessageFormat(catalogs[locale][key], intlTag(locale));
    const ast = format.getAst();
    const plain = ast.every((el) => el.type === TYPE.literal || el.type === TYPE.argument);
    message = { format, pieces: plain ? ast.map((el) => (el.type === TYPE.literal ? el.value : { name: el.value })) : null };
    cache.set(id, message);
  }
  return message;
}

/** A message with its values: joined from its pieces when it has them and every value is text or a number, else by IntlMessageFormat. */
function formatMessage({ format, pieces }: CompiledMessage, values: MessageValues): string {
  if (pieces) {
    let text = '';
    for (const piece of pieces) {
      if (typeof piece === 'string') text += piece;
      else {
        const value = values[piece.name];
        if (typeof value !== 'string' && typeof value !== 'number') return String(format.format(values));
        text += value;
      }
    }
    return text;
  }
  return String(format.format(values));
}

const digitsByCurrency = new Map<string, number>();

function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Builds a formatter the first time a key asks for it; later calls reuse it (building one costs far more than using it). */
function memo<F>(make: (key: string) => F): (key: string) => F {
  const made = new Map<string, F>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

const translators = new Map<Locale, Translator>();

/** Whole numbers below this are formatted once per locale and kept (at most this many strings). */
const smallIntegerLimit = 10_000;
/** Days (`YYYY-MM-DD`, as date columns read) kept formatted per locale and style: at most this many, then begun again. */
const keptDaysLimit = 20_000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The translator of a locale. There is one per locale per process, built on first use with its Intl
 * formatters, so pages and emails may call this as often as they like: a page of 25 rows with two
 * dates each used to build 50 Intl.DateTimeFormat objects, which cost more than rendering the page.
 */
export function createTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = Object.freeze(buildTranslator(locale));
    translators.set(locale, translator);
  }
  return translator;
}

function buildTranslator(locale: Locale): Translator {
  const tag = intlTag(locale);
  const numberFormat = new Intl.NumberFormat(tag);
  // Counts (people, reports, partnerships) are mostly small whole numbers, formatted again and again on the
  // same pages (the results dashboard formats a few hundred): each is formatted once per locale.
  const smallIntegers: string[] = [];
  const regionNames = new Intl.DisplayNames(tag, { type: 'region', fallback: 'none' });
  // Keys are a currency code with a digit count, and a date style: a handful per locale.
  const moneyFormat = memo((key) => {
    const [currency, fraction] = key.split(':') as [string, string];
    const digits = Number(fraction);
    return new Intl.NumberFormat(tag, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  });
  // Keyed by the number of decimals: a handful per locale.
  const decimalFormat = memo((digits) => new Intl.NumberFormat(tag, { minimumFractionDigits: Number(digits), maximumFractionDigits: Number(digits) }));
  const dateFormat = memo((style) => new Intl.DateTimeFormat(tag, { dateStyle: style as 'long' | 'medium' | 'short', timeZone: 'Europe/Oslo' }));
  const keptDays = memo(() => new Map<string, string>());
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  const listFormat = new Intl.ListFormat(tag, { type: 'conjunction' });
  const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);
  // At most 26 × 26 codes; a directory's country filter asks for all of them on every page.
  const countryName = memo((code) => {
    try {
      return regionNames.of(code) ?? null;
    } catch {
      return null;
    }
  });
  // A message without values always reads the same: formatted once, then looked up.
  const plainText = memo((key) => String(compiled(locale, key as MessageKey).format.format()));
  return {
    locale,
    t: (key, values) => (values === undefined ? plainText(key) : formatMessage(compiled(locale, key), values)),
    number: (value) => (Number.isInteger(value) && value >= 0 && value < smallIntegerLimit ? (smallIntegers[value] ??= numberFormat.format(value)) : numberFormat.format(value)),
    decimal: (value) => {
      const fraction = /^-?\d+(?:\.(\d+))?$/.exec(value)?.[1]?.length;
      if (fraction === undefined && !/^-?\d+$/.test(value)) return value;
      return decimalFormat(String(Math.min(fraction ?? 0, 20))).format(Number(value));
    },
    money: (minorUnits, currency = 'NOK') => {
      const digits = minorUnitDigits(currency);
      // Grants and ceilings are whole kroner: "30 000 000 kr" reads better than "30 000 000,00 kr".
      // An amount with øre keeps both decimals ("1 234,50 kr"), never one.
      const fraction = minorUnits % 10 ** digits === 0 ? 0 : digits;
      return moneyFormat(`${currency}:${fraction}`).format(minorUnits / 10 ** digits);
    },
    date: (value, style = 'long') => {
      if (typeof value !== 'string' || !isoDay.test(value)) return dateFormat(style).format(toDate(value));
      // Lists show the same days again and again (a round's start and end on each of 50 reports): each day is
      // formatted once per style, since one format costs microseconds and a page of them a fifth of a millisecond.
      const kept = keptDays(style);
      let text = kept.get(value);
      if (text === undefined) {
        if (kept.size >= keptDaysLimit) kept.clear();
        text = dateFormat(style).format(toDate(value));
        kept.set(value, text);
      }
      return text;
    },
    dateTime: (value) => dateTimeFormat.format(toDate(value)),
    country: (code) => (/^[A-Z]{2}$/.test(code) ? (countryName(code) ?? undefined) : undefined),
    list: (items) => listFormat.format(items),
  };
}
