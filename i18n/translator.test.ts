import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogs, type MessageKey } from './catalogs.ts';
import { intlTag, locales } from './locales.ts';
import { createTranslator } from './translator.ts';

// Intl output uses narrow/no-break spaces; compare with ordinary spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('createTranslator', () => {
  it('formats plurals per language', () => {
    expect(createTranslator('en').t('organisations.count', { count: 1 })).toBe('1 organisation');
    expect(createTranslator('en').t('organisations.count', { count: 0 })).toBe('No organisations match');
    expect(createTranslator('nb').t('organisations.count', { count: 3 })).toBe('3 organisasjoner');
  });

  it('joins lists as each language does', () => {
    const kinds = ['arrival', 'mid-term', 'final'];
    expect(createTranslator('en').list(kinds)).toBe('arrival, mid-term and final');
    expect(createTranslator('nb').list(kinds)).toBe('arrival, mid-term og final');
    expect(createTranslator('fr').list(kinds)).toBe('arrival, mid-term et final');
    expect(createTranslator('es').list(kinds)).toBe('arrival, mid-term y final');
    expect(createTranslator('nn').list(['arrival'])).toBe('arrival');
  });

  it('formats every message of text and plain arguments as IntlMessageFormat does, whatever the values', () => {
    let plainMessages = 0;
    for (const locale of locales) {
      const t = createTranslator(locale);
      for (const [key, message] of Object.entries(catalogs[locale]) as [MessageKey, string][]) {
        const ast = parse(message);
        if (!ast.every((el) => el.type === TYPE.literal || el.type === TYPE.argument)) continue;
        plainMessages += 1;
        const names = ast.flatMap((el) => (el.type === TYPE.argument ? [el.value] : []));
        const intl = new IntlMessageFormat(message, intlTag(locale));
        // Text with markup and quotes, numbers (also 0 and fractions), and values IntlMessageFormat turns to text itself.
        for (const pick of [(i: number) => `<b>"Ngozi's" & {x}</b> ${i}`, (i: number) => i * 1234.5, (i: number) => (i % 2 ? 0 : ''), (i: number) => (i % 2 ? null : false)]) {
          const values = Object.fromEntries(names.map((name, i) => [name, pick(i)]));
          expect(t.t(key, values), `${locale} ${key}`).toBe(String(intl.format(values)));
        }
        // A missing value is refused as before.
        if (names.length > 0) expect(() => t.t(key, {})).toThrow();
      }
    }
    expect(plainMessages).toBeGreaterThan(1000);
  });

  it('writes a decimal with all its decimals in the locale’s notation, and anything else as given', () => {
    expect(createTranslator('nb').decimal('0.075892')).toBe('0,075892');
    expect(createTranslator('en').decimal('0.075892')).toBe('0.075892');
    expect(plain(createTranslator('fr').decimal('1234.50'))).toBe('1 234,50');
    expect(createTranslator('es').decimal('12')).toBe('12');
    expect(createTranslator('nb').decimal('abc')).toBe('abc');
  });

  it('formats numbers per locale', () => {
    expect(plain(createTranslator('en').number(12345))).toBe('12,345');
    expect(plain(createTranslator('nb').number(12345))).toBe('12 345');
    expect(plain(createTranslator('fr').number(12345))).toBe('12 345');
    expect(plain(createTranslator('es').number(12345))).toBe('12.345');
  });

  it('formats a small whole number once per locale, and every other number as Intl does', () => {
    for (const locale of ['en', 'nb', 'es'] as const) {
      const intl = new Intl.NumberFormat(intlTag(locale));
      const t = createTranslator(locale);
      for (const value of [0, 7, 1234, 1234, 9999, 10_000, 123_456, -1234, 12.5, 0.25, 1e21]) expect(t.number(value)).toBe(intl.format(value));
    }
    // Kept per locale: Spanish does not group four digits, English does.
    expect(createTranslator('es').number(1234)).toBe('1234');
    expect(createTranslator('en').number(1234)).toBe('1,234');
  });

  it('formats NOK from integer øre per locale', () => {
    expect(plain(createTranslator('nb').money(3_000_000_000))).toBe('30 000 000 kr');
    expect(plain(createTranslator('nn').money(123_450))).toBe('1 234,50 kr');
    expect(plain(createTranslator('es').money(3_000_000_000))).toBe('30.000.000 NOK');
    expect(plain(createTranslator('en').money(123_450))).toBe('NOK 1,234.50');
    expect(plain(createTranslator('fr').money(123_450))).toBe('1 234,50 NOK');
    expect(plain(createTranslator('es').money(123_450))).toBe('1234,50 NOK');
  });

  it('formats money in currencies without minor units', () => {
    expect(plain(createTranslator('en').money(5000, 'JPY'))).toBe('JP¥5,000');
  });

  it('formats dates per locale in the agency’s time zone', () => {
    const date = '2026-11-22T23:30:00Z'; // already 23 November in Førde
    expect(createTranslator('nb').date(date)).toBe('23. november 2026');
    expect(createTranslator('nn').date(date)).toBe('23. november 2026');
    expect(createTranslator('en').date(date)).toBe('23 November 2026');
    expect(createTranslator('fr').date(date)).toBe('23 novembre 2026');
    expect(createTranslator('es').date(date)).toBe('23 de noviembre de 2026');
  });

  it('formats a day (as date columns read) once per locale and style, as Intl does', () => {
    for (const locale of ['en', 'nb', 'fr'] as const) {
      const t = createTranslator(locale);
      for (const style of ['long', 'medium', 'short'] as const) {
        const intl = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: style, timeZone: 'Europe/Oslo' });
        for (const day of ['2026-03-01', '2028-02-29', '2026-12-31', '2026-03-01']) expect(t.date(day, style)).toBe(intl.format(new Date(day)));
      }
    }
    // Kept apart per locale and style.
    expect(createTranslator('nb').date('2026-03-01')).toBe('1. mars 2026');
    expect(createTranslator('en').date('2026-03-01', 'short')).toBe('01/03/2026');
    expect(createTranslator('en').date('2026-03-01')).toBe('1 March 2026');
  });

  it('gives date and time in Oslo time for the audit log', () => {
    expect(plain(createTranslator('nb').dateTime('2026-11-22T10:05:00Z'))).toBe('22. nov. 2026, 11:05');
    expect(plain(createTranslator('en').dateTime('2026-07-01T10:05:00Z'))).toBe('1 Jul 2026, 12:05');
  });

  it('names countries in the reader’s language and refuses unknown codes', () => {
    expect(createTranslator('nb').country('NP')).toBe('Nepal');
    expect(createTranslator('fr').country('ET')).toBe('Éthiopie');
    expect(createTranslator('es').country('NO')).toBe('Noruega');
    expect(createTranslator('en').country('XX')).toBeUndefined();
    expect(createTranslator('en').country('nepal')).toBeUndefined();
  });

  it('builds one translator per locale and reuses it', () => {
    expect(createTranslator('nb')).toBe(createTranslator('nb'));
    expect(createTranslator('nb')).not.toBe(createTranslator('nn'));
  });

  it('keeps whole and fractional amounts apart when formatters are reused', () => {
    const { money } = createTranslator('nb');
    expect(plain(money(3_000_000_000))).toBe('30 000 000 kr');
    expect(plain(money(123_450))).toBe('1 234,50 kr');
    expect(plain(money(3_000_000_000))).toBe('30 000 000 kr');
    expect(plain(money(500, 'EUR'))).toBe('5 €');
    expect(plain(money(550, 'EUR'))).toBe('5,50 €');
  });

  it('reuses date formatters per style without mixing them', () => {
    const { date } = createTranslator('en');
    expect(date('2026-11-22T12:00:00Z', 'medium')).toBe('22 Nov 2026');
    expect(date('2026-11-22T12:00:00Z', 'short')).toBe('22/11/2026');
    expect(date('2026-11-22T12:00:00Z', 'medium')).toBe('22 Nov 2026');
    expect(date(new Date('2026-11-22T12:00:00Z'))).toBe('22 November 2026');
  });
});
