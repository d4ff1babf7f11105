import { z } from 'zod';
import { text } from '../input/text.ts';
import { CALL_STAGES } from '../../db/schema/calls.ts';
import { linesInput } from '../programmes/programme-input.ts';
import { checkCriteria } from './check-criteria.ts';
import { parseWholeAmount, wholeToMinor } from './whole-amount.ts';
import { uuidPattern } from '../records/record-id.ts';
import { callDateProblems, isIsoDate } from './call-dates.ts';

const isoDate = z.string().trim().refine(isIsoDate, 'invalidDate');

/** Rows as a form sends them: empty rows are ignored, so a form can always offer six. */
const criterionRow = z.object({
  name: text().optional().default(''),
  weight: z.union([text(), z.number()]).optional().default(''),
});

/**
 * A call for applications as the adviser's form or the API sends it. Dates are calendar dates in
 * Europe/Oslo (the deadline runs to 23:59 in Førde) between 2001 and five years ahead, the deadline
 * not before the opening (call-dates.ts, with today's date; create-call and update-call check again
 * with their own clock); the budget ceiling is typed in whole kroner ("30 000 000") and comes out in
 * øre; the scoring criteria's weights must add up to 100. Every refused field is reported at once:
 * the dates' rules run even when other fields are refused.
 */
export const callInput = z
  .object({
    title: text().trim().min(3, 'required').max(200, 'tooLong'),
    programmeId: text().trim().regex(uuidPattern, 'chooseProgramme'),
    opensOn: isoDate,
    deadline: isoDate,
    budgetCeiling: z.union([text(), z.number()]).transform((v, ctx) => {
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
  .superRefine(
    (call, ctx) => {
      for (const p of callDateProblems(call, new Date())) ctx.addIssue({ code: 'custom', path: [p.field], message: p.code, params: p.params });
    },
    // By default zod skips an object's refinements once any field is refused; these only read the two dates.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform(({ budgetCeiling, ...call }) => ({ ...call, budgetCeilingMinor: budgetCeiling, currency: 'NOK' as const }));
export type CallInput = z.infer<typeof callInput>;
