import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { APPLICATION_PAGE_SIZE, applicationFilter, listApplications } from '../../core/applications/list-applications.ts';
import { startApplication } from '../../core/applications/start-application.ts';
import type { ApiEnv } from '../api-env.ts';
import { describeFields } from '../described-fields.ts';
import { setNextPageLink } from '../pagination.ts';
import { permitted } from '../permitted.ts';
import { problemResponses } from '../problem-schema.ts';
import { ApplicationIdParams, ApplicationStartSchema } from '../schemas/application-requests.ts';
import { ApplicationPageSchema, ApplicationSchema, applicationSummaryOf } from '../schemas/application-schemas.ts';
import { sessionCookie } from '../security.ts';
import { applicationAnswer, applicationBody, etagHeader } from './applications-answer.ts';
import { registerApplicationAttachments } from './applications-attachments.ts';
import { registerApplicationEditing } from './applications-editing.ts';
import { refusedAsApi } from './applications-refusals.ts';
import { registerApplicationReview } from './applications-review.ts';

const list = createRoute({
  method: 'get',
  operationId: 'listApplications',
  path: '/v1/applications',
  tags: ['Applications'],
  summary: 'Applications you may see',
  description:
    `Agency staff see every application partners have submitted (never drafts); partner staff see the applications their organisation takes part in, drafts included. Ordered by title, ${APPLICATION_PAGE_SIZE} per page.`,
  security: sessionCookie,
  middleware: [permitted('application:read')] as const,
  request: {
    query: describeFields(applicationFilter, {
      q: 'Part of the title, any case.',
      call: 'A call’s id.',
      programme: 'Programme code.',
      country: 'ISO 3166-1 alpha-2 code of a partner’s country, for example NP.',
      shape: 'north_south, south_south or triangular.',
      status: 'draft, submitted, in_review, approved, rejected, returned, active, closing, closed or withdrawn.',
      sector: 'DAC 5-digit sector code, for example 12181.',
      sdg: 'Sustainable Development Goal, 1 to 17.',
      after: 'The `next` cursor of the previous page.',
    }),
  },
  responses: {
    200: { description: 'One page of applications; a Link header points at the next page.', content: { 'application/json': { schema: ApplicationPageSchema } } },
    ...problemResponses([400, 401, 403]),
  },
});

const get = createRoute({
  method: 'get',
  operationId: 'getApplication',
  path: '/v1/applications/{id}',
  tags: ['Applications'],
  summary: 'One application, section by section',
  description:
    'For partner staff of an organisation taking part, and for agency staff once submitted. Agency staff also get `review`: every adviser’s scores and the internal comments, which partners never see. The ETag is what a change of a section (PUT …/basics, …/focus, …/emergency-plan) sends back in If-Match.',
  security: sessionCookie,
  middleware: [permitted('application:read')] as const,
  request: { params: ApplicationIdParams },
  responses: { ...applicationAnswer('The application.'), ...problemResponses([401, 403, 404]) },
});

const start = createRoute({
  method: 'post',
  operationId: 'startApplication',
  path: '/v1/applications',
  tags: ['Applications'],
  summary: 'Start an application (a draft)',
  description:
    'A coordinator of the organisation, for a call that is open. The organisation becomes the coordinating partner, confirmed by this act. A round needs `partnershipId`.',
  security: sessionCookie,
  middleware: [permitted('application:create')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ApplicationStartSchema } } } },
  responses: {
    201: {
      description: 'Started. Location names the new application.',
      headers: { ...etagHeader, Location: { description: 'The new application’s address.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: ApplicationSchema } },
    },
    ...problemResponses([400, 401, 403, 415, 422], { 403: 'Not a coordinator of that organisation.' }),
  },
});

export function registerApplications(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const page = await listApplications(c.var.core, c.req.valid('query'));
    setNextPageLink(c, page.next);
    return c.json({ items: page.items.map(applicationSummaryOf), total: page.total, totalCapped: page.totalCapped, next: page.next }, 200);
  });

  api.openapi(get, async (c) => c.json(await applicationBody(c, c.req.valid('param').id), 200));

  api.openapi(start, async (c) => {
    const id = await refusedAsApi(startApplication(c.var.core, c.req.valid('json')));
    c.header('Location', `/api/v1/applications/${id}`);
    return c.json(await applicationBody(c, id), 201);
  });

  registerApplicationEditing(api);
  registerApplicationAttachments(api);
  registerApplicationReview(api);
}
