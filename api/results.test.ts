import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createGoalWithIndicators, createResultReport } from '../db/factories/result-report-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

const call = (actor: Actor | undefined, path: string, init: RequestInit = {}) => apiAs(testDb.db, actor).request(`/api/v1${path}`, { ...init, headers: { 'accept-language': 'en', ...(init.headers as Record<string, string>) } });
const send = (actor: Actor | undefined, method: string, path: string, body: unknown) => call(actor, path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
type Problem = { errors: { pointer?: string; parameter?: string; code: string }[] };

/** A Kathmandu–Bergen round with a shared people indicator and a numeric one, and Kathmandu's qualitative one. */
async function world(year: number) {
  const db = testDb.db;
  const programme = await createProgramme(db);
  const kathmandu = await createOrganisation(db, { countryCode: 'NP' });
  const bergen = await createOrganisation(db, { countryCode: 'NO' });
  const partnership = await createPartnership(db, { partners: [kathmandu, bergen], programmeId: programme.id });
  const stage = await createPartnershipStage(db, { partnership, kind: 'round', startsOn: `${year}-03-01`, endsOn: `${year + 1}-02-28` });
  const shared = await createGoalWithIndicators(db, {
    applicationId: stage.applicationId,
    indicators: [
      { description: 'Nurses trained', baseline: '0', target: '40', level: 'individual', countsPeople: true, sdgTargets: ['3.2'] },
      { description: 'Births with a skilled attendant (%)', baseline: '60', target: '75', level: 'societal' },
    ],
  });
  const own = await createGoalWithIndicators(db, { applicationId: stage.applicationId, organisationId: kathmandu.id, position: 1, indicators: [{ description: 'How the lab is used', baseline: 'No lab', target: 'Used weekly' }] });
  const user = async (overrides: Parameters<typeof createUser>[1]) => (await createUser(db, overrides)).actor;
  return {
    programme,
    kathmandu,
    bergen,
    partnership,
    stage,
    people: shared.indicators[0]!,
    share: shared.indicators[1]!,
    lab: own.indicators[0]!,
    coordinator: await user({ memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] }),
    partnerFinance: await user({ memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] }),
    bergenCoordinator: await user({ memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] }),
    outsider: await user({ memberships: [{ organisationId: (await createOrganisation(db, { countryCode: 'KE' })).id, role: 'partner_coordinator' }] }),
    officer: await user({ agencyRoles: ['finance_officer'] }),
    admin: await user({ agencyRoles: ['administrator'] }),
    adviser: await user({ agencyRoles: ['programme_adviser'] }),
    participant: await user({}),
  };
}

