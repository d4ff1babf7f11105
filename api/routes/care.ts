import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { addEngagementActivity, removeEngagementActivity } from '../../core/alumni/engagement-activities.ts';
import { getEngagement } from '../../core/alumni/get-engagement.ts';
import { searchAlumni } from '../../core/alumni/search-alumni.ts';
import { updateAlumniProfile } from '../../core/alumni/update-alumni-profile.ts';
import { updateEngagementPlan } from '../../core/alumni/update-engagement-plan.ts';
import { addIncidentNote } from '../../core/care/add-incident-note.ts';
import { changeIncidentStatus } from '../../core/care/change-incident-status.ts';
import { getIncident } from '../../core/care/get-incident.ts';
import { listIncidents } from '../../core/care/list-incidents.ts';
import { recordIncidentNotification } from '../../core/care/record-incident-notification.ts';
import { reportIncident } from '../../core/care/report-incident.ts';
import { requireUser } from '../../core/identity/permissions.ts';
import { getStartItems } from '../../core/start/get-start-items.ts';
import type { ApiEnv } from '../api-env.ts';
import { requireVersion } from '../optimistic-lock.ts';
import { problemResponses } from '../problem-schema.ts';
import {
  ActivityIdParams,
  AlumniPageSchema,
  AlumniProfileSchema,
  AlumniQuery,
  EngagementActivitySchema,
  EngagementPlanSchema,
  EngagementSchema,
  IfMatchHeaders,
  IncidentFilterQuery,
  IncidentIdParams,
  IncidentNoteSchema,
  IncidentNotificationSchema,
  IncidentPageSchema,
  IncidentReportSchema,
  IncidentSchema,
  IncidentStatusSchema,
  StartSchema,
} from '../schemas/care-schemas.ts';
import { sessionCookie } from '../security.ts';
import { refusedAsApi } from './applications-refusals.ts';

/**
 * Duty of care (incidents), a participant's engagement at home, the alumni directory and the start page.
 * Who sees an incident is decided in core (core/care/incident-scope.ts): outside one's scope it is 404.
 */
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const answer = <T extends z.ZodType>(description: string, schema: T) => ({ 200: { description, content: { 'application/json': { schema } } } });
const done = { 204: { description: 'Done.' } };
/** Anyone signed in; the use-case decides the rest. Refuses a visitor before the body is validated. */
const signedIn: MiddlewareHandler<ApiEnv> = async (c, next) => {
  requireUser(c.var.core.actor);
  await next();
};
const incidentsTag = { tags: ['Duty of care'], security: sessionCookie, middleware: signedIn };
const meTag = { tags: ['Participants: engagement and alumni'], security: sessionCookie, middleware: signedIn };

const list = createRoute({
  ...incidentsTag,
  method: 'get',
  operationId: 'listIncidents',
  path: '/v1/incidents',
  summary: 'The incidents you may see',
  description: 'Coordinators of the participant’s sending or host partner, advisers following the programme, administrators; a participant sees the incidents they reported. Open ones first, the most severe first. At most 500.',
  request: { query: IncidentFilterQuery },
  responses: { ...answer('The incidents.', IncidentPageSchema), ...problemResponses([400, 401, 403]) },
});

const report = createRoute({
  ...incidentsTag,
  method: 'post',
  operationId: 'reportIncident',
  path: '/v1/incidents',
  summary: 'Report an incident about a participant',
  description: 'The participant themselves, or a coordinator of their sending or host partner. A high or critical incident is emailed at once to the coordinators concerned and the programme’s advisers.',
  request: json(IncidentReportSchema),
  responses: { 201: { description: 'Reported.', content: { 'application/json': { schema: IncidentSchema } } }, ...problemResponses([400, 401, 403, 404, 415, 422]) },
});

const get = createRoute({
  ...incidentsTag,
  method: 'get',
  operationId: 'getIncident',
  path: '/v1/incidents/{id}',
  summary: 'One incident, with its follow-up, who was told and the emergency plan',
  request: { params: IncidentIdParams },
  responses: { ...answer('The incident; its ETag is the version status changes send back.', IncidentSchema), ...problemResponses([401, 404], { 404: 'No such incident, or not one you may see.' }) },
});

