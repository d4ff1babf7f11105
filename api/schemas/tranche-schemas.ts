import { z } from '@hono/zod-openapi';
import { TRANCHE_CONDITIONS, TRANCHE_STATUSES } from '../../core/finance/tranche-kinds.ts';
import { pageSchema } from '../pagination.ts';

const minor = (description: string) => z.number().int().openapi({ description: `${description} In minor units (øre), integer.`, example: 80_000_000 });
const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });
const date = (description: string) => z.string().openapi({ description, format: 'date', example: '2026-04-12' });

export const TrancheParams = z.object({ id: uuidParam('id') });
export const StageParams = z.object({ id: uuidParam('id'), stageId: uuidParam('stageId') });

export const TrancheListQuery = z.object({
  status: z.enum(TRANCHE_STATUSES).optional().openapi({ description: '`planned` (to approve), `approved` (to pay) or `paid`.' }),
  year: z.string().optional().openapi({ description: 'The budget year: the year the stage’s call opens.', example: '2026' }),
  after: z.string().optional().openapi({ description: 'The `next` cursor of the previous page.' }),
});

const StageRef = z.object({ kind: z.enum(['feasibility', 'agreement', 'round']), roundNumber: z.number().int().nullable(), startsOn: date('When the stage starts.') });

export const TrancheSchema = z
  .object({
    id: z.uuid(),
    stageId: z.uuid(),
    number: z.number().int().openapi({ description: '1, 2, … in the order they are paid.' }),
    shareBasisPoints: z.number().int().openapi({ description: 'Its planned share of the commitment, in basis points (8000 = 80 %).' }),
    amountMinor: minor('What is paid (the last tranche is settled against the reported actual when approved).'),
    currency: z.string().openapi({ example: 'NOK' }),
    condition: z.enum(TRANCHE_CONDITIONS),
    status: z.enum(TRANCHE_STATUSES),
    paidOn: date('The day it was paid.').nullable(),
    bankReference: z.string().nullable(),
    ledgerEntryId: z.uuid().nullable().openapi({ description: 'The disbursement in the ledger: `GET /v1/finance/ledger/{id}`.' }),
    version: z.number().int().openapi({ description: 'Send it back (or the ETag in If-Match) when approving or paying.' }),
    partnership: z.object({ id: z.uuid(), title: z.string() }),
    stage: StageRef,
    coordinator: z.object({ id: z.uuid(), name: z.string() }),
    year: z.number().int().openapi({ description: 'The budget year.' }),
  })
  .openapi('Tranche');

export const TranchePageSchema = pageSchema(TrancheSchema, 'TranchePage');

export const TrancheDetailSchema = TrancheSchema.extend({
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable().openapi({ format: 'date-time' }),
  paidBy: z.string().nullable(),
  paidAt: z.string().nullable().openapi({ format: 'date-time' }),
  waitsFor: z.enum(['finalReports', 'earlierTranches']).nullable().openapi({ description: 'Why a planned tranche cannot be approved yet.' }),
  settlement: z.object({
    paidMinor: minor('Paid to the coordinating partner so far.'),
    settled: z.boolean().openapi({ description: 'The last tranche, after the final report, is approved: the stage is settled.' }),
    reports: z.object({ partners: z.number().int(), approved: z.number().int(), allApproved: z.boolean(), actualMinor: minor('What the approved financial reports spent.') }),
    refundOwedMinor: minor('What the coordinating partner still owes back.'),
    refundedMinor: minor('Refunds received.'),
  }),
  tranches: z.array(z.object({ id: z.uuid(), number: z.number().int(), condition: z.enum(TRANCHE_CONDITIONS), status: z.enum(TRANCHE_STATUSES), amountMinor: minor('Its amount.') })),
}).openapi('TrancheDetail');

