import { z } from 'zod';
import { text } from '../input/text.ts';
import { normaliseRate } from './convert.ts';

/**
 * The currencies a rate may be entered for: ISO 4217 codes as the ICU data of Node's Intl knows them
 * (`Intl.supportedValuesOf('currency')`, kept up to date with Node), NOK aside since rates are NOK per
 * unit. The repository's IATI reference data holds no Currency list (reference/iati).
 */
export const RATE_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency').filter((c) => c !== 'NOK'));

export function isRateCurrency(code: string) {
  return RATE_CURRENCIES.has(code);
}

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2100-12-31';
};

/** One exchange rate as entered: ISO 4217 currency, a date, NOK per one unit (a plain decimal, up to 10 decimals) and its source. */
export const exchangeRateInput = z.object({
  currency: z
    .string({ message: 'chooseCurrency' })
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isRateCurrency, 'chooseCurrency'),
  date: z.string({ message: 'invalidDate' }).trim().refine(isoDate, 'invalidDate'),
  rate: z
    .string({ message: 'chooseExchangeRate' })
    .trim()
    .transform((r, ctx) => {
      const normal = normaliseRate(r.replace(',', '.'));
      if (normal === null || !/^\d{1,10}(\.\d+)?$/.test(normal)) {
        ctx.addIssue({ code: 'custom', message: 'chooseExchangeRate' });
        return z.NEVER;
      }
      return normal;
    }),
  source: text().trim().min(1, 'giveRateSource').max(100, 'tooLong'),
});
export type ExchangeRateInput = z.input<typeof exchangeRateInput>;