const note = createRoute({
  ...incidentsTag,
  method: 'post',
  operationId: 'addIncidentNote',
  path: '/v1/incidents/{id}/notes',
  summary: 'Add a follow-up note',
  description: 'Coordinators concerned, advisers following the programme, administrators.',
  request: { params: IncidentIdParams, ...json(IncidentNoteSchema) },
  responses: { ...answer('Added.', IncidentSchema), ...problemResponses([400, 401, 403, 404, 415, 422]) },
});

const status = createRoute({
  ...incidentsTag,
  method: 'put',
  operationId: 'changeIncidentStatus',
  path: '/v1/incidents/{id}/status',
  summary: 'Change the status: open, being followed up, closed',
  description: 'Needs the version (If-Match or `version`): none is 428, a stale one 409.',
  request: { params: IncidentIdParams, headers: IfMatchHeaders, ...json(IncidentStatusSchema) },
  responses: { ...answer('Changed.', IncidentSchema), ...problemResponses([400, 401, 403, 404, 409, 415, 422, 428]) },
});

const told = createRoute({
  ...incidentsTag,
  method: 'post',
  operationId: 'recordIncidentNotification',
  path: '/v1/incidents/{id}/notifications',
  summary: 'Record who was told, and when',
  request: { params: IncidentIdParams, ...json(IncidentNotificationSchema) },
  responses: { ...answer('Recorded.', IncidentSchema), ...problemResponses([400, 401, 403, 404, 415, 422]) },
});

const engagement = createRoute({
  ...meTag,
  method: 'get',
  operationId: 'getOwnEngagement',
  path: '/v1/me/engagement',
  summary: 'Your engagement at home: plan, activities, alumni profile',
  description: 'Participants only.',
  responses: { ...answer('Your engagement.', EngagementSchema), ...problemResponses([401, 403]) },
});

const plan = createRoute({
  ...meTag,
  method: 'put',
  operationId: 'updateOwnEngagementPlan',
  path: '/v1/me/engagement/plan',
  summary: 'Save your home-engagement plan',
  description: 'Send `version` as read (`planVersion`, empty before the first save); a stale one is 409.',
  request: json(EngagementPlanSchema),
  responses: { ...answer('Saved.', EngagementSchema), ...problemResponses([400, 401, 403, 409, 415, 422]) },
});

const addActivity = createRoute({
  ...meTag,
  method: 'post',
  operationId: 'addOwnEngagementActivity',
  path: '/v1/me/engagement/activities',
  summary: 'Log an activity after your return',
  request: json(EngagementActivitySchema),
  responses: { ...answer('Logged.', EngagementSchema), ...problemResponses([400, 401, 403, 409, 415, 422], { 409: 'Not back from the placement yet (`notBackHomeYet`).' }) },
});

const removeActivity = createRoute({
  ...meTag,
  method: 'delete',
  operationId: 'removeOwnEngagementActivity',
  path: '/v1/me/engagement/activities/{activityId}',
  summary: 'Remove one of your activities',
  request: { params: ActivityIdParams },
  responses: { ...done, ...problemResponses([401, 403, 404]) },
});

const profile = createRoute({
  ...meTag,
  method: 'put',
  operationId: 'updateOwnAlumniProfile',
  path: '/v1/me/alumni-profile',
  summary: 'Your alumni directory profile (opt-in)',
  description: 'Alumni only: whether you are listed, your profession, a short bio, and whether your contact email is shown.',
  request: json(AlumniProfileSchema),
  responses: { ...answer('Saved.', EngagementSchema), ...problemResponses([400, 401, 403, 409, 415, 422], { 409: 'Not alumni (`notAlumni`).' }) },
});

const alumni = createRoute({
  ...meTag,
  tags: ['Alumni'],
  method: 'get',
  operationId: 'searchAlumni',
  path: '/v1/alumni',
  summary: 'Search the alumni directory',
  description: 'Alumni, partner coordinators and agency staff. Only alumni who chose to be listed; a contact email only where they chose to show it. At most 200.',
  request: { query: AlumniQuery },
  responses: { ...answer('The alumni found.', AlumniPageSchema), ...problemResponses([400, 401, 403]) },
});

