import { z } from 'zod';
import { text } from '../input/text.ts';

const indicator = z.object({
  description: text().trim().max(300, 'tooLong'),
  baseline: text().trim().max(100, 'tooLong'),
  target: text().trim().max(100, 'tooLong'),
});

export const INDICATOR_ROWS = 3;

type GoalText = { description: string; indicators: { description: string; baseline: string; target: string }[] };

/** Empty indicator rows are dropped; at least one must remain, and each kept one needs all three boxes. */
function indicatorRules<T extends GoalText>(schema: z.ZodType<T>) {
  return schema
    .transform((v) => ({ ...v, indicators: v.indicators.filter((i) => i.description || i.baseline || i.target) }))
    .superRefine((v, ctx) => {
      if (v.indicators.length === 0) ctx.addIssue({ code: 'custom', message: 'indicatorRequired', path: ['indicators', 0, 'description'] });
      v.indicators.forEach((i, n) => {
        if (!i.description || !i.baseline || !i.target) ctx.addIssue({ code: 'custom', message: 'indicatorIncomplete', path: ['indicators', n, i.description ? (i.baseline ? 'target' : 'baseline') : 'description'] });
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

/** A goal rewritten in place: its text and indicators; whose goal it is does not change. */
export const goalChangeInput = indicatorRules(z.object(goalText));

export type GoalChangeInput = z.infer<typeof goalChangeInput>;
