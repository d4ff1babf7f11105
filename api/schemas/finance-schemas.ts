import { z } from '@hono/zod-openapi';
import { appropriationInput } from '../../core/finance/appropriate-year.ts';
import { correctionInput } from '../../core/finance/correct-ledger-entry.ts';
import type { LedgerLine } from '../../core/finance/list-ledger-entries.ts';
import { LEDGER_KINDS } from '../../core/finance/ledger-kinds.ts';
import { describeFields } from '../described-fields.ts';

const minor = (description: string) =>
  z
    .number()
    .int()
    .openapi({
      description: `${description} In minor units (øre), integer.`,
      example: 240_000_000,
    });
const uuidParam = (name: string) =>
  z.string().openapi({
    param: { name, in: 'path' },
    format: 'uuid',
    example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b',
  });

export const BudgetYearParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2001)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2026 }),
});
export const LedgerEntryParams = z.object({ id: uuidParam('id') });

const FiguresSchema = z
  .object({
    allocated: minor('Allocated to this level.'),
    reserved: minor('Reserved.'),
    committed: minor('Committed to granted stages.'),
    disbursed: minor('Paid out to partners.'),
    unallocated: minor('Not passed on: a programme’s not allocated to calls, a call’s not committed.'),
  })
  .openapi('BudgetFigures');

export const BudgetYearSchema = z
  .object({
    year: z.number().int(),
    currency: z.string().openapi({ example: 'NOK' }),
    totals: z.object({
      appropriated: minor('Appropriated by Parliament for the year.'),
      allocated: minor('Allocated to programmes.'),
      reserved: minor('Reserved.'),
      committed: minor('Committed.'),
      disbursed: minor('Disbursed.'),
      unallocated: minor('Not yet allocated to a programme.'),
      remaining: minor('Appropriated, less reserved and committed.'),
    }),
    programmes: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        account: z.string().openapi({
          description: 'The ledger account: `GET /v1/finance/ledger?account=` lists its entries.',
        }),
        figures: FiguresSchema,
        calls: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            account: z.string(),
            ceilingMinor: minor('The call’s announced ceiling.'),
            figures: FiguresSchema,
          }),
        ),
      }),
    ),
    years: z.array(z.number().int()).openapi({ description: 'Years with entries, newest first.' }),
  })
  .openapi('BudgetYear');

const AccountSchema = z
  .object({
    account: z.string().openapi({ example: 'call:3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' }),
    kind: z.enum(['parliament', 'year', 'programme', 'call', 'reservation', 'stage', 'partner']),
    label: z.string().openapi({
      description: 'The name of what the account is for (empty for parliament).',
    }),
    year: z.number().int().optional(),
    roundNumber: z.number().int().nullable().optional(),
    partnership: z.object({ id: z.uuid(), title: z.string() }).optional(),
    recordId: z.string().optional(),
  })
  .openapi('LedgerAccount');

export const LedgerEntrySchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int().openapi({ description: 'The order entries were posted in.' }),
    kind: z.enum(LEDGER_KINDS),
    year: z.number().int(),
    amountMinor: minor('The amount moved, always positive.'),
    signedMinor: minor('Seen from the account asked about: positive in, negative out.').optional(),
    currency: z.string(),
    from: AccountSchema,
    to: AccountSchema,
    reason: z.string(),
    documentType: z.string().nullable(),
    documentRef: z.string().nullable(),
    correctsEntryId: z.uuid().nullable(),
    correctedBy: z.uuid().nullable(),
    postedBy: z.string(),
    postedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('LedgerEntry');

export const LedgerListQuery = z.object({
  account: z.string().optional().openapi({
    description: 'Only entries in or out of this account (its balance is returned too).',
    example: 'year:2026',
  }),
  year: z.string().optional().openapi({
    description: 'Only entries of this budget year.',
    example: '2026',
  }),
  kind: z.enum(LEDGER_KINDS).optional(),
  after: z.string().optional().openapi({ description: 'The `next` cursor of the previous page.' }),
});

export const LedgerListSchema = z
  .object({
    items: z.array(LedgerEntrySchema),
    balanceMinor: z.number().int().nullable().openapi({
      description: 'The account’s balance, when one was asked about.',
    }),
    next: z.string().nullable(),
  })
  .openapi('LedgerPage');

export const AppropriationSchema = describeFields(appropriationInput, {
  year: 'The budget year, 2001–2100.',
  amountMinor: 'The amount in øre, a positive integer.',
  reason: 'Why, 1–500 characters.',
  documentRef: 'The document it stems from (e.g. Prop. 1 S (2025–2026)), up to 200 characters.',
}).openapi('Appropriation');

export const AllocationSchema = z
  .object({
    to: z.enum(['programme', 'call']).openapi({
      description: '`programme`: from the year’s appropriation (needs `programmeId` and `year`); `call`: from its programme’s money for the year the call opens (needs `callId`).',
    }),
    programmeId: z.string().optional().openapi({ format: 'uuid' }),
    year: z.number().int().optional(),
    callId: z.string().optional().openapi({ format: 'uuid' }),
    amountMinor: z.number().int().openapi({ description: 'In øre, a positive integer.' }),
    reason: z.string().openapi({ description: 'Why, 1–500 characters.' }),
    documentRef: z.string().optional(),
  })
  .openapi('Allocation');

export const CorrectionSchema = describeFields(correctionInput, {
  reason: 'Why the entry is reversed, 1–500 characters.',
}).openapi('Correction');

export function entryBody(e: LedgerLine): z.infer<typeof LedgerEntrySchema> {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    year: e.year,
    amountMinor: e.amountMinor,
    signedMinor: e.signedMinor,
    currency: e.currency,
    from: e.from,
    to: e.to,
    reason: e.reason,
    documentType: e.documentType,
    documentRef: e.documentRef,
    correctsEntryId: e.correctsEntryId,
    correctedBy: e.correctedBy,
    postedBy: e.postedBy,
    postedAt: e.postedAt.toISOString(),
  };
}
