import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { nominate, nurse, participantWorld } from '../tests/support/participant-world.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const as = (actor?: Actor) => clientAs(testDb.db, actor);

async function answer<T, E>(call: Promise<{ data?: T; error?: E; response: Response }>) {
  const { data, error, response } = await call;
  return { status: response.status, etag: response.headers.get('etag'), type: response.headers.get('content-type'), location: response.headers.get('location'), data, error: error as { code?: string; errors?: { pointer?: string; code: string }[] } | undefined };
}

const person = () => {
  const p = nurse();
  return { ...p, email: `api.${randomUUID().slice(0, 8)}@example.org` };
};

describe('nominating through the API', () => {
  it('lists the plan lines a coordinator sends on, to the partners’ coordinators only', async () => {
    const w = await participantWorld(testDb.db);
    const path = { path: { id: w.partnership.id } };
    const mine = await answer(as(w.sender.actor).GET('/v1/partnerships/{id}/nomination-flows', { params: path }));
    expect(mine.status).toBe(200);
    expect(mine.data!.items.map((f) => [f.id, f.planned, f.nominated])).toEqual([[w.flow.id, 1, 0]]);
    expect((await answer(as(w.stranger.actor).GET('/v1/partnerships/{id}/nomination-flows', { params: path }))).status).toBe(403);
    expect((await answer(as(w.adviser.actor).GET('/v1/partnerships/{id}/nomination-flows', { params: path }))).status).toBe(403);
    expect((await answer(as().GET('/v1/partnerships/{id}/nomination-flows', { params: path }))).status).toBe(401);
    expect((await answer(as(w.sender.actor).GET('/v1/partnerships/{id}/nomination-flows', { params: { path: { id: randomUUID() } } }))).status).toBe(404);
  });

  it('nominates on a plan line of the partnership, and says when it goes over the plan', async () => {
    const w = await participantWorld(testDb.db);
    const first = await answer(as(w.sender.actor).POST('/v1/partnerships/{id}/nominations', { params: { path: { id: w.partnership.id } }, body: { ...person(), planFlowId: w.flow.id } }));
    expect(first.status).toBe(201);
    expect(first.location).toBe(`/api/v1/participants/${first.data!.id}`);
    expect(first.etag).toBe(`"${first.data!.version}"`);
    expect(first.data).toMatchObject({ status: 'nominated', hostDecision: 'pending', overPlan: false, plan: { planned: 1, nominated: 1 }, sending: { id: w.kathmandu.id }, host: { id: w.bergen.id } });
    expect(first.data!.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'nominated' })]);
    const second = await answer(as(w.sender.actor).POST('/v1/partnerships/{id}/nominations', { params: { path: { id: w.partnership.id } }, body: { ...person(), planFlowId: w.flow.id } }));
    expect(second.data).toMatchObject({ overPlan: true, may: { decideAsHost: false, approveOverPlan: false } });
  });

  it('refuses a line the coordinator does not send on, and every wrong value at once', async () => {
    const w = await participantWorld(testDb.db);
    const hostTries = await answer(as(w.host.actor).POST('/v1/partnerships/{id}/nominations', { params: { path: { id: w.partnership.id } }, body: { ...person(), planFlowId: w.flow.id } }));
    expect(hostTries.status).toBe(422);
    expect(hostTries.error!.errors).toEqual([expect.objectContaining({ pointer: '/planFlowId', code: 'choosePlanFlow' })]);
    const wrong = await answer(
      as(w.sender.actor).POST('/v1/partnerships/{id}/nominations', { params: { path: { id: w.partnership.id } }, body: { ...person(), planFlowId: w.flow.id, email: 'nope', startsOn: '2026-09-01', endsOn: '2026-03-01' } }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.type).toContain('application/problem+json');
    expect(wrong.error!.errors!.map((e) => e.pointer).sort()).toEqual(['/email', '/endsOn']);
    expect((await answer(as(w.stranger.actor).POST('/v1/partnerships/{id}/nominations', { params: { path: { id: w.partnership.id } }, body: { ...person(), planFlowId: w.flow.id } }))).status).toBe(403);
    expect((await answer(as(w.adviser.actor).POST('/v1/partnerships/{id}/nominations', { params: { path: { id: w.partnership.id } }, body: { ...person(), planFlowId: w.flow.id } }))).status).toBe(403);
  });
});

describe('reading a participant', () => {
  it('is for those in the participant’s scope; anyone else finds nothing', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    const path = { params: { path: { id: n.participantId } } };
    for (const user of [w.sender, w.host, w.adviser, w.admin]) expect((await answer(as(user.actor).GET('/v1/participants/{id}', path))).status).toBe(200);
    for (const user of [w.stranger, w.otherAdviser]) expect((await answer(as(user.actor).GET('/v1/participants/{id}', path))).status).toBe(404);
    expect((await answer(as().GET('/v1/participants/{id}', path))).status).toBe(401);
    expect((await answer(as(w.admin.actor).GET('/v1/participants/{id}', { params: { path: { id: 'not-an-id' } } }))).status).toBe(404);
  });
});

