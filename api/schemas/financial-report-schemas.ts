import { z } from '@hono/zod-openapi';
import { FINANCIAL_REPORT_STATUSES } from '../../core/finance/financial-report-record.ts';
import { MAX_ACTUAL_MINOR } from '../../core/finance/save-financial-report.ts';
import { pageSchema } from '../pagination.ts';

const uuid = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });
const minor = (description: string) => z.number().int().openapi({ description: `${description} In minor units (øre), integer.`, example: 1_250_000 });

export const ReportIdParams = z.object({ id: uuid('id') });
export const StageIdParams = z.object({ stageId: uuid('stageId') });
export const ReceiptParams = ReportIdParams.extend({ receiptId: uuid('receiptId') });

export const FinancialReportListQuery = z.object({
  status: z.enum(FINANCIAL_REPORT_STATUSES).optional().openapi({ description: 'Only reports with this status.' }),
  after: z.string().max(2000).optional().openapi({ description: 'The `next` of the previous page.' }),
});

export const StartFinancialReportSchema = z
  .object({
    organisationId: z.string().uuid().optional().openapi({ description: 'The partner organisation reporting; needed only when you are staff of more than one partner of the round.' }),
  })
  .openapi('FinancialReportStart');

const version = z.number().int().openapi({ description: 'The report’s `version` as you read it; a report changed since is 409 `staleEdit`.', example: 3 });

export const SaveFinancialReportSchema = z
  .object({
    version,
    lines: z
      .array(
        z.object({
          id: z.string().uuid().optional().openapi({ description: 'A line of the report; leave out for a new line of your own (`other`).' }),
          label: z.string().max(200).optional().openapi({ description: 'For lines of your own: what the cost was (required for them).', example: 'Taxi from the airport at night' }),
          actualMinor: z.number().int().min(0).max(MAX_ACTUAL_MINOR).nullable().openapi({ description: 'What was spent, in minor units (øre); null while not known.', example: 1_250_000 }),
          explanation: z.string().max(2000).optional().openapi({ description: 'Why the spending differs from the budget (or, for a line of your own, why it was needed).' }),
        }),
      )
      .max(300)
      .openapi({ description: 'Lines given by `id` are updated; lines without one are added as `other` lines (budget 0). Your own lines left out are removed; budget lines left out stay as they are.' }),
  })
  .openapi('FinancialReportSave');

export const DecisionSchema = z.object({ version }).openapi('FinancialReportDecision');
export const ReturnSchema = z.object({ version, remark: z.string().max(4000).openapi({ description: 'What the partner must change; required.', example: 'Add the boarding passes for the travel line.' }) }).openapi('FinancialReportReturn');

export const ReceiptUploadSchema = z
  .object({
    file: z.custom<File>((value) => value instanceof File, { message: 'chooseDocumentFile' }).openapi({ type: 'string', format: 'binary', description: 'A PDF, JPEG or PNG file of at most 5 MB, checked by its content.' }),
  })
  .openapi('FinancialReportReceiptUpload');

const status = z.enum(FINANCIAL_REPORT_STATUSES);

export const FinancialReportSchema = z
  .object({
    id: z.string().uuid(),
    status,
    version,
    currency: z.string().openapi({ example: 'NOK' }),
    remark: z.string().openapi({ description: 'The finance officer’s remark when returning it.' }),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    stage: z.object({ id: z.string().uuid(), roundNumber: z.number().int(), startsOn: z.string(), endsOn: z.string(), partnershipId: z.string().uuid() }),
    partnershipTitle: z.string(),
    organisation: z.object({ id: z.string().uuid(), name: z.string() }),
    thresholdBasisPoints: z.number().int().openapi({ description: 'A line whose actual differs from its budget by more than this share of it (basis points: 1,000 = 10 %) needs an explanation.' }),
    lines: z.array(
      z.object({
        id: z.string().uuid(),
        position: z.number().int(),
        kind: z.string().openapi({ description: 'A budget line kind (allowance, travel, insurance, preparatory_course, visa, health, administration) or `other`.' }),
        flowId: z.string().uuid().nullable(),
        label: z.string(),
        budgetMinor: minor('Budgeted when the report was started.'),
        actualMinor: z.number().int().nullable(),
        explanation: z.string(),
        varianceMinor: z.number().int().nullable(),
        varianceBasisPoints: z.number().int().nullable(),
        explanationRequired: z.boolean(),
      }),
    ),
    totals: z.object({ budgetMinor: z.number().int(), actualMinor: z.number().int(), varianceMinor: z.number().int(), varianceBasisPoints: z.number().int().nullable() }),
    receipts: z.array(z.object({ id: z.string().uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })),
    canEdit: z.boolean(),
    canDecide: z.boolean(),
  })
  .openapi('FinancialReport');

export const FinancialReportListSchema = pageSchema(
  z
    .object({
      id: z.string().uuid(),
      status,
      currency: z.string(),
      stageId: z.string().uuid(),
      roundNumber: z.number().int(),
      partnershipId: z.string().uuid(),
      partnershipTitle: z.string(),
      organisationId: z.string().uuid(),
      organisationName: z.string(),
      budgetMinor: z.number().int(),
      actualMinor: z.number().int(),
      submittedAt: z.string().nullable(),
      updatedAt: z.string(),
    })
    .openapi('FinancialReportSummary'),
  'FinancialReportList',
);
