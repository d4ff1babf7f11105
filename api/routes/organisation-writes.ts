import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { getOrganisation } from '../../core/organisations/get-organisation.ts';
import { CityAmbiguousError } from '../../core/organisations/organisation-place.ts';
import { registerOrganisation } from '../../core/organisations/register-organisation.ts';
import { updateOrganisation } from '../../core/organisations/update-organisation.ts';
import type { ApiEnv } from '../api-env.ts';
import { etagFor, requireVersion } from '../optimistic-lock.ts';
import { ApiProblem, PROBLEM_CONTENT_TYPE } from '../problem.ts';
import { problemResponses } from '../problem-schema.ts';
import { permitted } from '../permitted.ts';
import { organisationBodyOf, OrganisationProblemSchema, OrganisationRegistrationSchema, OrganisationSchema, OrganisationUpdateSchema } from '../schemas/organisation-schemas.ts';
import { sessionCookie } from '../security.ts';
import { OrganisationIdParams } from './organisations.ts';

const etagHeader = { ETag: { description: 'The new version of the organisation.', schema: { type: 'string' as const } } };

/** The 422 of a registration or an update, which may list the places an ambiguous city can be. */
const invalidOrganisation = {
  422: {
    description:
      'Invalid values (`validation`, each in `errors`), or a city that is not clearly one place: `cityAmbiguous` (several places have the name; `candidates` lists them, choose one with `cityId`), `cityNotFound` (no place of at least 1,000 people has it: give the nearest town), `cityNotInCountry` or `cityNotCandidate` (the `cityId` sent is not a place in the country called `city`). Nothing was saved.',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: OrganisationProblemSchema } },
  },
};

/** A city that could be several places: 422 with the places to choose from, as `candidates`. */
function cityProblem(error: unknown): never {
  if (error instanceof CityAmbiguousError) {
    throw new ApiProblem(422, 'cityAmbiguous', {
      params: error.params,
      issues: [{ pointer: '/city', code: 'cityAmbiguous', params: error.params }],
      extensions: { candidates: error.candidates.map(({ id, name, countryCode, adminCode, population, latitude, longitude }) => ({ id, name, countryCode, adminCode, population, latitude, longitude })) },
    });
  }
  throw error;
}

const register = createRoute({
  method: 'post',
  operationId: 'registerOrganisation',
  path: '/v1/organisations',
  tags: ['Organisations'],
  summary: 'Register a partner organisation',
  description:
    'Agency staff (administrator, programme adviser). Codes are checked against the IATI code lists, and the city is matched to a place in the country (GeoNames cities of at least 1,000 people) for distances. When an organisation with a very similar name exists in the same country, nothing is saved and the answer is 409 `similarOrganisation` listing them; send again with `notADuplicate: true` to register anyway.',
  security: sessionCookie,
  middleware: [permitted('organisation:create')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: OrganisationRegistrationSchema } } } },
  responses: {
    201: {
      description: 'Registered. Location names the new organisation.',
      headers: { ...etagHeader, Location: { description: 'The new organisation’s address.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: OrganisationSchema } },
    },
    ...problemResponses([400, 401, 403, 409, 415], { 409: 'A very similar name exists in that country (`similar` lists them); nothing was saved.' }),
    ...invalidOrganisation,
  },
});

const update = createRoute({
  method: 'put',
  operationId: 'updateOrganisation',
  path: '/v1/organisations/{id}',
  tags: ['Organisations'],
  summary: 'Update an organisation',
  description:
    'Agency staff, or a coordinator of this organisation. Send every field, and the version you read: the ETag in If-Match, or `version`. If someone saved it since, nothing changes and the answer is 409 `staleEdit`. A changed city (or country) is matched to a place again, as when registering; an unchanged one keeps its place.',
  security: sessionCookie,
  middleware: [permitted('organisation:update', (c) => ({ organisationId: c.req.param('id') }))] as const,
  request: {
    params: OrganisationIdParams,
    headers: z.object({
      'if-match': z.string().optional().openapi({ description: 'The ETag from GET /v1/organisations/{id}.', example: '"2026-11-22T10:00:00.000Z"' }),
    }),
    body: { required: true, content: { 'application/json': { schema: OrganisationUpdateSchema } } },
  },
  responses: {
    200: { description: 'Saved.', headers: etagHeader, content: { 'application/json': { schema: OrganisationSchema } } },
    ...problemResponses([400, 401, 403, 404, 409, 415, 428], { 409: 'Someone else saved the organisation after the version you sent (`staleEdit`); nothing changed.' }),
    ...invalidOrganisation,
  },
});

export function registerOrganisationWrites(api: OpenAPIHono<ApiEnv>) {
  api.openapi(register, async (c) => {
    const { notADuplicate, ...input } = c.req.valid('json');
    const result = await registerOrganisation(c.var.core, input, { notADuplicate }).catch(cityProblem);
    if (result.kind === 'similar') {
      throw new ApiProblem(409, 'similarOrganisation', {
        issues: [{ pointer: '/notADuplicate', code: 'similarOrganisation' }],
        extensions: { similar: result.similar },
      });
    }
    const { organisation, partnerships } = await getOrganisation(c.var.core, { organisationId: result.id });
    c.header('Location', `/api/v1/organisations/${organisation.id}`);
    c.header('ETag', etagFor(organisation.updatedAt));
    return c.json(organisationBodyOf(organisation, partnerships), 201);
  });

  api.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    const version = requireVersion(c.req.valid('header')['if-match'], bodyVersion);
    // A well-formed id that names no organisation is a 404 from the core; one that is not an id at all, too.
    await getOrganisation(c.var.core, { organisationId: id });
    await updateOrganisation(c.var.core, { organisationId: id, ...input, version }).catch(cityProblem);
    const { organisation, partnerships } = await getOrganisation(c.var.core, { organisationId: id });
    c.header('ETag', etagFor(organisation.updatedAt));
    return c.json(organisationBodyOf(organisation, partnerships), 200);
  });
}
