import { z } from 'zod';
import { text } from '../input/text.ts';
import { uuidPattern } from '../records/record-id.ts';
import { amountMinorInput } from './money-input.ts';

/** The day in the agency's zone (Europe/Oslo), as YYYY-MM-DD. */
export const osloDay = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });

/** A calendar date as YYYY-MM-DD that exists (no 31 April). */
export const calendarDateInput = z
  .string({ message: 'chooseDate' })
  .trim()
  .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d && d >= '2001-01-01', 'chooseDate');

/** A bank's reference for a payment ("DNB 2025-04-12 / 7781.05.12345"): required, trimmed, at most 100 characters. */
export const bankReferenceInput = text().trim().min(1, 'giveBankReference').max(100, 'tooLong');

/** The tranche's version as it was read (an integer; each change adds one). */
export const trancheVersionInput = z.coerce.number({ message: 'staleEdit' }).int('staleEdit').min(1, 'staleEdit').max(2_147_483_647, 'staleEdit');

export const trancheApprovalInput = z.object({ version: trancheVersionInput });
export const tranchePaymentInput = z.object({ paidOn: calendarDateInput, bankReference: bankReferenceInput, version: trancheVersionInput });
export const trancheRefundInput = z.object({ amountMinor: amountMinorInput, receivedOn: calendarDateInput, bankReference: bankReferenceInput });
export const onwardPaymentInput = z.object({
  organisationId: z.string({ message: 'notOnwardPartner' }).regex(uuidPattern, 'notOnwardPartner'),
  amountMinor: amountMinorInput,
  paidOn: calendarDateInput,
  reference: bankReferenceInput,
});

export type TranchePaymentInput = z.infer<typeof tranchePaymentInput>;
export type TrancheRefundInput = z.infer<typeof trancheRefundInput>;
export type OnwardPaymentInput = z.infer<typeof onwardPaymentInput>;
