import { z } from '@hono/zod-openapi';
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
    share: z.object({ basisPoints: z.number().int(), baseMinor: z.number().int() }).optional(),
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
      }),
    ),
  })
  .openapi('ApplicationBudget');
