import { z } from '@hono/zod-openapi';
import { startDraftInput, unitCostDraftInput } from '../../core/unit-costs/unit-cost-input.ts';
import type { UnitCostTable } from '../../core/unit-costs/unit-cost-table-record.ts';
import type { UnitCostVersionSummary } from '../../core/unit-costs/get-unit-cost-table.ts';
import { COST_GROUP_CODES, DISTANCE_BAND_CODES } from '../../core/unit-costs/unit-cost-rates.ts';
import { describeFields } from '../described-fields.ts';

const uuidParam = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });
export const ProgrammeIdParams = z.object({ id: uuidParam('id') });
export const UnitCostTableIdParams = z.object({ id: uuidParam('id') });
export const ProgrammeYearParams = z.object({
  id: uuidParam('id'),
  year: z
    .string()
    .regex(/^\d{4}$/, 'chooseYear')
    .openapi({ param: { name: 'year', in: 'path' }, example: '2026', description: 'The year the table is for.' }),
});
export const VersionQuery = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'invalid')
    .optional()
    .openapi({ description: 'A version number of that year; without it, the version published now.', example: '1' }),
});
export const IfMatchHeaders = z.object({ 'if-match': z.string().optional().openapi({ description: 'The ETag from GET /v1/unit-cost-tables/{id}.', example: '"2026-11-22T10:00:00.000Z"' }) });

const minor = (description: string) => z.number().int().nullable().openapi({ description: `${description} In minor units of \`currency\` (øre); null while a draft leaves it unset.` });
const byGroup = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(COST_GROUP_CODES.map((g) => [g, item])) as Record<(typeof COST_GROUP_CODES)[number], T>);
const byBand = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(DISTANCE_BAND_CODES.map((b) => [b, item])) as Record<(typeof DISTANCE_BAND_CODES)[number], T>);
const status = z.enum(['draft', 'published']).openapi({ description: 'A draft can be changed and published; a published version never changes.' });

export const UnitCostTableSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    programmeName: z.string().openapi({ example: 'Health (ESTHER)' }),
    year: z.number().int().openapi({ example: 2026 }),
    version: z.number().int().openapi({ description: 'The version number within the programme and year: 1, 2, …', example: 2 }),
    status,
    currency: z.string().openapi({ example: 'NOK' }),
    basedOnId: z.uuid().nullable().openapi({ description: 'The version this one was started from (a copy of its rates).' }),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    publishedBy: z.string().nullable().openapi({ description: 'Who published it.' }),
    updatedAt: z.string().openapi({ format: 'date-time', description: 'A draft’s version for edits: send it back in If-Match (the ETag) or as `updatedAt`.' }),
    allowancesMinor: byGroup(minor('The monthly allowance of a participant hosted in a country of the group.')).openapi({ description: 'By host-country cost group, A the most expensive.' }),
    countries: byGroup(z.array(z.string().openapi({ example: 'NP' }))).openapi({ description: 'The host countries (ISO 3166-1 alpha-2) of each cost group; each country in one group at most.' }),
    travelMinorByBand: byBand(minor('A return journey per participant.')).openapi({ description: 'By distance band in kilometres between the sending and the host organisation.' }),
    insurancePerMonthMinor: minor('Insurance per participant and month.'),
    preparatoryCourseMinor: minor('The preparatory course, per participant.'),
    visaMinor: minor('Visa and permits, per participant.'),
    healthMinor: minor('Vaccinations and the health check, per participant.'),
    adminShareBasisPoints: z.number().int().nullable().openapi({ description: 'The coordinating partner’s administration share of the round’s direct costs, in basis points (700 = 7 %).', example: 700 }),
  })
  .openapi('UnitCostTable');

const VersionSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status,
    basedOnId: z.uuid().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    publishedBy: z.string().nullable(),
  })
  .openapi('UnitCostVersion');

export const UnitCostYearSchema = z
  .object({
    programmeId: z.uuid(),
    programmeName: z.string(),
    year: z.number().int(),
    table: UnitCostTableSchema.nullable().openapi({ description: 'The version asked for, or the one published now; null when the year has none yet.' }),
    draft: VersionSummarySchema.nullable().openapi({ description: 'The draft of the next version, if one is being prepared.' }),
    versions: z.array(VersionSummarySchema).openapi({ description: 'Every version of the year, newest first.' }),
  })
  .openapi('UnitCostYear');

const YearSummarySchema = z
  .object({
    year: z.number().int(),
    published: z.object({ id: z.uuid(), version: z.number().int(), publishedAt: z.string().openapi({ format: 'date-time' }) }).nullable(),
    draft: z.object({ id: z.uuid(), version: z.number().int() }).nullable(),
    versions: z.number().int(),
  })
  .openapi('UnitCostYearSummary');

