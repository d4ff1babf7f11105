/** The ways the dashboards group accepted results. */
export const RESULT_DIMENSIONS = ['programme', 'sdg', 'theme', 'country', 'year'] as const;
export type ResultDimension = (typeof RESULT_DIMENSIONS)[number];
/** The group of rows that have none (no SDG, no cross-cutting theme). */
export const NO_GROUP = 'none';
