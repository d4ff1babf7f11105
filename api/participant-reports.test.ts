import { describe, expect, it } from 'vitest';
import { createParticipant } from '../db/factories/participant-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { participantWorld } from '../tests/support/participant-world.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const answers = { learned: 'Triage', hostGained: 'Night cover', homeGains: 'A protocol', community: 'Talks', body: 'Thank you.' };

async function world() {
  const w = await participantWorld(testDb.db);
  const row = await createParticipant(testDb.db, {
    partnershipId: w.partnership.id,
    homeOrganisationId: w.kathmandu.id,
    hostOrganisationId: w.bergen.id,
    homeCountry: 'NP',
    status: 'in_placement',
    startsOn: '2026-03-01',
    endsOn: '2026-08-31',
    actualStartsOn: '2026-03-03',
  });
  const participant = await createUser(testDb.db, { locale: 'en', participantIds: [row.id] });
  const financeOfficer = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  return { ...w, row, participant, financeOfficer };
}

describe('participant reports over the API', () => {
  it('lets the participant save a draft and submit it, versioned, naming every missing answer', async () => {
    const w = await world();
    const me = clientAs(testDb.db, w.participant.actor);
    const fresh = await me.GET('/v1/exchange/reports/{kind}', { params: { path: { kind: 'arrival' } } });
    expect(fresh.data).toMatchObject({ status: 'not_started', dueOn: '2026-04-02', version: null });

    const saved = await me.PUT('/v1/exchange/reports/{kind}', { params: { path: { kind: 'arrival' } }, body: { version: null, learned: 'Triage' } });
    expect(saved.response.status).toBe(200);
    expect(saved.data).toMatchObject({ status: 'draft', answers: { learned: 'Triage', community: '' } });

    const stale = await me.PUT('/v1/exchange/reports/{kind}', { params: { path: { kind: 'arrival' } }, body: { version: null, learned: 'Other tab' } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 'staleEdit' });

    const missing = await me.POST('/v1/exchange/reports/{kind}/submission', { params: { path: { kind: 'arrival' } }, body: { version: saved.data!.version, learned: 'Triage' }, headers: { 'accept-language': 'nn' } });
    expect(missing.response.status).toBe(422);
    expect(missing.error).toMatchObject({
      errors: ['/hostGained', '/homeGains', '/community'].map((pointer) => ({ pointer, code: 'answerRequired', detail: catalogs.nn['error.answerRequired'] })),
    });

    const submitted = await me.POST('/v1/exchange/reports/{kind}/submission', { params: { path: { kind: 'arrival' } }, body: { version: saved.data!.version, ...answers } });
    expect(submitted.data).toMatchObject({ status: 'submitted' });
    const locked = await me.PUT('/v1/exchange/reports/{kind}', { params: { path: { kind: 'arrival' } }, body: { version: submitted.data!.version, ...answers } });
    expect(locked.error).toMatchObject({ status: 409, code: 'reportLocked' });
  });

  it('answers each role as it may: reading, deciding and the overdue list', async () => {
    const w = await world();
    const me = clientAs(testDb.db, w.participant.actor);
    const submitted = await me.POST('/v1/exchange/reports/{kind}/submission', { params: { path: { kind: 'mid_term' } }, body: { version: null, ...answers } });
    const path = { id: w.row.id, kind: 'mid_term' as const };

    const read = async (actor: Parameters<typeof clientAs>[1]) => (await clientAs(testDb.db, actor).GET('/v1/participants/{id}/reports/{kind}', { params: { path } })).response.status;
    expect(await read(undefined)).toBe(401);
    expect(await read(w.host.actor)).toBe(200);
    expect(await read(w.sender.actor)).toBe(200);
    expect(await read(w.adviser.actor)).toBe(200);
    expect(await read(w.admin.actor)).toBe(200);
    expect(await read(w.stranger.actor)).toBe(404);
    expect(await read(w.otherAdviser.actor)).toBe(404);
    expect(await read(w.financeOfficer.actor)).toBe(404);
    expect(await read(w.participant.actor)).toBe(403);

    // Only non-participants are refused their own report: anyone else is not a participant.
    expect((await clientAs(testDb.db, w.host.actor).GET('/v1/exchange/reports/{kind}', { params: { path: { kind: 'arrival' } } })).response.status).toBe(403);
    expect((await clientAs(testDb.db).GET('/v1/exchange/reports/{kind}', { params: { path: { kind: 'arrival' } } })).response.status).toBe(401);

    const acceptAs = (actor: Parameters<typeof clientAs>[1]) => clientAs(testDb.db, actor).POST('/v1/participants/{id}/reports/{kind}/acceptance', { params: { path }, body: { version: submitted.data!.version! } });
    expect((await acceptAs(w.host.actor)).response.status).toBe(403);
    expect((await acceptAs(w.participant.actor)).response.status).toBe(403);
    expect((await acceptAs(w.otherAdviser.actor)).response.status).toBe(404);
    const noRemark = await clientAs(testDb.db, w.adviser.actor).POST('/v1/participants/{id}/reports/{kind}/return', { params: { path }, body: { version: submitted.data!.version!, remark: '' } });
    expect(noRemark.response.status).toBe(422);
    expect(noRemark.error).toMatchObject({ errors: [{ pointer: '/remark', code: 'reportRemarkRequired' }] });
    const returned = await clientAs(testDb.db, w.adviser.actor).POST('/v1/participants/{id}/reports/{kind}/return', { params: { path }, body: { version: submitted.data!.version!, remark: 'More, please.' } });
    expect(returned.data).toMatchObject({ status: 'returned', remark: 'More, please.' });
    expect((await acceptAs(w.adviser.actor)).response.status).toBe(409);

    const overdue = async (actor: Parameters<typeof clientAs>[1]) => clientAs(testDb.db, actor).GET('/v1/reports/overdue');
    expect((await overdue(undefined)).response.status).toBe(401);
    expect((await overdue(w.participant.actor)).response.status).toBe(403);
    expect((await overdue(w.financeOfficer.actor)).response.status).toBe(403);
    const sender = await overdue(w.sender.actor);
    expect(sender.data!.items.filter((i) => i.participantId === w.row.id).map((i) => i.kind)).toEqual(['arrival', 'mid_term']);
    expect((await overdue(w.stranger.actor)).data!.items.some((i) => i.participantId === w.row.id)).toBe(false);
  });
});