export const UnitCostListSchema = z.object({ programmeId: z.uuid(), programmeName: z.string(), items: z.array(YearSummarySchema) }).openapi('UnitCostTableList');

export const StartDraftSchema = describeFields(startDraftInput, { year: 'The year (2000–2100). The draft copies that year’s published version, else the latest earlier year’s.' });

export const UpdateDraftSchema = describeFields(unitCostDraftInput, {
  allowances: 'Monthly allowance per cost group (A, B, C, D) in whole kroner (a number, or text such as "12 000"); null or empty for not set yet.',
  countries: 'Host countries per cost group: a list of ISO 3166-1 alpha-2 codes (or one text of codes). A country may be in one group only.',
  travel: `Travel per participant by distance band (${DISTANCE_BAND_CODES.join(', ')}), in whole kroner.`,
  insurancePerMonth: 'Insurance per participant and month, in whole kroner.',
  preparatoryCourse: 'The preparatory course per participant, in whole kroner.',
  visa: 'Visa lump sum per participant, in whole kroner.',
  health: 'Health lump sum per participant, in whole kroner.',
  adminShare: 'The coordinating partner’s administration share as a percentage with at most two decimals (7, 7.5).',
})
  .safeExtend({ updatedAt: z.string().optional().openapi({ description: 'The draft’s `updatedAt` as you read it, unless sent in If-Match.' }) })
  .openapi('UnitCostDraft');

export const PublishSchema = z.object({ updatedAt: z.string().optional().openapi({ description: 'The draft’s `updatedAt` as you read it (after its preview), unless sent in If-Match.' }) }).openapi('UnitCostPublication');

const amountOrNull = (description: string) => z.number().int().nullable().openapi({ description });
const PreviewRowSchema = z
  .object({
    applicationId: z.uuid(),
    title: z.string(),
    status: z.enum(['submitted', 'in_review', 'returned']),
    round: z.number().int(),
    flows: z.number().int(),
    oldTotalMinor: amountOrNull('With the version published now; null when the year has none.'),
    newTotalMinor: z.number().int().openapi({ description: 'With the draft.' }),
    differenceMinor: amountOrNull('New minus old.'),
    problems: z.number().int().openapi({ description: 'Lines of the new budget without an amount: a distance not known, a host country in no group.' }),
  })
  .openapi('UnitCostPreviewRow');

export const PreviewSchema = z
  .object({
    draft: z.object({ id: z.uuid(), programmeId: z.uuid(), year: z.number().int(), version: z.number().int(), updatedAt: z.string().openapi({ format: 'date-time' }) }),
    current: z.object({ id: z.uuid(), version: z.number().int() }).nullable().openapi({ description: 'The version published now, which the old totals use.' }),
    currency: z.string().openapi({ example: 'NOK' }),
    missing: z.array(z.string()).openapi({ description: 'Rates the draft still lacks (`allowances.A`, `travel.8000+`, `visa`, …); while any is missing nothing is computed.' }),
    rows: z.array(PreviewRowSchema).openapi({ description: 'Each open round budget (applications sent, in review or returned), one per round.' }),
    drafts: z
      .object({ applications: z.number().int(), rounds: z.number().int(), oldTotalMinor: z.number().int().nullable(), newTotalMinor: z.number().int(), differenceMinor: z.number().int().nullable(), problems: z.number().int() })
      .nullable()
      .openapi({ description: 'Applications still being written, which are private to their partners: added together.' }),
    totals: z.object({ oldTotalMinor: z.number().int().nullable(), newTotalMinor: z.number().int(), differenceMinor: z.number().int().nullable() }).nullable(),
  })
  .openapi('UnitCostPreview');

export function tableBodyOf(table: UnitCostTable, programmeName: string): z.infer<typeof UnitCostTableSchema> {
  const r = table.rates;
  return {
    id: table.id,
    programmeId: table.programmeId,
    programmeName,
    year: table.year,
    version: table.version,
    status: table.status,
    currency: r.currency,
    basedOnId: table.basedOnId,
    publishedAt: table.publishedAt?.toISOString() ?? null,
    publishedBy: table.publishedByName,
    updatedAt: table.updatedAt.toISOString(),
    allowancesMinor: r.allowances,
    countries: r.countries,
    travelMinorByBand: r.travel,
    insurancePerMonthMinor: r.insurancePerMonthMinor,
    preparatoryCourseMinor: r.preparatoryCourseMinor,
    visaMinor: r.visaMinor,
    healthMinor: r.healthMinor,
    adminShareBasisPoints: r.adminShareBasisPoints,
  };
}

export function versionBodyOf(v: UnitCostVersionSummary): z.infer<typeof VersionSummarySchema> {
  return { id: v.id, version: v.version, status: v.status, basedOnId: v.basedOnId, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null, publishedBy: v.publishedByName };
}
