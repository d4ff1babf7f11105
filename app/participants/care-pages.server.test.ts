import { describe, expect, it } from 'vitest';
import type { AppLoadContext } from 'react-router';
import { coreContext } from '../../core/context.ts';
import type { Actor } from '../../core/identity/actor.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import * as engagementPage from '../routes/exchange-engagement.tsx';
import * as incidentPage from '../routes/incident.tsx';
import * as newIncidentPage from '../routes/incident-new.tsx';
import * as incidentsPage from '../routes/incidents.tsx';
import * as startPage from '../routes/start.tsx';

const testDb = useTestDatabase();
const now = () => new Date('2026-06-15T10:00:00Z');
const context = (actor: Actor) => ({ core: coreContext({ db: testDb.db, actor, now }) }) as unknown as AppLoadContext;
const post = (path: string, fields: Record<string, string>) => new Request(`http://localhost:3000${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const get = (path: string) => new Request(`http://localhost:3000${path}`);
/** What a loader or action threw or returned: a redirect's location, or a status with its data. */
async function outcome(work: Promise<unknown>) {
  try {
    const value = await work;
    if (value instanceof Response) return { status: value.status, location: value.headers.get('location') };
    const init = value as { init?: { status?: number }; data?: unknown } | null;
    return { status: init?.init?.status ?? 200, data: init?.data ?? value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('location') };
    const init = thrown as { init?: { status?: number } };
    if (init?.init?.status) return { status: init.init.status };
    throw thrown;
  }
}

async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const tromso = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const partnership = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const nurse = await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP', status: 'returned', startsOn: '2025-01-01', endsOn: '2025-12-31' });
  return {
    nurse,
    sending: (await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] })).actor,
    unrelated: (await createUser(testDb.db, { memberships: [{ organisationId: tromso.id, role: 'partner_coordinator' }] })).actor,
    self: (await createUser(testDb.db, { participantIds: [nurse.id] })).actor,
  };
}

describe('the incident pages', () => {
  it('report with refusals shown beside the fields, then follow up; a stranger gets 404', async () => {
    const w = await world();
    const refused = await outcome(newIncidentPage.action({ request: post('/en/incidents/new', { participantId: w.nurse.id, kind: 'health', severity: '', description: '', occurredOn: '2026-06-14', place: '' }), params: { lang: 'en' }, context: context(w.sending) } as never));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain('severity');
    const reported = await outcome(newIncidentPage.action({ request: post('/en/incidents/new', { participantId: w.nurse.id, kind: 'health', severity: 'low', description: 'Sprained ankle', occurredOn: '2026-06-14', place: 'Bergen' }), params: { lang: 'en' }, context: context(w.sending) } as never));
    expect(reported.status).toBe(302);
    const id = reported.location!.match(/incidents\/([0-9a-f-]{36})/)![1]!;
    const page = await outcome(incidentPage.loader({ request: get(`/en/incidents/${id}`), params: { lang: 'en', id }, context: context(w.sending) } as never));
    expect(page.status).toBe(200);
    const noted = await outcome(incidentPage.action({ request: post(`/en/incidents/${id}`, { intent: 'note', body: 'Better now' }), params: { lang: 'en', id }, context: context(w.sending) } as never));
    expect(noted.status).toBe(302);
    const stale = await outcome(incidentPage.action({ request: post(`/en/incidents/${id}`, { intent: 'status', status: 'closed', note: '', version: '2020-01-01T00:00:00.000Z' }), params: { lang: 'en', id }, context: context(w.sending) } as never));
    expect(stale.status).toBe(409);
    expect((await outcome(incidentPage.loader({ request: get(`/en/incidents/${id}`), params: { lang: 'en', id }, context: context(w.unrelated) } as never))).status).toBe(404);
    expect((await outcome(incidentPage.action({ request: post(`/en/incidents/${id}`, { intent: 'note', body: 'x' }), params: { lang: 'en', id }, context: context(w.unrelated) } as never))).status).toBe(404);
    expect((await outcome(incidentsPage.loader({ request: get('/en/incidents?status=bogus'), params: { lang: 'en' }, context: context(w.sending) } as never))).status).toBe(200);
    expect((await outcome(newIncidentPage.loader({ request: get('/en/incidents/new'), params: { lang: 'en' }, context: context(w.self) } as never))).status).toBe(200);
    expect((await outcome(startPage.loader({ request: get('/en/start'), params: { lang: 'en' }, context: context({ kind: 'visitor' }) } as never))).location).toContain('/en/sign-in');
  });

  it('the engagement page saves the plan and logs an activity', async () => {
    const w = await world();
    const plan = await outcome(engagementPage.action({ request: post('/en/exchange/engagement', { intent: 'plan', plan: 'Talks', version: '' }), params: { lang: 'en' }, context: context(w.self) } as never));
    expect(plan.status).toBe(302);
    const wrong = await outcome(engagementPage.action({ request: post('/en/exchange/engagement', { intent: 'add-activity', what: 'Talk', place: '', heldOn: '2026-06-01', peopleReached: '-3' }), params: { lang: 'en' }, context: context(w.self) } as never));
    expect(wrong.status).toBe(400);
    expect((await outcome(engagementPage.loader({ request: get('/en/exchange/engagement'), params: { lang: 'en' }, context: context(w.sending) } as never))).status).toBe(403);
  });
});
