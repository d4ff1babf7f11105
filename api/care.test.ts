import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createParticipant } from '../db/factories/participant-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { assignAdviser } from '../db/factories/programme-adviser-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const as = (actor?: Actor) => clientAs(testDb.db, actor);
const incident = { kind: 'security' as const, severity: 'medium' as const, description: 'Phone stolen on the bus.', occurredOn: '2026-01-10', place: 'Lilongwe' };

async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const tromso = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const partnership = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const nurse = await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP', status: 'alumni', startsOn: '2024-01-01', endsOn: '2024-12-31' });
  const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
  await assignAdviser(testDb.db, adviser.id, partnership.programmeId);
  return {
    nurse,
    sending: (await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] })).actor,
    unrelated: (await createUser(testDb.db, { memberships: [{ organisationId: tromso.id, role: 'partner_coordinator' }] })).actor,
    partnerFinance: (await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] })).actor,
    financeOfficer: (await createUser(testDb.db, { agencyRoles: ['finance_officer'] })).actor,
    adviser: adviser.actor,
    self: (await createUser(testDb.db, { participantIds: [nurse.id] })).actor,
  };
}

describe('incidents over the API', () => {
  it('a coordinator reports; the adviser follows up with the version; an unrelated coordinator finds nothing', async () => {
    const w = await world();
    const created = await as(w.sending).POST('/v1/incidents', { body: { participantId: w.nurse.id, ...incident } });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    const read = await as(w.adviser).GET('/v1/incidents/{id}', { params: { path: { id } } });
    expect(read.data?.canFollowUp).toBe(true);
    const etag = read.response.headers.get('etag')!;
    expect((await as(w.adviser).PUT('/v1/incidents/{id}/status', { params: { path: { id } }, body: { status: 'closed', note: '' } })).response.status).toBe(428);
    const closed = await as(w.adviser).PUT('/v1/incidents/{id}/status', { params: { path: { id }, header: { 'if-match': etag } }, body: { status: 'closed', note: 'Police report filed' } });
    expect(closed.data?.status).toBe('closed');
    expect((await as(w.sending).PUT('/v1/incidents/{id}/status', { params: { path: { id }, header: { 'if-match': etag } }, body: { status: 'open', note: '' } })).response.status).toBe(409);
    const told = await as(w.sending).POST('/v1/incidents/{id}/notifications', { params: { path: { id } }, body: { party: 'insurance', detail: '', toldOn: '2026-01-11' } });
    expect(told.data?.notifications).toHaveLength(1);
    expect((await as(w.unrelated).GET('/v1/incidents/{id}', { params: { path: { id } } })).response.status).toBe(404);
    expect((await as(w.unrelated).POST('/v1/incidents/{id}/notes', { params: { path: { id } }, body: { body: 'x' } })).response.status).toBe(404);
    expect((await as(w.unrelated).GET('/v1/incidents', {})).data?.items.map((i) => i.id)).not.toContain(id);
    expect((await as(w.adviser).POST('/v1/incidents', { body: { participantId: w.nurse.id, ...incident } })).response.status).toBe(403);
    for (const who of [w.partnerFinance, w.financeOfficer]) expect((await as(who).GET('/v1/incidents', {})).response.status).toBe(403);
    expect((await as().GET('/v1/incidents', {})).response.status).toBe(401);
    expect((await as().POST('/v1/incidents', { body: { participantId: w.nurse.id, ...incident } })).response.status).toBe(401);
    const refused = await as(w.sending).POST('/v1/incidents', { body: { participantId: w.nurse.id, ...incident, severity: 'dire' as 'low', description: '' } });
    expect(refused.response.status).toBe(422);
  });
});

describe('engagement, alumni and the start items over the API', () => {
  it('the alumnus logs activities, opts in to the directory; coordinators find them; others are refused', async () => {
    const w = await world();
    const mine = await as(w.self).GET('/v1/me/engagement', {});
    expect(mine.data?.isAlumni).toBe(true);
    const saved = await as(w.self).PUT('/v1/me/engagement/plan', { body: { plan: 'Teach triage in Pokhara', version: mine.data!.planVersion } });
    expect(saved.data?.plan).toBe('Teach triage in Pokhara');
    const logged = await as(w.self).POST('/v1/me/engagement/activities', { body: { what: 'Triage workshop', place: 'Pokhara', heldOn: '2025-03-01', peopleReached: 25 } });
    const activityId = logged.data!.activities[0]!.id;
    expect((await as(w.self).DELETE('/v1/me/engagement/activities/{activityId}', { params: { path: { activityId } } })).response.status).toBe(204);
    await as(w.self).PUT('/v1/me/alumni-profile', { body: { listed: true, profession: 'Triage nurse', bio: '', contactEmail: 'sita@example.org', showEmail: true } });
    const found = await as(w.sending).GET('/v1/alumni', { params: { query: { country: 'NP', profession: 'triage' } } });
    expect(found.data?.items).toContainEqual(expect.objectContaining({ participantId: w.nurse.id, contactEmail: 'sita@example.org' }));
    expect((await as(w.partnerFinance).GET('/v1/alumni', { params: { query: {} } })).response.status).toBe(403);
    expect((await as(w.sending).GET('/v1/me/engagement', {})).response.status).toBe(403);
    expect((await as().GET('/v1/me/engagement', {})).response.status).toBe(401);
    expect((await as(w.sending).GET('/v1/me/start', {})).response.status).toBe(200);
    expect((await as(w.financeOfficer).GET('/v1/me/start', {})).data).toEqual({ sections: [], total: 0 });
    expect((await as().GET('/v1/me/start', {})).response.status).toBe(401);
  });
});
