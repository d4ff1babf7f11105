import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { advanceApplication } from '../../core/applications/advance-application.ts';
import { approveApplication } from '../../core/applications/approve-application.ts';
import { rejectApplication } from '../../core/applications/reject-application.ts';
import { returnApplication } from '../../core/applications/return-application.ts';
import { commentOnApplication } from '../../core/applications/comment-on-application.ts';
import { scoreApplication } from '../../core/applications/score-application.ts';
import { startReview } from '../../core/applications/start-review.ts';
import type { ApiEnv } from '../api-env.ts';
import { permitted } from '../permitted.ts';
import { problemResponses } from '../problem-schema.ts';
import { ApplicationIdParams, ApprovalSchema, CommentSchema, RejectionSchema, ReturnSchema, ScoresSchema, StatusChangeSchema } from '../schemas/application-requests.ts';
import { sessionCookie } from '../security.ts';
import { applicationAnswer, applicationBody } from './applications-answer.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * The agency's side: advisers take a submitted application into review, score it and comment
 * (internally), then approve, reject or return it; an approved agreement is moved on to its end.
 */
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const agency = { tags: ['Application review'], security: sessionCookie };
const review = permitted('application:review');
const decide = permitted('application:decide');
const wrongStatus = (what: string) => ({ 409: `${what} (\`illegalTransition\`, which names the present status).` });

const startReviewRoute = createRoute({
  ...agency,
  middleware: review,
  method: 'post',
  operationId: 'startApplicationReview',
  path: '/v1/applications/{id}/review',
  summary: 'Take a submitted application into review',
  description: 'Administrators and programme advisers. The partners are told by email.',
  request: { params: ApplicationIdParams },
  responses: { ...applicationAnswer('In review.'), ...problemResponses([401, 403, 404, 409], wrongStatus('Not a submitted application')) },
});

const scores = createRoute({
  ...agency,
  middleware: review,
  method: 'put',
  operationId: 'scoreApplication',
  path: '/v1/applications/{id}/scores',
  summary: 'Give your scores',
  description: 'Administrators and programme advisers, while the application is in review: 0–5 for every criterion of the call. Replaces your earlier scores; other advisers’ stay.',
  request: { params: ApplicationIdParams, ...json(ScoresSchema) },
  responses: {
    ...applicationAnswer('Saved; `review` shows every adviser’s scores and the weighted mean.'),
    ...problemResponses([400, 401, 403, 404, 409, 415, 422], { 409: 'Not in review (`notInReview`).', 422: 'A score is not 0–5, or a criterion has none: the pointer names its criterion id.' }),
  },
});

const comment = createRoute({
  ...agency,
  middleware: review,
  method: 'post',
  operationId: 'commentOnApplication',
  path: '/v1/applications/{id}/comments',
  summary: 'Add an internal comment',
  description: 'Administrators and programme advisers. Only agency staff ever see comments, in `review.comments`.',
  request: { params: ApplicationIdParams, ...json(CommentSchema) },
  responses: { ...applicationAnswer('Added.'), ...problemResponses([400, 401, 403, 404, 415, 422]) },
});

const approve = createRoute({
  ...agency,
  middleware: decide,
  method: 'post',
  operationId: 'approveApplication',
  path: '/v1/applications/{id}/approval',
  summary: 'Approve for a period and an amount ceiling',
  description:
    'Administrators and programme advisers, while in review. The first approval creates the partnership (`partnershipId`); every approval adds its stage to the partnership’s agreement chain. The partners are told by email.',
  request: { params: ApplicationIdParams, ...json(ApprovalSchema) },
  responses: { ...applicationAnswer('Approved.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], wrongStatus('Not in review')) },
});

const reject = createRoute({
  ...agency,
  middleware: decide,
  method: 'post',
  operationId: 'rejectApplication',
  path: '/v1/applications/{id}/rejection',
  summary: 'Reject, with the reason',
  description: 'Administrators and programme advisers, while in review. Final; the reason is sent to the partners.',
  request: { params: ApplicationIdParams, ...json(RejectionSchema) },
  responses: { ...applicationAnswer('Rejected.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], wrongStatus('Not in review')) },
});

const returnRoute = createRoute({
  ...agency,
  middleware: decide,
  method: 'post',
  operationId: 'returnApplication',
  path: '/v1/applications/{id}/return',
  summary: 'Return to the partners for changes, with remarks per section',
  description: 'Administrators and programme advisers, while in review. The partners see the remarks in `remarks`, change the application and submit it again.',
  request: { params: ApplicationIdParams, ...json(ReturnSchema) },
  responses: { ...applicationAnswer('Returned.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], wrongStatus('Not in review')) },
});

const advance = createRoute({
  ...agency,
  middleware: [permitted('partnership:manage')] as const,
  method: 'post',
  operationId: 'advanceApplication',
  path: '/v1/applications/{id}/status',
  summary: 'Move an approved agreement on: active, closing, closed',
  description: 'Administrators and programme advisers, one step at a time. The partnership’s status follows.',
  request: { params: ApplicationIdParams, ...json(StatusChangeSchema) },
  responses: { ...applicationAnswer('Moved on.'), ...problemResponses([400, 401, 403, 404, 409, 415, 422], wrongStatus('Not the next step from where it stands')) },
});

export function registerApplicationReview(api: OpenAPIHono<ApiEnv>) {

  api.openapi(startReviewRoute, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(startReview(c.var.core, { applicationId: id }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(scores, async (c) => {
    const { id } = c.req.valid('param');
    // The core names a criterion without a score as the web form's field "score-<criterion id>".
    await refusedAsApi(scoreApplication(c.var.core, { applicationId: id, scores: c.req.valid('json') }), (field) => ({ pointer: `/${field.replace(/^score-/, '')}` }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(comment, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(commentOnApplication(c.var.core, { applicationId: id, body: c.req.valid('json').body }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(approve, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(approveApplication(c.var.core, { applicationId: id, ...c.req.valid('json') }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(reject, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(rejectApplication(c.var.core, { applicationId: id, reason: c.req.valid('json').reason }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(returnRoute, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(returnApplication(c.var.core, { applicationId: id, remarks: c.req.valid('json') }));
    return c.json(await applicationBody(c, id), 200);
  });

  api.openapi(advance, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(advanceApplication(c.var.core, { applicationId: id, to: c.req.valid('json').status }));
    return c.json(await applicationBody(c, id), 200);
  });
}
