/**
 * Age bands of the public statistics, by whole years of age on the day the stay starts. The SQL that puts a
 * person in a band is `participant_age_band` in the participant-statistics migration; a test checks both.
 */
export const AGE_BANDS = ['under-25', '25-29', '30-34', '35-44', '45-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age < 25) return 'under-25';
  if (age < 30) return '25-29';
  if (age < 35) return '30-34';
  if (age < 45) return '35-44';
  return '45-plus';
}
