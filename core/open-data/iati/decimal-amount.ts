import { minorPerMajor } from '../../finance/money.ts';

/**
 * An amount in minor units as the exact decimal IATI's `value` carries ("1234.56", "-0.05", "700" for a
 * currency without minor units), by integer arithmetic only: never through a floating-point division.
 */
export function decimalAmount(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('An amount in minor units is a safe integer');
  const per = BigInt(minorPerMajor(currency));
  const digits = per.toString().length - 1;
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  const major = (abs / per).toString();
  const minor = digits === 0 ? '' : `.${(abs % per).toString().padStart(digits, '0')}`;
  return `${negative ? '-' : ''}${major}${minor}`;
}

/** Basis points of the whole (3,334) as the percentage IATI writes ("33.34"). */
export function percentFromBasisPoints(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
