import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getPublicPartnership } from '../../core/partnerships/get-public-partnership.ts';
import { listPublicPartnerships, PARTNERSHIP_PAGE_SIZE, publicPartnershipFilter } from '../../core/partnerships/list-public-partnerships.ts';
import type { ApiEnv } from '../api-env.ts';
import { describeFields } from '../described-fields.ts';
import { setNextPageLink } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { partnershipBodyOf, PartnershipPageSchema, PartnershipSchema, partnershipSummaryOf } from '../schemas/partnership-schemas.ts';
import { publicAccess } from '../security.ts';

const list = createRoute({
  method: 'get',
  operationId: 'listPartnerships',
  security: publicAccess,
  path: '/v1/partnerships',
  tags: ['Partnerships'],
  summary: 'The public directory of partnerships',
  description: `Running and finished partnerships (never applications or drafts), ordered by title, ${PARTNERSHIP_PAGE_SIZE} per page. Public.`,
  // The core's filter schema as it is: a filter added there is accepted here too.
  request: {
    query: describeFields(publicPartnershipFilter, {
      q: 'Part of the title, any case.',
      programme: 'Programme code.',
      country: 'ISO 3166-1 alpha-2 code of a partner’s country, for example NP.',
      shape: 'north_south, south_south or triangular.',
      status: 'active, closing or closed.',
      sector: 'DAC 5-digit sector code, for example 12181.',
      sdg: 'Sustainable Development Goal, 1 to 17.',
      call: 'A call’s id: partnerships with a stage granted through that call.',
      after: 'The `next` cursor of the previous page.',
    }),
  },
  responses: {
    200: { description: 'One page of partnerships; a Link header points at the next page.', content: { 'application/json': { schema: PartnershipPageSchema } } },
    ...problemResponses([400]),
  },
});

const get = createRoute({
  method: 'get',
  operationId: 'getPartnership',
  security: publicAccess,
  path: '/v1/partnerships/{id}',
  tags: ['Partnerships'],
  summary: 'One public partnership, with its partners',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) }) },
  responses: {
    200: { description: 'The partnership; the coordinating partner first.', content: { 'application/json': { schema: PartnershipSchema } } },
    ...problemResponses([404], { 404: 'No such partnership, or it is not public (an application or a draft).' }),
  },
});

export function registerPartnerships(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const page = await listPublicPartnerships(c.var.core, c.req.valid('query'));
    setNextPageLink(c, page.next);
    return c.json({ items: page.items.map(partnershipSummaryOf), total: page.total, next: page.next }, 200);
  });

  api.openapi(get, async (c) => c.json(partnershipBodyOf(await getPublicPartnership(c.var.core, { partnershipId: c.req.valid('param').id })), 200));
}
