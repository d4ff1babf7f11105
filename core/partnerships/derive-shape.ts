/** North–South, South–South or triangular (docs/architecture.md#partnership-shapes), derived from the partners' countries. */
export type PartnershipShape = 'north_south' | 'south_south' | 'triangular';

/** The agency's own country is the "North" of the method. */
export const NORTH_COUNTRIES: readonly string[] = ['NO'];

/**
 * One entry per partner organisation (not per distinct country): two Nepali partners and a Norwegian one
 * are a triangular partnership. Returns null when no shape fits (fewer than two partners, or only
 * Norwegian partners).
 */
export function deriveShape(
  partnerCountries: readonly string[],
  north: readonly string[] = NORTH_COUNTRIES,
): PartnershipShape | null {
  if (partnerCountries.length < 2) return null;
  const northCount = partnerCountries.filter((c) => north.includes(c.toUpperCase())).length;
  const southCount = partnerCountries.length - northCount;
  if (northCount === 0) return 'south_south';
  if (southCount === 0) return null;
  return southCount === 1 ? 'north_south' : 'triangular';
}
