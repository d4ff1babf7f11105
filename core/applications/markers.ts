/**
 * The cross-cutting markers an application scores 0 (not targeted), 1 (significant) or 2 (principal),
 * as in IATI's PolicySignificance list. Gender equality and environment are IATI PolicyMarker codes 1
 * and 2; human rights and anti-corruption are the agency's own (Norad's practice), with no IATI code.
 */
export const MARKERS = [
  { code: 'human_rights', iatiCode: null },
  { code: 'gender_equality', iatiCode: '1' },
  { code: 'environment', iatiCode: '2' },
  { code: 'anti_corruption', iatiCode: null },
] as const;

export type MarkerCode = (typeof MARKERS)[number]['code'];
export const SIGNIFICANCES = [0, 1, 2] as const;