const start = createRoute({
  ...meTag,
  tags: ['Start'],
  method: 'get',
  operationId: 'getOwnStartItems',
  path: '/v1/me/start',
  summary: 'What needs you now',
  description: 'The items of your start page, a section per part you play: the agency, each organisation you coordinate, your own exchange.',
  responses: { ...answer('Your items; none for roles with nothing to act on here.', StartSchema), ...problemResponses([401]) },
});

async function incidentBody(c: { var: ApiEnv['Variables'] }, id: string) {
  const i = await getIncident(c.var.core, { incidentId: id });
  return {
    id: i.id,
    kind: i.kind,
    severity: i.severity,
    status: i.status,
    description: i.description,
    occurredOn: i.occurredOn,
    place: i.place,
    reportedBy: i.reportedByLabel,
    reportedAt: i.createdAt.toISOString(),
    version: i.version,
    participant: i.participant,
    homeOrganisation: i.homeOrganisation,
    hostOrganisation: i.hostOrganisation,
    emergencyPlan: i.emergencyPlan,
    canFollowUp: i.canFollowUp,
    notes: i.notes.map((n) => ({ body: n.body, toStatus: n.toStatus, by: n.by, at: n.at.toISOString() })),
    notifications: i.notifications.map((n) => ({ party: n.party, detail: n.detail, toldOn: n.toldOn, by: n.by })),
  };
}

export function registerCare(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const items = await listIncidents(c.var.core, c.req.valid('query'));
    return c.json({ items: items.map(({ createdAt: _, ...i }) => i), total: items.length, next: null }, 200);
  });

  api.openapi(report, async (c) => {
    const { participantId, ...input } = c.req.valid('json');
    const { id } = await refusedAsApi(reportIncident(c.var.core, { participantId, ...input }));
    const body = await incidentBody(c, id);
    c.header('ETag', `"${body.version}"`);
    return c.json(body, 201);
  });

  api.openapi(get, async (c) => {
    const body = await incidentBody(c, c.req.valid('param').id);
    c.header('ETag', `"${body.version}"`);
    return c.json(body, 200);
  });

  api.openapi(note, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(addIncidentNote(c.var.core, { incidentId: id, ...c.req.valid('json') }));
    return c.json(await incidentBody(c, id), 200);
  });

  api.openapi(status, async (c) => {
    const { id } = c.req.valid('param');
    const { version: bodyVersion, ...input } = c.req.valid('json');
    const version = requireVersion(c.req.valid('header')['if-match'], bodyVersion);
    await refusedAsApi(changeIncidentStatus(c.var.core, { incidentId: id, ...input, version }));
    const body = await incidentBody(c, id);
    c.header('ETag', `"${body.version}"`);
    return c.json(body, 200);
  });

  api.openapi(told, async (c) => {
    const { id } = c.req.valid('param');
    await refusedAsApi(recordIncidentNotification(c.var.core, { incidentId: id, ...c.req.valid('json') }));
    return c.json(await incidentBody(c, id), 200);
  });

  api.openapi(engagement, async (c) => c.json(await getEngagement(c.var.core), 200));

  api.openapi(plan, async (c) => {
    const { plan: text, version } = c.req.valid('json');
    await refusedAsApi(updateEngagementPlan(c.var.core, { plan: text, version: version ?? '' }));
    return c.json(await getEngagement(c.var.core), 200);
  });

  api.openapi(addActivity, async (c) => {
    await refusedAsApi(addEngagementActivity(c.var.core, c.req.valid('json')));
    return c.json(await getEngagement(c.var.core), 200);
  });

  api.openapi(removeActivity, async (c) => {
    await removeEngagementActivity(c.var.core, { activityId: c.req.valid('param').activityId });
    return c.body(null, 204);
  });

  api.openapi(profile, async (c) => {
    await refusedAsApi(updateAlumniProfile(c.var.core, c.req.valid('json')));
    return c.json(await getEngagement(c.var.core), 200);
  });

  api.openapi(alumni, async (c) => {
    const items = await searchAlumni(c.var.core, c.req.valid('query'));
    return c.json({ items, total: items.length, next: null }, 200);
  });

  api.openapi(start, async (c) => c.json(await getStartItems(c.var.core), 200));
}
