import { z } from 'zod';
import { text } from '../input/text.ts';
import { isIsoDate } from '../calls/call-dates.ts';

const isoDate = z.iso.date('chooseDate');

export const approvalInput = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    /** Whole currency units as typed ("2 400 000"); stored in minor units. */
    amount: z
      .string()
      .transform((s) => s.replace(/[\s\u00a0\u202f.,']/g, ''))
      .pipe(text().regex(/^\d{1,12}$/, 'chooseAmount'))
      .transform(Number)
      .refine((n) => n > 0, 'chooseAmount'),
  })
  .superRefine(
    (v, ctx) => {
      if (isIsoDate(v.startsOn) && isIsoDate(v.endsOn) && v.endsOn <= v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endBeforeStart' });
    },
    // Also when the amount is refused, so both come back together.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type ApprovalInput = z.infer<typeof approvalInput>;
