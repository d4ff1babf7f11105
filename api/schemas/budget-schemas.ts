import { z } from '@hono/zod-openapi';
import { BUDGET_CAUSES } from '../../core/unit-costs/get-application-budget.ts';
import { BUDGET_LINE_KINDS } from '../../core/unit-costs/compute-round-budget.ts';
import { DISTANCE_BAND_CODES } from '../../core/unit-costs/unit-cost-rates.ts';

const minor = (description: string) => z.number().int().openapi({ description: `${description} In øre.` });

const LineSchema = z
  .object({
    flowId: z.uuid().nullable().openapi({ description: 'The flow the line is for; null for the administration share.' }),
    organisationId: z.uuid().openapi({ description: 'The partner the line is paid to.' }),
    kind: z.enum(BUDGET_LINE_KINDS),
    quantity: z.number().int(),
    unitCostMinor: z.number().int().nullable(),
    amountMinor: z.number().int().nullable().openapi({ description: 'quantity × unitCostMinor, or null with a `problem`.' }),
    problem: z.enum(['distanceUnknown', 'countryWithoutGroup']).optional(),
    share: z.object({ basisPoints: z.number().int(), baseMinor: z.number().int() }).optional().openapi({ description: 'For the administration share: its rate and the unit-cost direct costs it is a share of (other lines are outside it).' }),
    other: z.object({ id: z.uuid(), label: z.string(), justification: z.string() }).optional().openapi({ description: 'For a partner’s other line (kind `other`).' }),
  })
  .openapi('BudgetLine');

export const ApplicationBudgetSchema = z
  .object({
    applicationId: z.uuid(),
    rounds: z.array(
      z.object({
        round: z.number().int(),
        year: z.number().int().openapi({ description: 'The year the round is budgeted in: the year its first flow starts.' }),
        table: z.object({ id: z.uuid(), version: z.number().int() }).nullable().openapi({ description: 'The published unit-cost table used; null when the programme has none for the year.' }),
        flows: z.array(
          z.object({
            id: z.uuid(),
            from: z.string(),
            to: z.string(),
            participants: z.number().int(),
            months: z.number().int(),
            distance: z.object({ km: z.number().int(), band: z.enum(DISTANCE_BAND_CODES) }).nullable().openapi({ description: 'Great-circle distance between the two organisations’ matched places; null when either is not matched.' }),
          }),
        ),
        budget: z
          .object({
            currency: z.string(),
            lines: z.array(LineSchema),
            flows: z.array(z.object({ flowId: z.uuid(), amountMinor: minor('The flow’s lines.'), problems: z.number().int() })),
            partners: z.array(z.object({ organisationId: z.uuid(), directMinor: minor('Lines other than the administration share.'), administrationMinor: minor('The administration share.'), totalMinor: minor('All the partner’s lines.'), problems: z.number().int() })),
            directMinor: minor('Direct costs of the round.'),
            administrationMinor: minor('The administration share.'),
            totalMinor: minor('The round’s total: the partners’ totals added up.'),
            problems: z.number().int().openapi({ description: 'Lines without an amount.' }),
          })
          .nullable(),
        version: z
          .object({
            number: z.number().int().openapi({ description: 'The round budget’s version: 1, 2, … per round.' }),
            cause: z.enum(BUDGET_CAUSES).openapi({ description: 'What recorded it: the first reading (`created`), a plan change, an other line, or newly published unit costs.' }),
            computedAt: z.iso.datetime(),
            computedBy: z.string().nullable().openapi({ description: 'The name of whoever made the change; null for the platform.' }),
          })
          .openapi({ description: 'The stored version this is.' }),
        equivalents: z
          .array(
            z.object({
              organisationId: z.uuid(),
              currency: z.string().openapi({ description: 'The partner country’s currency (ISO 4217).' }),
              amountMinor: z.number().int().openapi({ description: 'The partner’s total in minor units of `currency`.' }),
              rate: z.object({ currency: z.string(), nokPerUnit: z.string().openapi({ description: 'NOK for one unit, an exact decimal.', example: '0.0795' }), date: z.iso.date(), source: z.string() }),
            }),
          )
          .openapi({ description: 'Each partner’s total in its country’s currency at the latest rate on or before the day the version was recorded; none for NOK or without a rate.' }),
      }),
    ),
  })
  .openapi('ApplicationBudget');

export const BudgetHistorySchema = z
  .object({
    applicationId: z.uuid(),
    entries: z.array(
      z.object({
        round: z.number().int(),
        number: z.number().int(),
        cause: z.enum(BUDGET_CAUSES),
        computedAt: z.iso.datetime(),
        by: z.string().nullable(),
        currency: z.string(),
        oldTotalMinor: z.number().int().nullable().openapi({ description: 'The round’s total in the version before; null for a first version or a round without a budget.' }),
        newTotalMinor: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('BudgetHistory');

export const OtherLineSchema = z
  .object({
    id: z.uuid(),
    round: z.number().int(),
    organisationId: z.uuid(),
    label: z.string(),
    amountMinor: minor('The amount.'),
    currency: z.string(),
    justification: z.string(),
    version: z.iso.datetime().openapi({ description: 'Send it back (If-Match or `version`) to change or remove the line.' }),
  })
  .openapi('OtherLine');

export const OtherLineListSchema = z.object({ editable: z.boolean(), items: z.array(OtherLineSchema) }).openapi('OtherLineList');

export const OtherLineBody = z
  .object({
    label: z.string().openapi({ example: 'Interpreter for the induction week' }),
    amountNok: z.number().int().openapi({ description: 'Whole NOK.', example: 25000 }),
    justification: z.string(),
  })
  .openapi('OtherLineInput');
export const NewOtherLineBody = OtherLineBody.extend({ organisationId: z.string().openapi({ format: 'uuid', description: 'The partner whose part of the round the line is on.' }) }).openapi('NewOtherLine');
export const ChangedOtherLineBody = OtherLineBody.extend({ version: z.string().optional() }).openapi('ChangedOtherLine');
