import { minorPerMajor } from '../finance/money.ts';

/** Decimals a rate is kept with (the `numeric(20, 10)` column). */
export const RATE_SCALE = 10;
const SCALE = 10n ** BigInt(RATE_SCALE);
const RATE_PATTERN = /^(\d{1,10})(?:\.(\d{1,10}))?$/;

/** A rate as written ("0.0795", "12.5300000000") as an integer of 10^-10 NOK, or null when it is not a plain positive decimal. */
export function scaledRate(rate: string): bigint | null {
  const m = RATE_PATTERN.exec(rate.trim());
  if (!m) return null;
  const scaled = BigInt(m[1]!) * SCALE + BigInt((m[2] ?? '').padEnd(RATE_SCALE, '0'));
  return scaled > 0n ? scaled : null;
}

/** A rate in its shortest plain form: "0.0795000000" → "0.0795", "12.0000000000" → "12". */
export function normaliseRate(rate: string): string | null {
  const scaled = scaledRate(rate);
  if (scaled === null) return null;
  const whole = scaled / SCALE;
  const fraction = (scaled % SCALE).toString().padStart(RATE_SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** `numerator / denominator` rounded half away from zero, in BigInt (denominator above zero). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/**
 * An amount in NOK øre as minor units of `currency`, at `nokPerUnit` NOK for one unit of it: exact
 * BigInt arithmetic on the decimal rate (never a float), rounded half away from zero to the currency's
 * minor unit. 1 000 000 øre (10 000 NOK) at 0.0795 NOK per NPR is 125 786.16 NPR = 12 578 616 paisa.
 */
export function nokToLocalMinor(nokMinor: number, nokPerUnit: string, currency: string): number {
  const rate = scaledRate(nokPerUnit);
  if (rate === null) throw new RangeError(`not a rate: ${nokPerUnit}`);
  if (!Number.isSafeInteger(nokMinor)) throw new RangeError(`not minor units: ${nokMinor}`);
  const result = divideRounded(BigInt(nokMinor) * SCALE * BigInt(minorPerMajor(currency)), BigInt(minorPerMajor('NOK')) * rate);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large');
  return Number(result);
}
