import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getParticipantStatistics } from '../../core/stats/get-participant-statistics.ts';
import { statisticsFiltersInput } from '../../core/stats/statistics-filters.ts';
import type { ApiEnv } from '../api-env.ts';
import { describeFields } from '../described-fields.ts';
import { problemResponses } from '../problem-schema.ts';
import { statisticsBodyOf, StatisticsSchema } from '../schemas/statistics-schemas.ts';
import { publicAccess } from '../security.ts';

const get = createRoute({
  method: 'get',
  operationId: 'getParticipantStatistics',
  security: publicAccess,
  path: '/v1/statistics',
  tags: ['Statistics'],
  summary: 'People who went on exchange, aggregated (open data)',
  description:
    'The public statistics page as data: people who went on exchange by year of the start, kind of exchange, region and country (home and host), gender, age band at the start, programme, partnership shape, sector and SDG, and the flows between countries, with the same filters. Counts only, never personal data: a cell of fewer than 5 people is null, and so is the next smallest when a table has only one such cell. The current year is provisional. Public.',
  request: {
    query: describeFields(statisticsFiltersInput, {
      yearFrom: 'First year (of the start of the stay), from 2001.',
      yearTo: 'Last year; this year when left out.',
      from: 'Where people came from: an ISO 3166-1 alpha-2 country (NP), or a region: norway, africa, asia or latin-america.',
      to: 'Where they went: a country or a region, as `from`.',
      direction: 'norway-south, south-norway or south-south.',
      gender: 'female, male, other or undisclosed.',
      ageBand: 'Age at the start: under-25, 25-29, 30-34, 35-44 or 45-plus.',
      programme: 'A programme’s id.',
      shape: 'Partnership shape: north_south, south_south or triangular.',
      sector: 'DAC 5-digit sector code of the partnership, for example 12181.',
      sdg: 'Sustainable Development Goal of the partnership, 1 to 17.',
    }),
  },
  responses: {
    200: { description: 'The statistics with these filters.', content: { 'application/json': { schema: StatisticsSchema } } },
    ...problemResponses([400]),
  },
});

export function registerStatistics(api: OpenAPIHono<ApiEnv>) {
  api.openapi(get, async (c) => {
    const stats = await getParticipantStatistics(c.var.core, { filters: c.req.valid('query') });
    c.header('cache-control', 'public, max-age=300');
    return c.json(statisticsBodyOf(stats), 200);
  });
}
