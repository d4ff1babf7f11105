/** Where an indicator's change is sought: in the people exchanged, in the partner organisations, or in society around them. */
export const INDICATOR_LEVELS = ['individual', 'organisational', 'societal'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];
