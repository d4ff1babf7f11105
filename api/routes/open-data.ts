import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { attachmentDisposition } from '../../core/files/content-disposition.ts';
import { OPEN_DATASETS, type OpenDataset } from '../../core/open-data/open-data-columns.ts';
import { streamOpenData } from '../../core/open-data/stream-open-data.ts';
import { openDataTemplate, type OpenDataFormat } from '../../core/open-data/stream-open-data-rows.ts';
import { statisticsFiltersInput } from '../../core/stats/statistics-filters.ts';
import type { ApiEnv } from '../api-env.ts';
import { describeFields } from '../described-fields.ts';
import { PROBLEM_CONTENT_TYPE } from '../problem.ts';
import { problemResponses, ProblemSchema } from '../problem-schema.ts';
import { csvExample, openDataRowSchema } from '../schemas/open-data-schemas.ts';
import { publicAccess } from '../security.ts';

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const what: Record<OpenDataset, string> = {
  partnerships: 'Every running or finished partnership (active, closing, closed) with what its public page shows: programme, shape, status, sector, SDGs, countries, partner organisations (the coordinator first), period and the amount granted in NOK. Applications and drafts are never included.',
  organisations: 'Every partner organisation with the fields its public page shows anyone: names, country, city as written, IATI organisation type, sector, registration and website, and how many running or finished partnerships it takes part in. Never people or contacts.',
  statistics:
    'The people who went on exchange, aggregated: every table of the public statistics page (year, direction, regions, countries, gender, age band, programme, shape, sector, SDG, flows) as one row per table and code, names in English. Counts only: a cell of fewer than 5 people has no `people` and `suppressed` true (and so has the next smallest when a table has only one such cell). The current year is `provisional`. Takes the filters of `GET /v1/statistics`.',
  results:
    'One row per partnership, round, reporting partner and indicator: the indicator’s level, baseline and target, and the actual value from the round report the agency **accepted** (by gender when the indicator counts people). Reports not accepted never appear. `lessons` holds the report’s lessons learned only when the partner opted to publish them.',
};

const common =
  ' Public and streamed (one keyset page at a time). Current: an answer without credentials is kept (up to 32 MB gzipped) and made again after a change on the server it was made through, or once it is a minute old; while it is made again the last one made is sent, so a change shows as soon as the new file is made (seconds; about ten at 100,000 partnerships). Caches may keep it five minutes, as `Cache-Control` says. The CSV is UTF-8 with a byte-order mark, CRLF line ends, a header row equal to the empty template (`/v1/open-data/templates/{dataset}.csv`), lists joined with `; `, an empty cell for null, text that would start a spreadsheet formula prefixed with `\'`. The JSON is one array of objects with the same names.';

/** Only the statistics take a query; the others refuse nothing a client can send. */
const statisticsQuery = describeFields(statisticsFiltersInput, {
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
});

const refusals = (dataset: OpenDataset) =>
  dataset === 'statistics'
    ? problemResponses([400])
    : { '4XX': { description: 'Not expected: this file refuses no request. Like every 4xx answer of this API, it would be problem+json.', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } } };

const disposition = { 'Content-Disposition': { description: 'attachment, with a file name.', schema: { type: 'string' as const } } };

function fileRoute(dataset: OpenDataset, format: OpenDataFormat) {
  return createRoute({
    method: 'get',
    operationId: `getOpenData${capital(dataset)}${format === 'csv' ? 'Csv' : 'Json'}`,
    security: publicAccess,
    path: `/v1/open-data/${dataset}.${format}`,
    tags: ['Open data'],
    summary: `Open data: ${dataset} as ${format.toUpperCase()}`,
    description: what[dataset] + common,
    ...(dataset === 'statistics' ? { request: { query: statisticsQuery } } : {}),
    responses: {
      200:
        format === 'csv'
          ? { description: `The ${dataset} as CSV.`, headers: disposition, content: { 'text/csv': { schema: z.string().openapi({ example: csvExample(dataset) }) } } }
          : { description: `The ${dataset} as a JSON array.`, headers: { 'Content-Disposition': { description: 'inline, with a file name.', schema: { type: 'string' as const } } }, content: { 'application/json': { schema: z.array(openDataRowSchema(dataset)) } } },
      ...refusals(dataset),
    },
  });
}

function templateRoute(dataset: OpenDataset) {
  return createRoute({
    method: 'get',
    operationId: `getOpenData${capital(dataset)}Template`,
    security: publicAccess,
    path: `/v1/open-data/templates/${dataset}.csv`,
    tags: ['Open data'],
    summary: `The empty CSV template of the ${dataset} dataset`,
    description: `The header row of \`/v1/open-data/${dataset}.csv\` and nothing else: the columns the historical import reads. Public.`,
    responses: {
      200: { description: 'The header row.', headers: disposition, content: { 'text/csv': { schema: z.string().openapi({ example: csvExample(dataset).split('\r\n')[0] + '\r\n' }) } } },
      ...refusals('partnerships'),
    },
  });
}

/** CSV downloads as a file; JSON opens in the browser (its name is still given, as the IATI files do). */
const headers = (fileName: string, type: string) => ({
  'content-type': type,
  'content-disposition': fileName.endsWith('.json') ? `inline; filename="${fileName}"` : attachmentDisposition(fileName),
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=300',
});

/**
 * The open datasets (issue 12, point 7) at addresses that do not change: `/api/v1/open-data/{dataset}.csv`
 * and `.json`, and the empty templates. These routes are the files themselves; the open-data page links here.
 */
export function registerOpenData(api: OpenAPIHono<ApiEnv>) {
  for (const dataset of OPEN_DATASETS) {
    for (const format of ['csv', 'json'] as const) {
      api.openapi(fileRoute(dataset, format), async (c) => {
        const filters = dataset === 'statistics' ? (c.req.valid('query' as never) as Parameters<typeof streamOpenData>[1]['filters']) : {};
        const body = await streamOpenData(c.var.core, { dataset, format, filters });
        return c.body(body, 200, headers(`${dataset}.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')) as never;
      });
    }
    api.openapi(templateRoute(dataset), async (c) => c.body(openDataTemplate(dataset), 200, headers(`${dataset}-template.csv`, 'text/csv; charset=utf-8')) as never);
  }
}
