import { z } from '@hono/zod-openapi';
import { MARKERS } from '../../core/applications/markers.ts';
import { INDICATOR_LEVELS } from '../../core/results/indicator-levels.ts';
import { MAX_INDICATOR_NUMBER } from '../../core/results/indicator-number.ts';
import { RESULT_REPORT_STATUSES } from '../../core/results/result-report-record.ts';
import { MAX_PEOPLE, MAX_REPORT_TEXT } from '../../core/results/result-report-rules.ts';
import { RESULT_DIMENSIONS } from '../../core/results/results-dashboard.ts';
import { pageSchema } from '../pagination.ts';

const uuid = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' });

export const ResultReportIdParams = z.object({ id: uuid('id') });
export const ResultStageIdParams = z.object({ stageId: uuid('stageId') });

export const ResultReportListQuery = z.object({
  status: z.enum(RESULT_REPORT_STATUSES).optional().openapi({ description: 'Only reports with this status.' }),
  after: z.string().max(2000).optional().openapi({ description: 'The `next` of the previous page.' }),
});

export const StartResultReportSchema = z
  .object({ organisationId: z.string().uuid().optional().openapi({ description: 'The partner organisation reporting; needed only when you coordinate more than one partner of the round.' }) })
  .openapi('ResultReportStart');

const version = z.number().int().openapi({ description: 'The report’s `version` as you read it; a report changed since is 409 `staleEdit`.', example: 3 });
const people = (description: string) => z.number().int().min(0).max(MAX_PEOPLE).nullable().optional().openapi({ description, example: 9 });

export const SaveResultReportSchema = z
  .object({
    version,
    narrative: z.string().max(MAX_REPORT_TEXT).optional().openapi({ description: 'What happened in the round; left as it is when not given.' }),
    lessons: z.string().max(MAX_REPORT_TEXT).optional().openapi({ description: 'Lessons learned; left as it is when not given.' }),
    publishLessons: z.boolean().optional().openapi({ description: 'Whether the agency may publish the lessons learned.' }),
    actuals: z
      .array(
        z.object({
          indicatorId: z.string().uuid().openapi({ description: 'One of the report’s `indicators`.' }),
          value: z.number().min(-MAX_INDICATOR_NUMBER).max(MAX_INDICATOR_NUMBER).nullable().optional().openapi({ description: 'For a `number` indicator: the value reached, at most two decimals.', example: 68.5 }),
          women: people('For a `people` indicator: women reached.'),
          men: people('For a `people` indicator: men reached.'),
          other: people('For a `people` indicator: others reached.'),
          valueText: z.string().max(4000).optional().openapi({ description: 'For a `text` indicator: what was achieved, in words.' }),
        }),
      )
      .max(100)
      .optional()
      .openapi({ description: 'The actuals to set, by indicator; indicators left out keep theirs.' }),
  })
  .openapi('ResultReportSave');

export const ResultDecisionSchema = z.object({ version }).openapi('ResultReportDecision');
export const ResultReturnSchema = z.object({ version, remark: z.string().max(4000).openapi({ description: 'What the partner must change; required. Emailed to the partner in its language.', example: 'Say how many of the nurses were midwives.' }) }).openapi('ResultReportReturn');

const status = z.enum(RESULT_REPORT_STATUSES);
const nullableNumber = z.number().nullable();

export const ResultReportSchema = z
  .object({
    id: z.string().uuid(),
    status,
    version,
    narrative: z.string(),
    lessons: z.string(),
    publishLessons: z.boolean(),
    remark: z.string().openapi({ description: 'The adviser’s remark when returning it.' }),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    stage: z.object({ id: z.string().uuid(), roundNumber: z.number().int(), startsOn: z.string(), endsOn: z.string(), partnershipId: z.string().uuid() }),
    partnershipTitle: z.string(),
    organisation: z.object({ id: z.string().uuid(), name: z.string() }),
    indicators: z.array(
      z.object({
        id: z.string().uuid(),
        goal: z.object({ id: z.string().uuid(), description: z.string(), shared: z.boolean() }),
        description: z.string(),
        level: z.enum(INDICATOR_LEVELS).nullable(),
        kind: z.enum(['people', 'number', 'text']).openapi({ description: '`people`: actuals by gender; `number`: a value; `text`: words.' }),
        baseline: z.string(),
        target: z.string(),
        baselineValue: nullableNumber,
        targetValue: nullableNumber,
        sdgTargets: z.array(z.string()),
        actual: z.object({ value: nullableNumber, women: nullableNumber, men: nullableNumber, other: nullableNumber, valueText: z.string(), total: nullableNumber.openapi({ description: 'The value, or for a `people` indicator the sum of its genders.' }) }),
        reachesTarget: z.boolean().nullable(),
      }),
    ),
    canEdit: z.boolean(),
    canDecide: z.boolean(),
  })
  .openapi('ResultReport');

export const ResultReportListSchema = pageSchema(
  z.object({
    id: z.string().uuid(),
    status,
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    stageId: z.string().uuid(),
    roundNumber: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
    partnershipId: z.string().uuid(),
    partnershipTitle: z.string(),
    organisationId: z.string().uuid(),
    organisationName: z.string(),
  }),
  'ResultReportList',
);

export const ResultsDashboardQuery = z.object({
  programme: z.string().uuid().optional().openapi({ description: 'Only this programme’s partnerships.' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Only rounds starting in this year.' }),
  country: z.string().length(2).optional().openapi({ description: 'Only reports of partners in this country (ISO 3166-1 alpha-2).' }),
  sdg: z.string().max(2).optional().openapi({ description: 'Only actuals counted under this SDG (1–17).' }),
  theme: z.enum(MARKERS.map((m) => m.code) as [string, ...string[]]).optional().openapi({ description: 'Only applications marking this cross-cutting theme as significant or principal.' }),
});

const figures = {
  reports: z.number().int(),
  partnerships: z.number().int(),
  indicators: z.number().int(),
  onTarget: z.number().int(),
  measured: z.number().int(),
  women: z.number().int(),
  men: z.number().int(),
  other: z.number().int(),
  people: z.number().int(),
};
const group = z.array(z.object({ key: z.string(), label: z.string(), ...figures }));

export const ResultsDashboardSchema = z
  .object({
    total: z.object(figures).openapi({ description: 'Every accepted actual under the filters, each once.' }),
    groups: z.object(Object.fromEntries(RESULT_DIMENSIONS.map((d) => [d, group])) as Record<(typeof RESULT_DIMENSIONS)[number], typeof group>).openapi({ description: 'The same figures by programme, SDG, cross-cutting theme, country and year; `none` groups actuals without an SDG or theme. SDG and theme groups may overlap.' }),
  })
  .openapi('ResultsDashboard');
