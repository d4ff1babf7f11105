import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { UnauthenticatedError } from '../../core/errors.ts';
import { getParticipantExchange, type ParticipantExchange } from '../../core/participants/get-participant-exchange.ts';
import { giveConsent } from '../../core/participants/give-consent.ts';
import { removeEmergencyContact } from '../../core/participants/remove-emergency-contact.ts';
import { saveEmergencyContact } from '../../core/participants/save-emergency-contact.ts';
import { updateParticipantProfile } from '../../core/participants/update-participant-profile.ts';
import { withdrawConsent } from '../../core/participants/withdraw-consent.ts';
import type { ApiEnv } from '../api-env.ts';
import { requireVersion } from '../optimistic-lock.ts';
import { ApiProblem } from '../problem.ts';
import { requestTranslator } from '../request-translator.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  ConsentInputSchema,
  ConsentSchema,
  ContactParams,
  EmergencyContactInputSchema,
  EmergencyContactListSchema,
  EmergencyContactSchema,
  EmergencyContactUpdateSchema,
  ParticipantIdParams,
  ProfileSchema,
  ProfileUpdateSchema,
} from '../schemas/participant-self-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';

/** Refuses a visitor (401) before the body is read, so "sign in" comes before a list of invalid fields; the core decides the rest. */
export const signedIn: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.var.core.actor.kind === 'visitor') throw new UnauthenticatedError();
  await next();
};

const tags = ['Participants'];
const readers = 'The participant, the sending and host partners’ coordinators, advisers following the programme and administrators; for anyone else the participant is not found.';
const onlyThePerson = 'Only the participant themself (403 for others who may see the participant, 404 for anyone else).';
const etag = { ETag: { description: 'The version.', schema: { type: 'string' as const } } };
const ifMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'The ETag you read.', example: '"2026-11-22T10:00:00.000Z"' }) });
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const getProfile = createRoute({
  tags,
  method: 'get',
  operationId: 'getParticipantProfile',
  path: '/v1/participants/{id}/profile',
  summary: 'A participant’s profile',
  description: `How to reach the participant at home and abroad. ${readers}`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams },
  responses: { 200: { description: 'The profile; ETag is its version (none for a profile never saved).', headers: etag, content: json(ProfileSchema) }, ...problemResponses([400, 401, 404]) },
});

const putProfile = createRoute({
  tags,
  method: 'put',
  operationId: 'updateParticipantProfile',
  path: '/v1/participants/{id}/profile',
  summary: 'Save one’s own profile',
  description: `${onlyThePerson} Send every field and the version you read (If-Match or \`version\`); a profile never saved has no version, so send none the first time. Someone who saved since makes it 409 \`staleEdit\`.`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams, headers: ifMatch, body: { required: true, content: json(ProfileUpdateSchema) } },
  responses: { 200: { description: 'Saved.', headers: etag, content: json(ProfileSchema) }, ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const listContacts = createRoute({
  tags,
  method: 'get',
  operationId: 'listEmergencyContacts',
  path: '/v1/participants/{id}/emergency-contacts',
  summary: 'A participant’s emergency contacts',
  description: readers,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams },
  responses: { 200: { description: 'The contacts, oldest first.', content: json(EmergencyContactListSchema) }, ...problemResponses([400, 401, 404]) },
});

const addContact = createRoute({
  tags,
  method: 'post',
  operationId: 'addEmergencyContact',
  path: '/v1/participants/{id}/emergency-contacts',
  summary: 'Add an emergency contact',
  description: `${onlyThePerson} At most five (409 \`tooManyEmergencyContacts\`).`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams, body: { required: true, content: json(EmergencyContactInputSchema) } },
  responses: {
    201: { description: 'Added. Location is its address.', headers: { ...etag, Location: { description: 'The contact’s address.', schema: { type: 'string' } } }, content: json(EmergencyContactSchema) },
    ...problemResponses([400, 401, 403, 404, 409, 415, 422]),
  },
});

const updateContact = createRoute({
  tags,
  method: 'put',
  operationId: 'updateEmergencyContact',
  path: '/v1/participants/{id}/emergency-contacts/{contactId}',
  summary: 'Change an emergency contact',
  description: `${onlyThePerson} Send every field and the contact’s version (If-Match or \`version\`).`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ContactParams, headers: ifMatch, body: { required: true, content: json(EmergencyContactUpdateSchema) } },
  responses: { 200: { description: 'Saved.', headers: etag, content: json(EmergencyContactSchema) }, ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const removeContact = createRoute({
  tags,
  method: 'delete',
  operationId: 'removeEmergencyContact',
  path: '/v1/participants/{id}/emergency-contacts/{contactId}',
  summary: 'Remove an emergency contact',
  description: onlyThePerson,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ContactParams },
  responses: { 204: { description: 'Removed.' }, ...problemResponses([400, 401, 403, 404]) },
});

const getConsent = createRoute({
  tags,
  method: 'get',
  operationId: 'getParticipantConsent',
  path: '/v1/participants/{id}/consent',
  summary: 'A participant’s consent to data processing',
  description: `Which version of the consent text is current, and the consent in force (when, to which version, in which language). ${readers}`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams },
  responses: { 200: { description: 'The consent.', content: json(ConsentSchema) }, ...problemResponses([400, 401, 404]) },
});

