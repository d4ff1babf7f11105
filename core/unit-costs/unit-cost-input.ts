import { z } from 'zod';
import { COST_GROUP_CODES, DISTANCE_BAND_CODES, type CostGroup, type DistanceBand } from '../../db/schema/unit-costs.ts';
import { minorPerMajor, parseWholeAmount, timesQuantity, WHOLE_BASIS_POINTS } from '../finance/money.ts';
import { text } from '../input/text.ts';
import { isCode } from '../reference/codelists.ts';

/** The years a unit-cost table may be for. */
export const UNIT_COST_YEARS = { min: 2000, max: 2100 } as const;
/** The highest rate a table takes, in whole kroner: far above any real one, so a slip of the keyboard is caught. */
export const MAX_RATE_WHOLE = 10_000_000;

export const unitCostYear = z.coerce
  .number({ error: 'chooseYear' })
  .int('chooseYear')
  .min(UNIT_COST_YEARS.min, 'chooseYear')
  .max(UNIT_COST_YEARS.max, 'chooseYear');

export const startDraftInput = z.object({ year: unitCostYear });
export type StartDraftInput = z.infer<typeof startDraftInput>;

// Whole kroner as people type them: plain digits, or grouped by thousands with one kind of separator
// ("12 000", "12.000", "12,000", also with the no-break spaces Intl writes in nb and fr). "12,5" is
// refused rather than read as 125 or guessed to be 12.50.
const wholeFigure = /^(?:\d+|\d{1,3}([ \u00a0\u202f.,'])\d{3}(?:\1\d{3})*)$/;

/**
 * A rate in whole units of the table's currency (NOK), or nothing yet (empty, null or left out: a
 * draft may leave a rate unset). Comes out in minor units; JSON numbers must be whole.
 */
const rate = z
  .union([text(), z.number(), z.null()])
  .optional()
  .transform((value, ctx): number | null => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
    let minor: number | null = null;
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value) && value >= 0 && value <= MAX_RATE_WHOLE) minor = timesQuantity(minorPerMajor('NOK'), value);
    } else {
      const figure = value.trim();
      const parsed = wholeFigure.test(figure) ? parseWholeAmount(figure, 'NOK') : null;
      if (parsed !== null && parsed <= timesQuantity(minorPerMajor('NOK'), MAX_RATE_WHOLE)) minor = parsed;
    }
    if (minor === null) {
      ctx.addIssue({ code: 'custom', message: 'invalidRate', params: { max: MAX_RATE_WHOLE } });
      return z.NEVER;
    }
    return minor;
  });

/**
 * A percentage with at most two decimals ("7", "7,5", "7.25", or 7.5 from JSON), in basis points,
 * worked out on the digits so that no binary fraction is involved.
 */
const percentage = z
  .union([text(), z.number(), z.null()])
  .optional()
  .transform((value, ctx): number | null => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
    const typed = (typeof value === 'number' ? String(value) : value).trim().replace(/\s*%$/, '');
    const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(typed);
    const basisPoints = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
    if (basisPoints === null || basisPoints > WHOLE_BASIS_POINTS) {
      ctx.addIssue({ code: 'custom', message: 'invalidShare' });
      return z.NEVER;
    }
    return basisPoints;
  });

/** Country codes as typed in a group's box ("NP, ET mw") or sent as a list: upper case, each once, sorted. */
const countryList = z
  .union([text(), z.array(text().max(10, 'tooLong')).max(300, 'tooMany')])
  .optional()
  .transform((value, ctx): string[] => {
    const typed = Array.isArray(value) ? value : (value ?? '').split(/[\s,;]+/);
    const codes = [...new Set(typed.map((c) => c.trim().toUpperCase()).filter(Boolean))].sort();
    const unknown = codes.filter((c) => !/^[A-Z]{2}$/.test(c) || !isCode('Country', c));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'unknownCountryCodes', params: { codes: unknown.slice(0, 10).join(', ') } });
      return z.NEVER;
    }
    return codes;
  });

const byGroup = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(COST_GROUP_CODES.map((g) => [g, item])) as Record<CostGroup, T>);
const byBand = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(DISTANCE_BAND_CODES.map((b) => [b, item])) as Record<DistanceBand, T>);

/**
 * A draft's rates as the editor's form or the API sends them (docs/architecture.md#unit-cost-tables):
 * a monthly allowance and the host countries of each cost group, travel per distance band, insurance
 * per month, the preparatory course, visa and health lump sums (all in whole kroner; empty for not yet
 * set), and the administration share as a percentage. Every refused value is reported at once, each
 * at its own path (`allowances.A`, `countries.B`, `travel.8000+`, `adminShare`); a country in two
 * groups is named at the second group's box.
 */
export const unitCostDraftInput = z.object({
  allowances: byGroup(rate).optional().default(byGroup(rate).parse({})),
  countries: byGroup(countryList)
    .optional()
    .default(byGroup(countryList).parse({}))
    .superRefine((countries, ctx) => {
      const seen = new Map<string, CostGroup>();
      for (const g of COST_GROUP_CODES) {
        for (const country of countries[g]) {
          const first = seen.get(country);
          if (first) ctx.addIssue({ code: 'custom', path: [g], message: 'countryInTwoGroups', params: { country, first, second: g } });
          else seen.set(country, g);
        }
      }
    }),
  travel: byBand(rate).optional().default(byBand(rate).parse({})),
  insurancePerMonth: rate,
  preparatoryCourse: rate,
  visa: rate,
  health: rate,
  adminShare: percentage,
});
export type UnitCostDraftInput = z.infer<typeof unitCostDraftInput>;
