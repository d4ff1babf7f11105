/** The steps of the application form, in order; each has its own URL and is saved on its own. */
export const APPLICATION_STEPS = ['basics', 'partners', 'focus', 'goals', 'plan', 'emergency', 'submit'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

/** The sections an adviser can remark on when returning an application (every step but the last). */
export const APPLICATION_SECTIONS = APPLICATION_STEPS.filter((s): s is Exclude<ApplicationStep, 'submit'> => s !== 'submit');
export type ApplicationSection = (typeof APPLICATION_SECTIONS)[number];

export function isApplicationStep(value: string | undefined): value is ApplicationStep {
  return (APPLICATION_STEPS as readonly string[]).includes(value ?? '');
}
