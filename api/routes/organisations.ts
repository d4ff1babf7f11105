import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getOrganisation } from '../../core/organisations/get-organisation.ts';
import { listPublicOrganisations, listPublicOrganisationsInput, PAGE_SIZE } from '../../core/organisations/list-public-organisations.ts';
import type { ApiEnv } from '../api-env.ts';
import { describeFields } from '../described-fields.ts';
import { etagFor } from '../optimistic-lock.ts';
import { setNextPageLink } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { organisationBodyOf, OrganisationPageSchema, OrganisationSchema } from '../schemas/organisation-schemas.ts';
import { publicAccess } from '../security.ts';

export const OrganisationIdParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid', example: '3f1b6d2e-8c4a-4e4f-9a51-1c2d3e4f5a6b' }),
});

const list = createRoute({
  method: 'get',
  operationId: 'listOrganisations',
  security: publicAccess,
  path: '/v1/organisations',
  tags: ['Organisations'],
  summary: 'The public directory of partner organisations',
  description: `Names and places only, ordered by name, ${PAGE_SIZE} per page. Public: no sign-in needed.`,
  request: {
    query: describeFields(listPublicOrganisationsInput, {
      q: 'Part of the legal name, any case, for example “hospital”.',
      country: 'ISO 3166-1 alpha-2 country code, for example NP.',
      sector: 'The organisation’s DAC 5-digit sector code, for example 12191.',
      programme: 'Programme code: organisations in a running or finished partnership of that programme.',
      after: 'The `next` cursor of the previous page.',
    }),
  },
  responses: {
    200: {
      description: 'One page of organisations; a Link header points at the next page.',
      content: { 'application/json': { schema: OrganisationPageSchema } },
    },
    ...problemResponses([400]),
  },
});

const get = createRoute({
  method: 'get',
  operationId: 'getOrganisation',
  security: publicAccess,
  path: '/v1/organisations/{id}',
  tags: ['Organisations'],
  summary: 'One organisation, with its running and finished partnerships',
  description: 'Public. The ETag header (and `version`) is what an update sends back in If-Match.',
  request: { params: OrganisationIdParams },
  responses: {
    200: {
      description: 'The organisation.',
      headers: { ETag: { description: 'The version of the organisation.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: OrganisationSchema } },
    },
    ...problemResponses([404]),
  },
});

export function registerOrganisations(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const page = await listPublicOrganisations(c.var.core, c.req.valid('query'));
    setNextPageLink(c, page.next);
    return c.json(page, 200);
  });

  api.openapi(get, async (c) => {
    const { organisation, partnerships } = await getOrganisation(c.var.core, { organisationId: c.req.valid('param').id });
    c.header('ETag', etagFor(organisation.updatedAt));
    return c.json(organisationBodyOf(organisation, partnerships), 200);
  });
}
