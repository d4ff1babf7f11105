import { z } from 'zod';
import { text } from '../input/text.ts';
import { BASE_CURRENCY, parseWholeAmount } from './money.ts';

/** The shared fields of every posting a person makes: an amount in minor units, why, and the document it stems from. */
export const amountMinorInput = z.number({ message: 'chooseAmount' }).int('chooseAmount').positive('chooseAmount').max(Number.MAX_SAFE_INTEGER, 'chooseAmount');
export const postingReasonInput = text().trim().min(1, 'giveReason').max(500, 'tooLong');
export const documentRefInput = text().trim().max(200, 'tooLong').optional();
export const budgetYearInput = z.number({ message: 'chooseYear' }).int('chooseYear').min(2001, 'chooseYear').max(2100, 'chooseYear');

/** Whole kroner as a person types them in a form ("2 400 000"), in minor units. */
export const typedAmountInput = z.string({ message: 'chooseAmount' }).transform((typed, ctx) => {
  const minor = parseWholeAmount(typed, BASE_CURRENCY);
  if (minor === null || minor <= 0) {
    ctx.addIssue({ code: 'custom', message: 'chooseAmount' });
    return z.NEVER;
  }
  return minor;
});
