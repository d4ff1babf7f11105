import { z } from 'zod';
import { INDICATOR_LEVELS } from '../results/indicator-levels.ts';
import { INDICATOR_ROWS } from './indicator-rows.ts';
import { text } from '../input/text.ts';
import { isCode } from '../reference/codelists.ts';
import { parseIndicatorNumber } from '../results/indicator-number.ts';

/** At most this many SDG targets on one indicator. */
export const MAX_INDICATOR_SDG_TARGETS = 10;

const indicator = z.object({
  description: text().trim().max(300, 'tooLong'),
  baseline: text().trim().max(100, 'tooLong'),
  target: text().trim().max(100, 'tooLong'),
  /** individual, organisational or societal; left out (or '') on indicators written without one. */
  level: z.preprocess((v) => (v === '' ? null : v), z.enum(INDICATOR_LEVELS, { message: 'indicatorLevelInvalid' }).nullable()).optional(),
  /** The indicator counts people: baseline and target are whole numbers, actuals are given by gender. */
  countsPeople: z.boolean({ message: 'invalid' }).optional(),
  /** UN SDG target codes ("4.7"), from reference/iati/UNSDG-Targets.xml. */
  sdgTargets: z.array(text().refine((code) => isCode('UNSDG-Targets', code), 'invalid')).max(MAX_INDICATOR_SDG_TARGETS, 'tooMany').optional(),
});

export { INDICATOR_ROWS };

type IndicatorText = z.infer<typeof indicator>;
type GoalText = { description: string; indicators: IndicatorText[] };

/**
 * Empty indicator rows are dropped; at least one must remain, and each kept one needs all three boxes. An
 * indicator that counts people needs whole numbers as baseline and target. Baseline and target typed as
 * numbers ("1 200", "12,5") are kept as numbers too (`baselineValue`, `targetValue`); otherwise the
 * indicator is qualitative and they are null.
 */
function indicatorRules<T extends GoalText>(schema: z.ZodType<T>) {
  return schema
    .transform((v) => ({
      ...v,
      indicators: v.indicators
        .filter((i) => i.description || i.baseline || i.target)
        .map((i) => {
          const baselineValue = parseIndicatorNumber(i.baseline);
          const targetValue = parseIndicatorNumber(i.target);
          const numeric = baselineValue !== undefined && targetValue !== undefined;
          return {
            description: i.description,
            baseline: i.baseline,
            target: i.target,
            level: i.level ?? null,
            countsPeople: i.countsPeople ?? false,
            sdgTargets: [...new Set(i.sdgTargets ?? [])],
            baselineValue: numeric ? baselineValue : null,
            targetValue: numeric ? targetValue : null,
          };
        }),
    }))
    .superRefine((v, ctx) => {
      if (v.indicators.length === 0) ctx.addIssue({ code: 'custom', message: 'indicatorRequired', path: ['indicators', 0, 'description'] });
      v.indicators.forEach((i, n) => {
        if (!i.description || !i.baseline || !i.target) ctx.addIssue({ code: 'custom', message: 'indicatorIncomplete', path: ['indicators', n, i.description ? (i.baseline ? 'target' : 'baseline') : 'description'] });
        if (!i.countsPeople) return;
        for (const part of ['baseline', 'target'] as const) {
          const value = parseIndicatorNumber(i[part]);
          if (i[part] && (value === undefined || !Number.isInteger(value) || value < 0)) ctx.addIssue({ code: 'custom', message: 'indicatorPeopleNumber', path: ['indicators', n, part] });
        }
      });
    });
}

const goalText = {
  description: text().trim().min(5, 'goalRequired').max(1000, 'tooLong'),
  indicators: z.array(indicator).max(INDICATOR_ROWS),
};

/** A goal of one partner ("owner" is its organisation id) or of all ("shared"), with 1–3 indicators. */
export const applicationGoalInput = indicatorRules(z.object({ owner: z.union([z.literal('shared'), z.uuid('choosePartner')], { message: 'choosePartner' }), ...goalText }));

export type ApplicationGoalInput = z.infer<typeof applicationGoalInput>;
/** What a caller gives (before the rules fill in the numbers and defaults). */
export type ApplicationGoalTyped = z.input<typeof applicationGoalInput>;

/** A goal rewritten in place: its text and indicators; whose goal it is does not change. */
export const goalChangeInput = indicatorRules(z.object(goalText));

export type GoalChangeInput = z.infer<typeof goalChangeInput>;
/** One indicator as the rules keep it. */
export type IndicatorInput = GoalChangeInput['indicators'][number];
