import { describe, expect, it } from 'vitest';
import { createParticipant } from '../db/factories/participant-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { participantWorld, type ParticipantWorld } from '../tests/support/participant-world.ts';
import { apiAs, jsonBody } from '../tests/support/api-as.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

const course = (w: ParticipantWorld, overrides: Record<string, unknown> = {}) => ({
  kind: 'preparatory',
  title: 'Preparatory course, Førde',
  organisationId: w.kathmandu.id,
  place: 'Kathmandu',
  startsOn: '2026-02-02',
  endsOn: '2026-02-15',
  capacity: 1,
  timeZone: 'Asia/Kathmandu',
  ...overrides,
});

describe('/api/v1/courses', () => {
  it('is read by the agency and coordinators, refused to others, and run by its owner only', async () => {
    const w = await participantWorld(testDb.db);
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const partnerFinance = await createUser(testDb.db, { memberships: [{ organisationId: w.kathmandu.id, role: 'partner_finance' }] });
    const [person, second] = [
      await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', status: 'preparing' }),
      await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', status: 'approved' }),
    ];
    const participant = await createUser(testDb.db, { participantIds: [person.id] });

    // Who may list.
    expect((await apiAs(testDb.db).request('/api/v1/courses')).status).toBe(401);
    for (const who of [finance, partnerFinance, participant]) expect((await apiAs(testDb.db, who.actor).request('/api/v1/courses')).status).toBe(403);
    for (const who of [w.admin, w.adviser, w.sender]) expect((await apiAs(testDb.db, who.actor).request('/api/v1/courses?kind=preparatory&when=all')).status).toBe(200);
    expect((await apiAs(testDb.db, w.sender.actor).request('/api/v1/courses?when=soon')).status).toBe(400);

    // Creating: a too-short preparatory course points at endsOn; another organisation's coordinator is refused.
    const sender = apiAs(testDb.db, w.sender.actor);
    const short = await sender.request('/api/v1/courses', jsonBody('POST', course(w, { endsOn: '2026-02-05' })));
    expect(short.status).toBe(422);
    expect((await short.json()).errors).toMatchObject([{ pointer: '/endsOn', code: 'preparatoryTooShort' }]);
    expect((await apiAs(testDb.db, w.stranger.actor).request('/api/v1/courses', jsonBody('POST', course(w)))).status).toBe(403);
    expect((await apiAs(testDb.db, w.sender.actor).request('/api/v1/courses', jsonBody('POST', course(w, { capacity: 0 })))).status).toBe(422);
    const created = await sender.request('/api/v1/courses', jsonBody('POST', course(w)));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(created.headers.get('location')).toBe(`/api/v1/courses/${id}`);

    // Reading: another coordinator does not find it.
    expect((await apiAs(testDb.db, w.host.actor).request(`/api/v1/courses/${id}`)).status).toBe(404);
    expect((await apiAs(testDb.db, w.admin.actor).request(`/api/v1/courses/${id}`)).status).toBe(200);

    // Sessions and enrolment, capacity one.
    const withSession = await sender.request(`/api/v1/courses/${id}/sessions`, jsonBody('POST', { day: '2026-02-03', startTime: '09:00', endTime: '15:00' }));
    expect(withSession.status).toBe(201);
    const sessionId = (await withSession.json()).sessions[0].id;
    expect((await sender.request(`/api/v1/courses/${id}/sessions`, jsonBody('POST', { day: '2026-02-03', startTime: '9', endTime: '15:00' }))).status).toBe(422);
    expect((await sender.request(`/api/v1/courses/${id}/enrolments`, jsonBody('POST', { participantId: person.id }))).status).toBe(201);
    const full = await sender.request(`/api/v1/courses/${id}/enrolments`, jsonBody('POST', { participantId: second.id }));
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ code: 'courseFull', detail: expect.stringContaining('1') });
    expect((await apiAs(testDb.db, w.adviser.actor).request(`/api/v1/courses/${id}/enrolments`, jsonBody('POST', { participantId: second.id }))).status).toBe(403);

    // Attendance: version needed, stale refused.
    const current = await sender.request(`/api/v1/courses/${id}`);
    const etag = current.headers.get('etag')!;
    expect((await sender.request(`/api/v1/courses/${id}/attendance`, jsonBody('PUT', { present: [] }))).status).toBe(428);
    const saved = await sender.request(`/api/v1/courses/${id}/attendance`, jsonBody('PUT', { present: [{ sessionId, participantId: person.id }] }, { 'if-match': etag }));
    expect(saved.status).toBe(200);
    expect((await saved.json()).enrolled).toMatchObject([{ participantId: person.id, attendedAll: true }]);
    const stale = await sender.request(`/api/v1/courses/${id}/attendance`, jsonBody('PUT', { present: [] }, { 'if-match': etag }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('staleEdit');

    // Taking off and removing.
    expect((await sender.request(`/api/v1/courses/${id}/enrolments/${person.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await sender.request(`/api/v1/courses/${id}/sessions/${sessionId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await sender.request(`/api/v1/courses/${id}/sessions/${sessionId}`, { method: 'DELETE' })).status).toBe(404);
  });
});
