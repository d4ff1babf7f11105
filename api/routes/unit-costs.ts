import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { organisationDistanceBands } from '../../core/unit-costs/distance-bands.ts';
import { getUnitCostTable } from '../../core/unit-costs/get-unit-cost-table.ts';
import { getUnitCostVersion } from '../../core/unit-costs/get-unit-cost-version.ts';
import { listUnitCostTables } from '../../core/unit-costs/list-unit-cost-tables.ts';
import { previewUnitCostPublication } from '../../core/unit-costs/preview-unit-cost-publication.ts';
import { publishUnitCostTable, UnitCostDraftIncompleteError } from '../../core/unit-costs/publish-unit-cost-table.ts';
import { startUnitCostDraft } from '../../core/unit-costs/start-unit-cost-draft.ts';
import { updateUnitCostDraft } from '../../core/unit-costs/update-unit-cost-draft.ts';
import type { ApiEnv } from '../api-env.ts';
import { jsonPointer } from '../json-pointer.ts';
import { etagFor, requireVersion } from '../optimistic-lock.ts';
import { permitted } from '../permitted.ts';
import { ApiProblem } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  IfMatchHeaders,
  PreviewSchema,
  ProgrammeIdParams,
  ProgrammeYearParams,
  PublishSchema,
  StartDraftSchema,
  tableBodyOf,
  UnitCostListSchema,
  UnitCostTableIdParams,
  UnitCostTableSchema,
  UnitCostYearSchema,
  UpdateDraftSchema,
  VersionQuery,
  versionBodyOf,
} from '../schemas/unit-cost-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Unit-cost tables (issue 11.4): per programme and year, versioned; a round budget keeps the version it
 * was computed with. Agency staff read them; finance officers and administrators draft and publish.
 */
const common = { tags: ['Unit costs'], security: sessionCookie };
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const read = permitted('unit-cost:read');
const manage = permitted('unit-cost:manage');
const etagHeader = { ETag: { description: 'The table’s `updatedAt`: a draft’s version for edits.', schema: { type: 'string' as const } } };
const tableAnswer = (description: string) => ({ description, headers: etagHeader, content: { 'application/json': { schema: UnitCostTableSchema } } });
const editors = 'Finance officers and administrators.';

const list = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'listUnitCostTables',
  path: '/v1/programmes/{id}/unit-cost-tables',
  summary: 'A programme’s unit-cost tables by year',
  description: 'Each year with the version published now, the draft being prepared and how many versions it has had, newest year first. Agency staff.',
  request: { params: ProgrammeIdParams },
  responses: { 200: { description: 'The years.', content: { 'application/json': { schema: UnitCostListSchema } } }, ...problemResponses([401, 403, 404]) },
});

const start = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'startUnitCostDraft',
  path: '/v1/programmes/{id}/unit-cost-tables',
  summary: 'Start the next version as a draft',
  description: `${editors} A copy of the year’s published version, else of the latest earlier year’s, else empty. One draft at a time per programme and year (409 \`unitCostDraftExists\`).`,
  request: { params: ProgrammeIdParams, ...json(StartDraftSchema) },
  responses: {
    201: { ...tableAnswer('Started. Location names the draft.'), headers: { ...etagHeader, Location: { description: 'The draft’s address.', schema: { type: 'string' } } } },
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'The year already has a draft (`unitCostDraftExists`).' }),
  },
});

const year = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'getUnitCostYear',
  path: '/v1/programmes/{id}/unit-cost-tables/{year}',
  summary: 'A programme’s table for a year, with its versions',
  description: 'The version published now (or the one asked for) with all its rates, the draft if any, and every version. Agency staff.',
  request: { params: ProgrammeYearParams, query: VersionQuery },
  responses: { 200: { description: 'The year’s table.', content: { 'application/json': { schema: UnitCostYearSchema } } }, ...problemResponses([400, 401, 403, 404]) },
});

const get = createRoute({
  ...common,
  middleware: read,
  method: 'get',
  operationId: 'getUnitCostTable',
  path: '/v1/unit-cost-tables/{id}',
  summary: 'One version of a unit-cost table',
  description: 'Its rates in minor units, its cost groups and countries. The ETag is the version a draft’s edit or publication presents. Agency staff.',
  request: { params: UnitCostTableIdParams },
  responses: { 200: tableAnswer('The version.'), ...problemResponses([401, 403, 404]) },
});

