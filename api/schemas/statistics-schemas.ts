import { z } from '@hono/zod-openapi';
import { DIRECTIONS } from '../../core/stats/countries.ts';
import { STATISTICS_TABLES, type ParticipantStatistics } from '../../core/stats/get-participant-statistics.ts';
import { SMALL_CELL_THRESHOLD } from '../../core/stats/suppress-small-cells.ts';

const people = z.number().int().nullable().openapi({ description: `People; null when suppressed (fewer than ${SMALL_CELL_THRESHOLD}, or the cell that would give such a one away).` });

const CellSchema = z
  .object({
    key: z.string().openapi({ description: 'A year, direction, region, ISO 3166-1 alpha-2 country, gender, age band, programme id, shape, DAC sector code or SDG goal (1–17); for flows `HOME-HOST`.' }),
    people,
  })
  .openapi('StatisticsCell');

const FlowSchema = z
  .object({
    home: z.string().openapi({ description: 'ISO 3166-1 alpha-2 country people came from.' }),
    host: z.string().openapi({ description: 'ISO 3166-1 alpha-2 country they went to.' }),
    direction: z.enum([...DIRECTIONS, 'other']),
    people,
  })
  .openapi('StatisticsFlow');

export const StatisticsSchema = z
  .object({
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    provisionalYear: z.number().int().openapi({ description: 'The current year: its figures are provisional and grow until it is over.' }),
    suppressedBelow: z.number().int().openapi({ description: 'Cells of fewer people than this are null.' }),
    headline: z.object({
      people,
      countries: z.number().int(),
      women: people,
      womenPercent: z.number().int().nullable(),
      averageAge: z.number().nullable(),
      averageStayMonths: z.number().nullable(),
      southSouth: people,
    }),
    tables: z.object(Object.fromEntries(STATISTICS_TABLES.map((id) => [id, z.array(CellSchema)])) as Record<(typeof STATISTICS_TABLES)[number], z.ZodArray<typeof CellSchema>>),
    flows: z.array(FlowSchema),
    programmes: z.record(z.string(), z.string()).openapi({ description: 'Programme names by id.' }),
  })
  .openapi('ParticipantStatistics');

export function statisticsBodyOf(stats: ParticipantStatistics): z.infer<typeof StatisticsSchema> {
  return {
    yearFrom: stats.yearFrom,
    yearTo: stats.yearTo,
    provisionalYear: stats.provisionalYear,
    suppressedBelow: SMALL_CELL_THRESHOLD,
    headline: stats.headline,
    tables: Object.fromEntries(STATISTICS_TABLES.map((id) => [id, stats.tables[id].rows])) as z.infer<typeof StatisticsSchema>['tables'],
    flows: stats.flows,
    programmes: stats.programmeNames,
  };
}