describe('the host’s answer, the adviser’s approvals and the moves', () => {
  it('needs the version, refuses a stale one, and lets only the host answer', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    const path = { path: { id: n.participantId } };
    const none = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: path, body: { decision: 'accept' } }));
    expect(none.status).toBe(428);
    const stale = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: { ...path, header: { 'if-match': '"2020-01-01T00:00:00.000Z"' } }, body: { decision: 'accept' } }));
    expect(stale).toMatchObject({ status: 409, error: { code: 'staleEdit' } });
    const bySender = await answer(as(w.sender.actor).POST('/v1/participants/{id}/host-decision', { params: path, body: { decision: 'accept', version: n.version } }));
    expect(bySender.status).toBe(403);
    const noReason = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: path, body: { decision: 'decline', version: n.version } }));
    expect(noReason).toMatchObject({ status: 422, error: { errors: [{ pointer: '/reason', code: 'giveReason' }] } });
    const accepted = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: { ...path, header: { 'if-match': `"${n.version}"` } }, body: { decision: 'accept' } }));
    expect(accepted.status).toBe(200);
    expect(accepted.data).toMatchObject({ hostDecision: 'accepted', may: { decideAsHost: false } });
    const again = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: path, body: { decision: 'accept', version: accepted.data!.version } }));
    expect(again).toMatchObject({ status: 409, error: { code: 'nominationDecided' } });
  });

  it('takes a decline with the longest reason allowed, and names the limit when it is longer', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    const declined = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: { path: { id: n.participantId } }, body: { decision: 'decline', reason: 'x'.repeat(2000), version: n.version } }));
    expect(declined).toMatchObject({ status: 200, data: { status: 'withdrawn' } });
    const tooLong = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: { path: { id: n.participantId } }, body: { decision: 'decline', reason: 'x'.repeat(2001), version: n.version } }));
    expect(tooLong).toMatchObject({ status: 422, error: { errors: [{ pointer: '/reason', code: 'tooLong', detail: 'This can be at most 2,000 characters.' }] } });
  });

  it('lets the adviser allow going over the plan and make exceptions, then approve; every reason a move waits for is named', async () => {
    const w = await participantWorld(testDb.db);
    await nominate(w);
    const n = await nominate(w, nurse({ birthDate: '1960-01-01' }));
    const path = { path: { id: n.participantId } };
    const early = await answer(as(w.adviser.actor).POST('/v1/participants/{id}/moves', { params: path, body: { to: 'approved', version: n.version } }));
    expect(early.status).toBe(422);
    expect(early.error!.errors!.map((e) => [e.pointer, e.code])).toEqual([
      ['/to', 'hostNotAccepted'],
      ['/to', 'overPlanNotApproved'],
      ['/to', 'ageNotEligible'],
    ]);
    const illegal = await answer(as(w.adviser.actor).POST('/v1/participants/{id}/moves', { params: path, body: { to: 'returned', version: n.version } }));
    expect(illegal).toMatchObject({ status: 409, error: { code: 'participantIllegalMove' } });

    const hostWay = await answer(as(w.host.actor).POST('/v1/participants/{id}/host-decision', { params: path, body: { decision: 'accept', version: n.version } }));
    expect((await answer(as(w.host.actor).POST('/v1/participants/{id}/over-plan-approval', { params: path, body: { reason: 'x', version: hostWay.data!.version } }))).status).toBe(403);
    const allowed = await answer(as(w.adviser.actor).POST('/v1/participants/{id}/over-plan-approval', { params: path, body: { reason: 'The ward asked for two', version: hostWay.data!.version } }));
    expect(allowed.data).toMatchObject({ overPlanReason: 'The ward asked for two', may: { approveOverPlan: false } });
    expect((await answer(as(w.adviser.actor).POST('/v1/participants/{id}/over-plan-approval', { params: path, body: { reason: 'Again', version: allowed.data!.version } }))).error).toMatchObject({ code: 'notOverPlan' });

    expect((await answer(as(w.host.actor).POST('/v1/participants/{id}/eligibility-exceptions', { params: path, body: { problem: 'ageNotEligible', reason: 'x' } }))).status).toBe(403);
    const wrongProblem = await answer(as(w.adviser.actor).POST('/v1/participants/{id}/eligibility-exceptions', { params: path, body: { problem: 'overlappingPlacement', reason: 'x' } }));
    expect(wrongProblem).toMatchObject({ status: 422, error: { errors: [{ pointer: '/problem', code: 'noSuchEligibilityProblem' }] } });
    const excepted = await answer(as(w.adviser.actor).POST('/v1/participants/{id}/eligibility-exceptions', { params: path, body: { problem: 'ageNotEligible', reason: 'Senior specialist' } }));
    expect(excepted.data!.eligibility).toMatchObject({ passes: true, problems: [{ code: 'ageNotEligible', exception: { reason: 'Senior specialist' } }] });
    expect(excepted.data!.eligibilityExceptions).toEqual([expect.objectContaining({ problem: 'ageNotEligible', reason: 'Senior specialist' })]);

    const approved = await answer(as(w.adviser.actor).POST('/v1/participants/{id}/moves', { params: path, body: { to: 'approved', version: excepted.data!.version } }));
    expect(approved.status).toBe(200);
    expect(approved.data).toMatchObject({ status: 'approved' });
    const noReason = await answer(as(w.sender.actor).POST('/v1/participants/{id}/moves', { params: path, body: { to: 'withdrawn', version: approved.data!.version } }));
    expect(noReason).toMatchObject({ status: 422, error: { errors: [{ pointer: '/reason', code: 'giveReason' }] } });
    const withdrawn = await answer(as(w.sender.actor).POST('/v1/participants/{id}/moves', { params: path, body: { to: 'withdrawn', reason: 'Took a post at home', version: approved.data!.version } }));
    expect(withdrawn.data).toMatchObject({ status: 'withdrawn', statusReason: 'Took a post at home', moves: [] });
    expect((await answer(as(w.stranger.actor).POST('/v1/participants/{id}/moves', { params: path, body: { to: 'withdrawn', reason: 'x', version: withdrawn.data!.version } }))).status).toBe(404);
  });
});
