/** The largest magnitude an indicator's number may have (numeric(18, 2) keeps 16 digits before the point). */
export const MAX_INDICATOR_NUMBER = 999_999_999_999_999;

/**
 * A number as people type it in any of the five locales: digits with spaces (also no-break and narrow
 * no-break) between thousands, an optional minus, and a decimal point or comma with at most two decimals:
 * "1 200", "12,5", "-3.25". Anything else (words, "12 %", "1.200,5") is not a number: undefined.
 */
export function parseIndicatorNumber(typed: string): number | undefined {
  const compact = typed.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d{1,15}(\.\d{1,2})?$/.test(compact)) return undefined;
  const value = Number(compact);
  return Number.isFinite(value) && Math.abs(value) <= MAX_INDICATOR_NUMBER ? value : undefined;
}

/** A whole number of people, 0 or more, as typed ("1 200"); '' is not given (null); anything else undefined. */
export function parsePeopleCount(typed: string): number | null | undefined {
  if (typed.trim() === '') return null;
  const value = parseIndicatorNumber(typed);
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 100_000_000 ? value : undefined;
}
