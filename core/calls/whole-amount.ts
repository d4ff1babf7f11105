/** The largest ceiling a form accepts, in whole units: far above any call, far below the 2^53 limit in minor units. */
export const MAX_WHOLE_AMOUNT = 1_000_000_000_000;

// Digits grouped by thousands with one kind of separator, as people type them in any of our locales:
// "30 000 000" (also with the no-break spaces Intl uses in nb and fr), "30.000.000", "30,000,000", "30'000'000".
const grouped = /^\d{1,3}(?:([ \u00a0\u202f.,'’])\d{3}(?:\1\d{3})*)?$/;
const plain = /^\d+$/;
// A currency written before or after the figure ("NOK 30 000 000", "30 000 000 kr", "30 000,-").
const currencyMarks = /^(?:nok|kr\.?)\s*|\s*(?:nok|kr\.?|,-)$/gi;

/**
 * A whole amount of money typed into a form, or null when it is not one. Whole units only: "30,5" is
 * refused rather than guessed at (is the comma a decimal point or a thousands separator?).
 */
export function parseWholeAmount(text: string): number | null {
  const figure = text.trim().replace(currencyMarks, '').trim();
  if (!plain.test(figure) && !grouped.test(figure)) return null;
  const value = Number(figure.replace(/\D/g, ''));
  return Number.isSafeInteger(value) && value > 0 && value <= MAX_WHOLE_AMOUNT ? value : null;
}

/** Whole units to minor units (øre for NOK: 100 to the krone). */
export const wholeToMinor = (whole: number) => whole * 100;
