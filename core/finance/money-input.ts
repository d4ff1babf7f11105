import { z } from 'zod';
import { text } from '../input/text.ts';

/** The shared fields of every posting a person makes: an amount in minor units, why, and the document it stems from. */
export const amountMinorInput = z.number({ message: 'chooseAmount' }).int('chooseAmount').positive('chooseAmount').max(Number.MAX_SAFE_INTEGER, 'chooseAmount');
export const postingReasonInput = text().trim().min(1, 'giveReason').max(500, 'tooLong');
export const documentRefInput = text().trim().max(200, 'tooLong').optional();
export const budgetYearInput = z.number({ message: 'chooseYear' }).int('chooseYear').min(2001, 'chooseYear').max(2100, 'chooseYear');