describe('results reports through the API', () => {
  it('are started, saved, submitted, returned and accepted by the roles allowed to, against their version', async () => {
    const w = await world(2043);
    // Starting: the partner's coordinators only.
    for (const [actor, status] of [[undefined, 401], [w.adviser, 403], [w.officer, 403], [w.partnerFinance, 403], [w.participant, 403], [w.outsider, 404]] as const) {
      expect((await send(actor, 'POST', `/stages/${w.stage.id}/result-reports`, {})).status).toBe(status);
    }
    const started = await send(w.coordinator, 'POST', `/stages/${w.stage.id}/result-reports`, {});
    expect(started.status).toBe(201);
    const report = (await started.json()) as { id: string; version: number; indicators: { id: string; kind: string }[] };
    expect(started.headers.get('location')).toBe(`/api/v1/result-reports/${report.id}`);
    expect(started.headers.get('etag')).toBe('"1"');
    expect(report.indicators.map((i) => i.kind)).toEqual(['people', 'number', 'text']);
    expect((await send(w.coordinator, 'POST', `/stages/${w.stage.id}/result-reports`, {})).status).toBe(409);
    expect((await send(w.coordinator, 'POST', '/stages/00000000-0000-4000-8000-000000000000/result-reports', {})).status).toBe(404);

    // Reading: the partnership's partners and the agency; anyone else finds nothing.
    for (const reader of [w.coordinator, w.partnerFinance, w.bergenCoordinator, w.officer, w.admin, w.adviser]) expect((await call(reader, `/result-reports/${report.id}`)).status).toBe(200);
    expect((await call(w.outsider, `/result-reports/${report.id}`)).status).toBe(404);
    expect((await call(w.participant, `/result-reports/${report.id}`)).status).toBe(403);
    expect((await call(undefined, `/result-reports/${report.id}`)).status).toBe(401);
    expect(((await (await call(w.outsider, '/result-reports')).json()) as { items: unknown[] }).items).toEqual([]);
    expect(((await (await call(w.adviser, '/result-reports?status=draft')).json()) as { items: { id: string }[] }).items.map((r) => r.id)).toContain(report.id);
    expect((await call(w.adviser, '/result-reports?after=broken!')).status).toBe(400);

    // Saving: every refused value at once, each where it was sent.
    const bad = await send(w.coordinator, 'PUT', `/result-reports/${report.id}`, { version: 1, actuals: [{ indicatorId: w.share.id, value: 1.234 }, { indicatorId: '00000000-0000-4000-8000-000000000000', value: 1 }] });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Problem).errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/actuals/0/value', 'resultReportValueInvalid'],
      ['/actuals/1/indicatorId', 'resultReportUnknownIndicator'],
    ]);
    expect((await send(w.bergenCoordinator, 'PUT', `/result-reports/${report.id}`, { version: 1, narrative: 'x' })).status).toBe(403);
    expect((await send(w.adviser, 'PUT', `/result-reports/${report.id}`, { version: 1, narrative: 'x' })).status).toBe(403);
    const saved = await send(w.coordinator, 'PUT', `/result-reports/${report.id}`, { version: 1, narrative: 'Twelve nurses went to Bergen.', actuals: [{ indicatorId: w.people.id, women: 9, men: 3, other: 0 }] });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect((await send(w.coordinator, 'PUT', `/result-reports/${report.id}`, { version: 1, narrative: 'stale' })).status).toBe(409);

    // Submitting names every gap at once, each at its indicator.
    const refused = await send(w.coordinator, 'POST', `/result-reports/${report.id}/submission`, { version: 2 });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).errors.map((e) => e.pointer)).toEqual(['/indicators/1/actual/value', '/indicators/2/actual/valueText', '/lessons']);
    const complete = { version: 2, lessons: 'Pair every visitor with one host colleague.', publishLessons: true, actuals: [{ indicatorId: w.share.id, value: 70 }, { indicatorId: w.lab.id, valueText: 'Used twice a week' }] };
    expect((await send(w.coordinator, 'PUT', `/result-reports/${report.id}`, complete)).status).toBe(200);
    expect((await send(w.coordinator, 'POST', `/result-reports/${report.id}/submission`, { version: 3 })).status).toBe(200);

    // Deciding: advisers and administrators; a return needs a remark.
    expect((await send(w.officer, 'POST', `/result-reports/${report.id}/acceptance`, { version: 4 })).status).toBe(403);
    expect((await send(w.coordinator, 'POST', `/result-reports/${report.id}/acceptance`, { version: 4 })).status).toBe(403);
    const noRemark = await send(w.adviser, 'POST', `/result-reports/${report.id}/return`, { version: 4, remark: ' ' });
    expect(noRemark.status).toBe(422);
    expect(((await noRemark.json()) as Problem).errors[0]!.pointer).toBe('/remark');
    const returned = await send(w.adviser, 'POST', `/result-reports/${report.id}/return`, { version: 4, remark: 'How many were midwives?' });
    expect(await returned.json()).toMatchObject({ status: 'returned', remark: 'How many were midwives?', version: 5 });
    expect((await send(w.admin, 'POST', `/result-reports/${report.id}/acceptance`, { version: 5 })).status).toBe(409);
    expect((await send(w.coordinator, 'POST', `/result-reports/${report.id}/submission`, { version: 5 })).status).toBe(200);
    const accepted = await send(w.admin, 'POST', `/result-reports/${report.id}/acceptance`, { version: 6 });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'accepted', canEdit: false, canDecide: false });
  });

  it('are summed on the dashboard for agency staff only, under filters that must be real', async () => {
    const w = await world(2044);
    await createResultReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id, status: 'accepted', values: [{ indicatorId: w.people.id, women: 5, men: 2, other: 1 }, { indicatorId: w.share.id, value: 80 }] });
    for (const reader of [w.adviser, w.officer, w.admin]) {
      const answer = await call(reader, `/results/dashboard?programme=${w.programme.id}&year=2044`);
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { total: { people: number; onTarget: number } }).total).toMatchObject({ people: 8, onTarget: 1 });
    }
    for (const [actor, status] of [[undefined, 401], [w.coordinator, 403], [w.partnerFinance, 403], [w.participant, 403]] as const) expect((await call(actor, '/results/dashboard')).status).toBe(status);
    const wrong = await call(w.adviser, '/results/dashboard?country=ZZ&sdg=99');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Problem).errors.map((e) => e.parameter).sort()).toEqual(['country', 'sdg']);
  });
});
