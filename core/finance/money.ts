/**
 * Money arithmetic, written once: amounts are integers in the currency's minor units (øre for NOK)
 * with their ISO 4217 code beside them; nothing here uses a fraction of a minor unit. Every sum checks
 * that it stays a safe integer, every share is rounded half away from zero on integers, and every split
 * hands out the rounding remainder so that the parts always add up to the whole.
 */

/** The platform's base currency: appropriations, allocations and commitments are in NOK. */
export const BASE_CURRENCY = 'NOK';

/** Basis points: 10,000 make the whole (8,000 = 80 %). */
export const WHOLE_BASIS_POINTS = 10_000;

export class MoneyOverflowError extends Error {
  constructor() {
    super('An amount left the range of safe integers');
  }
}

function safe(n: number): number {
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError();
  return n;
}

/** True for an amount that can be stored and summed: a safe integer of minor units. */
export function isMinorAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

/** The sum of amounts in minor units; refuses to lose precision instead of rounding silently. */
export function sumMinor(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total = safe(total + safe(amount));
  return total;
}

/** A unit cost times a whole quantity (people, months, trips). */
export function timesQuantity(unitMinor: number, quantity: number): number {
  if (!Number.isSafeInteger(quantity)) throw new MoneyOverflowError();
  return safe(safe(unitMinor) * quantity);
}

/** `numerator / denominator` of a whole number, rounded half away from zero, on exact integers. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (d * 2n);
  return negative ? -rounded : rounded;
}

/** A share of an amount in basis points (an administration share of 7 % is 700), rounded half away from zero. */
export function shareOf(amountMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(basisPoints)) throw new MoneyOverflowError();
  return safe(Number(divideRounded(BigInt(safe(amountMinor)) * BigInt(basisPoints), BigInt(WHOLE_BASIS_POINTS))));
}

/**
 * An amount split by weights (tranches of 8,000 and 2,000 basis points, or partners' shares): each part
 * is its rounded-down share, and the minor units left over go one each to the parts with the largest
 * remainders (the earlier part on a tie). The parts always add up to the amount.
 */
export function splitByWeights(amountMinor: number, weights: readonly number[]): number[] {
  safe(amountMinor);
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('Weights are non-negative integers');
  const totalWeight = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (totalWeight === 0n) throw new RangeError('At least one weight must be above zero');
  const sign = amountMinor < 0 ? -1n : 1n;
  const amount = BigInt(Math.abs(amountMinor));
  const parts = weights.map((w) => (amount * BigInt(w)) / totalWeight);
  const remainders = weights.map((w, i) => ({ i, r: (amount * BigInt(w)) % totalWeight }));
  let left = amount - parts.reduce((a, p) => a + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}

const minorPerMajorOf = new Map<string, number>();

/**
 * How many minor units make one major unit of a currency (100 for NOK, 1 for JPY). Found once per
 * currency: building the Intl.NumberFormat that knows it costs more than the rest of a conversion, and
 * budgets and ledgers convert per row.
 */
export function minorPerMajor(currency: string): number {
  let factor = minorPerMajorOf.get(currency);
  if (factor === undefined) {
    factor = 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
    minorPerMajorOf.set(currency, factor);
  }
  return factor;
}

/**
 * Whole major units as a user types them (`2 400 000`, `2.400.000`, `2,400,000`, `2400000`) in minor
 * units, or null. Separators must group thousands, so `12,5` (a decimal, not whole kroner) is refused
 * rather than read as 125.
 */
export function parseWholeAmount(typed: string, currency: string): number | null {
  const trimmed = typed.trim();
  if (!/^(\d{1,3}([\s\u00a0\u202f.,']\d{3})+|\d{1,13})$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[\s\u00a0\u202f.,']/g, '');
  if (digits.length > 13) return null;
  const minor = Number(digits) * minorPerMajor(currency);
  return Number.isSafeInteger(minor) ? minor : null;
}