const version = z.number().int().optional().openapi({ description: 'The tranche’s version as read (or If-Match with the ETag).', example: 1 });
export const ApprovalBody = z.object({ version }).openapi('TrancheApproval');
export const PaymentBody = z
  .object({
    paidOn: z.string().openapi({ description: 'The day it was paid, YYYY-MM-DD, not after today.', format: 'date', example: '2026-04-12' }),
    bankReference: z.string().openapi({ description: 'The bank’s reference, 1–100 characters.', example: 'DNB 2026-04-12 / 7781.05.12345' }),
    version,
  })
  .openapi('TranchePayment');
export const RefundBody = z
  .object({
    amountMinor: z.number().int().openapi({ description: 'In øre; at most what the coordinating partner owes.', example: 10_000_000 }),
    receivedOn: z.string().openapi({ description: 'The day it arrived, YYYY-MM-DD.', format: 'date', example: '2027-01-05' }),
    bankReference: z.string().openapi({ description: 'The bank’s reference, 1–100 characters.' }),
  })
  .openapi('TrancheRefund');
export const OnwardBody = z
  .object({
    organisationId: z.string().openapi({ description: 'Another partner of the stage.', format: 'uuid' }),
    amountMinor: z.number().int().openapi({ description: 'In øre; never more than the coordinating partner holds for the stage.', example: 30_000_000 }),
    paidOn: z.string().openapi({ description: 'The day it was paid, YYYY-MM-DD.', format: 'date' }),
    reference: z.string().openapi({ description: 'The bank’s reference, 1–100 characters.' }),
  })
  .openapi('OnwardPayment');

const LedgerEntryRef = z.object({ id: z.uuid(), kind: z.string(), amountMinor: minor('The amount moved.'), fromAccount: z.string(), toAccount: z.string() }).openapi('LedgerEntryRef');
export const RefundAnswer = z.object({ refund: LedgerEntryRef, release: LedgerEntryRef, owedMinor: minor('Still owed after this refund.') }).openapi('TrancheRefundRecorded');
export { LedgerEntryRef };

export const StagePaymentsSchema = z
  .object({
    partnership: z.object({ id: z.uuid(), title: z.string() }),
    stage: z.object({ id: z.uuid(), kind: z.enum(['feasibility', 'agreement', 'round']), roundNumber: z.number().int().nullable(), startsOn: z.string(), endsOn: z.string(), amountCeilingMinor: minor('Granted.'), currency: z.string() }),
    coordinator: z.object({ id: z.uuid(), name: z.string() }),
    tranches: z.array(
      z.object({ id: z.uuid(), number: z.number().int(), condition: z.enum(TRANCHE_CONDITIONS), status: z.enum(TRANCHE_STATUSES), amountMinor: minor('Its amount.'), currency: z.string(), paidOn: z.string().nullable(), bankReference: z.string().nullable(), ledgerEntryId: z.uuid().nullable() }),
    ),
    receivedMinor: minor('What the coordinating partner received (null for the other partners).').nullable(),
    holdsMinor: minor('What the coordinating partner still holds for the stage (null for the other partners).').nullable(),
    sharesKnown: z.boolean().openapi({ description: 'False when the round has no budget to share by (no published unit-cost table).' }),
    partners: z.array(
      z.object({
        organisationId: z.uuid(),
        name: z.string(),
        isCoordinator: z.boolean(),
        shareBasisPoints: z.number().int().nullable(),
        receivedMinor: minor('From the agency (the coordinator) or from the coordinator (another partner).'),
        dueMinor: minor('Its share of what the coordinator received.').nullable(),
        passedOnMinor: minor('Passed on: by the coordinator in all, or to this partner.'),
        owedOnwardMinor: minor('Still to pass on to this partner.').nullable(),
      }),
    ),
    payments: z.array(z.object({ id: z.uuid(), organisationId: z.uuid(), name: z.string(), amountMinor: minor('Passed on.'), paidOn: z.string(), reference: z.string() })),
    refundOwedMinor: minor('What the coordinating partner owes back after settlement.'),
    settled: z.boolean(),
    canRecordOnward: z.boolean(),
  })
  .openapi('StagePayments');