const putConsent = createRoute({
  tags,
  method: 'put',
  operationId: 'giveParticipantConsent',
  path: '/v1/participants/{id}/consent',
  summary: 'Consent to data processing',
  description: `${onlyThePerson} Only the current text can be consented to (409 \`consentTextChanged\` for another version). Consenting again to the same text changes nothing.`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams, body: { required: true, content: json(ConsentInputSchema) } },
  responses: { 200: { description: 'Consent recorded.', content: json(ConsentSchema) }, ...problemResponses([400, 401, 403, 404, 409, 415, 422]) },
});

const deleteConsent = createRoute({
  tags,
  method: 'delete',
  operationId: 'withdrawParticipantConsent',
  path: '/v1/participants/{id}/consent',
  summary: 'Withdraw consent',
  description: `${onlyThePerson} With no consent in force, nothing changes.`,
  security: sessionCookie,
  middleware: [signedIn] as const,
  request: { params: ParticipantIdParams },
  responses: { 200: { description: 'Withdrawn.', content: json(ConsentSchema) }, ...problemResponses([400, 401, 403, 404]) },
});

const consentBody = (e: ParticipantExchange) => ({
  current: e.consent.current,
  given: e.consent.given ? { textVersion: e.consent.given.textVersion, consentedAt: e.consent.given.consentedAt.toISOString(), locale: e.consent.given.locale } : null,
  upToDate: e.consent.upToDate,
});

/** The version a write is based on, if one was sent at all (optional where a record may have none yet). */
const sentVersion = (ifMatchHeader: string | undefined, bodyVersion: string | undefined) => (ifMatchHeader?.trim() || bodyVersion?.trim() ? requireVersion(ifMatchHeader, bodyVersion) : undefined);

export function registerParticipantSelf(api: OpenAPIHono<ApiEnv>) {
  const read = (c: { var: ApiEnv['Variables'] }, id: string) => getParticipantExchange(c.var.core, { participantId: id });

  api.openapi(getProfile, async (c) => {
    const { profile } = await read(c, c.req.valid('param').id);
    if (profile.version) c.header('ETag', `"${profile.version}"`);
    return c.json(profile, 200);
  });

  api.openapi(putProfile, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    const before = await read(c, id);
    const version = sentVersion(c.req.valid('header')['if-match'], bodyVersion);
    // A saved profile needs its version; a profile never saved has none to send.
    if (version === undefined && before.profile.version !== '') throw new ApiProblem(428, 'versionRequired');
    await refusedAsApi(updateParticipantProfile(c.var.core, { participantId: id, ...input, version: version ?? '' }));
    const { profile } = await read(c, id);
    c.header('ETag', `"${profile.version}"`);
    return c.json(profile, 200);
  });

  api.openapi(listContacts, async (c) => c.json({ items: (await read(c, c.req.valid('param').id)).contacts }, 200));

  api.openapi(addContact, async (c) => {
    const { id } = c.req.valid('param');
    const saved = await refusedAsApi(saveEmergencyContact(c.var.core, { participantId: id, ...c.req.valid('json') }));
    const contact = (await read(c, id)).contacts.find((x) => x.id === saved.id)!;
    c.header('Location', `/api/v1/participants/${id}/emergency-contacts/${saved.id}`);
    c.header('ETag', `"${contact.version}"`);
    return c.json(contact, 201);
  });

  api.openapi(updateContact, async (c) => {
    const { id, contactId } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    await read(c, id);
    const version = requireVersion(c.req.valid('header')['if-match'], bodyVersion);
    await refusedAsApi(saveEmergencyContact(c.var.core, { participantId: id, contactId, version, ...input }));
    const contact = (await read(c, id)).contacts.find((x) => x.id === contactId)!;
    c.header('ETag', `"${contact.version}"`);
    return c.json(contact, 200);
  });

  api.openapi(removeContact, async (c) => {
    const { id, contactId } = c.req.valid('param');
    await removeEmergencyContact(c.var.core, { participantId: id, contactId });
    return c.body(null, 204);
  });

  api.openapi(getConsent, async (c) => c.json(consentBody(await read(c, c.req.valid('param').id)), 200));

  api.openapi(putConsent, async (c) => {
    const { id } = c.req.valid('param');
    const { textVersion, locale } = c.req.valid('json');
    await refusedAsApi(giveConsent(c.var.core, { participantId: id, textVersion, locale: locale ?? requestTranslator(c).locale }));
    return c.json(consentBody(await read(c, id)), 200);
  });

  api.openapi(deleteConsent, async (c) => {
    const { id } = c.req.valid('param');
    await withdrawConsent(c.var.core, { participantId: id });
    return c.json(consentBody(await read(c, id)), 200);
  });
}