const update = createRoute({
  ...common,
  middleware: manage,
  method: 'put',
  operationId: 'updateUnitCostDraft',
  path: '/v1/unit-cost-tables/{id}',
  summary: 'Save a draft’s rates and cost groups',
  description: `${editors} The whole table at once: a rate left out or null is not set yet. Needs the version (If-Match or \`updatedAt\`): none is 428, a stale one 409 \`staleEdit\`. A published version is never changed (409 \`unitCostTableNotDraft\`).`,
  request: { params: UnitCostTableIdParams, headers: IfMatchHeaders, ...json(UpdateDraftSchema) },
  responses: { 200: tableAnswer('Saved; the draft as it is now.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const preview = createRoute({
  ...common,
  middleware: manage,
  method: 'get',
  operationId: 'previewUnitCostPublication',
  path: '/v1/unit-cost-tables/{id}/preview',
  summary: 'What publishing a draft would change',
  description: `${editors} For every open round budget of the programme and year (applications sent, in review or returned to their partners, one row per round; drafts added together), the total with the version published now, with the draft, and the difference. Approved applications keep their version and are not listed. A round belongs to the year its first flow starts.`,
  request: { params: UnitCostTableIdParams },
  responses: { 200: { description: 'The preview.', content: { 'application/json': { schema: PreviewSchema } } }, ...problemResponses([401, 403, 404, 409], { 409: 'The table is published already (`unitCostTableNotDraft`).' }) },
});

const publish = createRoute({
  ...common,
  middleware: manage,
  method: 'post',
  operationId: 'publishUnitCostTable',
  path: '/v1/unit-cost-tables/{id}/publication',
  summary: 'Publish a draft',
  description: `${editors} From then on the version budgets not yet approved are computed with. Needs the version you previewed (If-Match or \`updatedAt\`): none is 428, a draft saved since is 409 \`staleEdit\`. A draft with rates still unset is 409 \`unitCostDraftIncomplete\`, \`missing\` naming each.`,
  request: { params: UnitCostTableIdParams, headers: IfMatchHeaders, ...json(PublishSchema) },
  responses: { 200: tableAnswer('Published.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

export function registerUnitCosts(api: OpenAPIHono<ApiEnv>) {
  const answer = async (c: Context<ApiEnv>, id: string) => {
    const { table, programme } = await getUnitCostVersion(c.var.core, { tableId: id });
    c.header('ETag', etagFor(table.updatedAt));
    return tableBodyOf(table, programme.name);
  };

  api.openapi(list, async (c) => {
    const { programme, years } = await listUnitCostTables(c.var.core, { programmeId: c.req.valid('param').id });
    return c.json({ programmeId: programme!.id, programmeName: programme!.name, items: years.map(({ year: y, published, draft, versions }) => ({ year: y, published: published && { ...published, publishedAt: published.publishedAt.toISOString() }, draft, versions })) }, 200);
  });

  api.openapi(start, async (c) => {
    const { id } = await refusedAsApi(startUnitCostDraft(c.var.core, { programmeId: c.req.valid('param').id, ...c.req.valid('json') }));
    c.header('Location', `/api/v1/unit-cost-tables/${id}`);
    return c.json(await answer(c, id), 201);
  });

  api.openapi(year, async (c) => {
    const { id, year: y } = c.req.valid('param');
    const version = c.req.valid('query').version;
    const found = await getUnitCostTable(c.var.core, { programmeId: id, year: Number(y), version: version === undefined ? undefined : Number(version) });
    return c.json(
      {
        programmeId: found.programme.id,
        programmeName: found.programme.name,
        year: found.year,
        table: found.shown && tableBodyOf(found.shown, found.programme.name),
        draft: found.draft && versionBodyOf(found.draft),
        versions: found.versions.map(versionBodyOf),
      },
      200,
    );
  });

  api.openapi(get, async (c) => c.json(await answer(c, c.req.valid('param').id), 200));

  api.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { updatedAt, ...input } = c.req.valid('json');
    const version = requireVersion(c.req.valid('header')['if-match'], updatedAt);
    await updateUnitCostDraft(c.var.core, { tableId: id, ...input, version });
    return c.json(await answer(c, id), 200);
  });

  api.openapi(preview, async (c) => {
    const found = await previewUnitCostPublication(c.var.core, { tableId: c.req.valid('param').id, bandsFor: organisationDistanceBands(c.var.core.db) });
    const { draft, current, missing, drafts, totals } = found;
    const rows = found.rows.flatMap(({ status, ...row }) => (status === 'draft' ? [] : [{ ...row, status }]));
    return c.json({ draft: { ...draft, updatedAt: draft.updatedAt.toISOString() }, current, currency: 'NOK', missing, rows, drafts, totals }, 200);
  });

  api.openapi(publish, async (c) => {
    const { id } = c.req.valid('param');
    const version = requireVersion(c.req.valid('header')['if-match'], c.req.valid('json').updatedAt);
    try {
      await publishUnitCostTable(c.var.core, { tableId: id, version });
    } catch (error) {
      // Each rate still unset, by where it goes in the draft (PUT /v1/unit-cost-tables/{id}).
      if (error instanceof UnitCostDraftIncompleteError) {
        throw new ApiProblem(409, error.code, { params: error.params, extensions: { missing: error.missing.map((field) => jsonPointer(field.split('.'))) } });
      }
      throw error;
    }
    return c.json(await answer(c, id), 200);
  });
}
