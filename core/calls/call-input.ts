import { z } from 'zod';
import { CALL_STAGES } from '../../db/schema/calls.ts';
import { linesInput } from '../programmes/programme-input.ts';
import { checkCriteria } from './check-criteria.ts';
import { parseWholeAmount, wholeToMinor } from './whole-amount.ts';
import { uuidPattern } from '../records/record-id.ts';

const isoDate = z
  .string()
  .trim()
  .refine((v) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toISOString().slice(0, 10) === v;
  }, 'invalidDate');

/** Rows as a form sends them: empty rows are ignored, so a form can always offer six. */
const criterionRow = z.object({
  name: z.string().optional().default(''),
  weight: z.union([z.string(), z.number()]).optional().default(''),
});

/**
 * A call for applications as the adviser's form or the API sends it. Dates are calendar dates in
 * Europe/Oslo (the deadline runs to 23:59 in Førde); the budget ceiling is typed in whole kroner
 * ("30 000 000") and comes out in øre; the scoring criteria's weights must add up to 100.
 */
export const callInput = z
  .object({
    title: z.string().trim().min(3, 'required').max(200, 'tooLong'),
    programmeId: z.string().trim().regex(uuidPattern, 'chooseProgramme'),
    opensOn: isoDate,
    deadline: isoDate,
    budgetCeiling: z.union([z.string(), z.number()]).transform((v, ctx) => {
      const whole = typeof v === 'number' ? (Number.isSafeInteger(v) && v > 0 ? v : null) : parseWholeAmount(v);
      if (whole === null) {
        ctx.addIssue({ code: 'custom', message: 'invalidAmount' });
        return z.NEVER;
      }
      return wholeToMinor(whole);
    }),
    priorities: linesInput(200, 20),
    stage: z.enum(CALL_STAGES, { error: 'chooseStage' }),
    criteria: z
      .array(criterionRow)
      .transform((rows, ctx) => {
        const checked = checkCriteria(rows.map((r) => ({ name: r.name, weight: String(r.weight) })));
        if (checked.kind === 'refused') {
          ctx.addIssue({ code: 'custom', message: checked.code, params: checked.params });
          return z.NEVER;
        }
        return checked.criteria;
      }),
  })
  .refine((c) => c.deadline >= c.opensOn, { path: ['deadline'], message: 'deadlineBeforeOpening' })
  .transform(({ budgetCeiling, ...call }) => ({ ...call, budgetCeilingMinor: budgetCeiling, currency: 'NOK' as const }));
export type CallInput = z.infer<typeof callInput>;
