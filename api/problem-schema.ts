import { z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';

export const FieldProblemSchema = z
  .object({
    pointer: z.string().optional().openapi({ description: 'JSON Pointer (RFC 6901) to the value in the request body.', example: '/legalName' }),
    parameter: z.string().optional().openapi({ description: 'The query or path parameter, when the value came there.', example: 'country' }),
    header: z.string().optional().openapi({ description: 'The request header, when the value came there.', example: 'if-match' }),
    code: z.string().openapi({ description: 'What is wrong, as a stable code (the catalogs’ `error.<code>`).', example: 'required' }),
    detail: z.string().openapi({ description: 'What is wrong and what to do, in the language of Accept-Language.', example: 'This value is required.' }),
  })
  .openapi('FieldProblem');

export const ProblemSchema = z
  .looseObject({
    type: z.string().openapi({ description: 'Identifies the kind of problem; documented at that address.', example: '/api/docs#problem-validation' }),
    title: z.string().openapi({ example: 'Some values are not valid' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({ example: 'One value needs correcting. Each entry in “errors” names it and says what is wrong.' }),
    instance: z.string().openapi({ description: 'The path of the request that went wrong.', example: '/api/v1/organisations' }),
    code: z.string().openapi({ description: 'The kind of problem as a stable code, the same as the end of `type`.', example: 'validation' }),
    errors: z.array(FieldProblemSchema).optional().openapi({ description: 'One entry per invalid value.' }),
    requestId: z.string().optional().openapi({ description: 'Quote it when asking for help: it finds the request in the logs.' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem detail, sent as application/problem+json.' });

/** What each status means across the API; a route may say more for its own case. */
const meanings: Record<number, string> = {
  400: 'The request cannot be read: malformed JSON, or invalid query or path parameters (each named in `errors`).',
  401: 'Not signed in: no valid session cookie.',
  403: 'Signed in, but your role does not allow this (or the origin check refused a cross-site request).',
  404: 'No such record, or you may not see it.',
  409: 'The request conflicts with the record as it is now.',
  415: 'The body is not sent as application/json.',
  422: 'Some values in the body are not valid; `errors` has a JSON pointer for each.',
  428: 'No version sent: give the ETag in If-Match (or the `version` field).',
};

/** The `responses` entries of a route for the problems it can answer with. */
export function problemResponses<S extends number>(statuses: readonly S[], own: Partial<Record<S, string>> = {}) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: own[status] ?? meanings[status] ?? 'Refused.', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof ProblemSchema } } }>;
}
