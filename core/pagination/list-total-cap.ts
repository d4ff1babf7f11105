/**
 * Above this many matches a list says "more than …" instead of counting on: an exact count of a hundred
 * thousand rows costs more than the page it heads. Lists count a limited subquery, stopping one past it.
 */
export const LIST_TOTAL_CAP = 1_000;

/** A list's total as it is told: exact up to the cap; above it the cap, with `totalCapped`. */
export function cappedTotal(counted: number): { total: number; totalCapped: boolean } {
  return { total: Math.min(counted, LIST_TOTAL_CAP), totalCapped: counted > LIST_TOTAL_CAP };
}
