import { z } from 'zod';
import { typedAmountInput } from '../finance/money-input.ts';
import { text } from '../input/text.ts';

/** A partner's other line as typed: a label, whole NOK ("25 000"), and why it is needed (required). */
export const otherLineInput = z.object({
  label: text().trim().min(1, 'required').max(200, 'tooLong'),
  amount: typedAmountInput,
  justification: text().trim().min(1, 'giveJustification').max(2000, 'tooLong'),
});
export type OtherLineInput = z.input<typeof otherLineInput>;
