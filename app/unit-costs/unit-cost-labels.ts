import type { DistanceBand } from '../../core/unit-costs/unit-cost-rates.ts';
import type { Translator } from '../../i18n/translator.ts';

/** A distance band as people read it: "0–99 km", "8,000 km or more" (numbers in the page's locale). */
export function bandLabel(t: Translator, band: DistanceBand): string {
  const [from, to] = band.replace('+', '').split('-').map(Number) as [number, number | undefined];
  return to === undefined ? t.t('unitCosts.band.over', { from }) : t.t('unitCosts.band.range', { from, to });
}

/** Basis points as a percentage, for reading: 700 → "7 %", 725 → "7.25 %" (as the locale writes them). */
export function shareLabel(t: Translator, basisPoints: number): string {
  return t.t('unitCosts.share.value', { share: basisPoints / 10_000 });
}

/** The years addresses and forms take: four digits, or not a year (the page answers "not found"). */
export function yearParam(value: string | undefined): number | null {
  return value !== undefined && /^\d{4}$/.test(value) ? Number(value) : null;
}

export const statusMessage = { draft: 'unitCosts.status.draft', published: 'unitCosts.status.published' } as const;

/** Where a programme's unit-cost pages are. */
export const unitCostPaths = (locale: string, programmeId: string) => {
  const base = `/${locale}/admin/programmes/${programmeId}/unit-costs`;
  return { programme: base, year: (year: number) => `${base}/${year}`, draft: (year: number) => `${base}/${year}/draft`, publish: (year: number) => `${base}/${year}/publish` };
};
