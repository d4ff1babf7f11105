import { describe, expect, it } from 'vitest';
import type { Actor, Membership } from '../core/identity/actor.ts';
import { createFinancialReport } from '../db/factories/financial-report-factory.ts';
import { createGrantedStage } from '../db/factories/granted-stage-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const as = (actor?: Actor) => clientAs(testDb.db, actor);
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });

async function answer<T, E>(call: Promise<{ data?: T; error?: E; response: Response }>) {
  const { data, error, response } = await call;
  return { status: response.status, type: response.headers.get('content-type'), etag: response.headers.get('etag'), data, error: error as Record<string, unknown> | undefined };
}

async function world() {
  const db = testDb.db;
  const granted = await createGrantedStage(db);
  const [coordinatorOrg, partnerOrg] = granted.partnership.partners;
  const user = async (agencyRoles: ('administrator' | 'programme_adviser' | 'finance_officer')[] = [], memberships: Membership[] = []) => (await createUser(db, { agencyRoles, memberships })).actor;
  return {
    ...granted,
    coordinatorOrg: coordinatorOrg!,
    partnerOrg: partnerOrg!,
    admin: await user(['administrator']),
    finance: await user(['finance_officer']),
    adviser: await user(['programme_adviser']),
    coordinator: await user([], [{ organisationId: coordinatorOrg!.id, role: 'partner_coordinator' }]),
    coordinatorFinance: await user([], [{ organisationId: coordinatorOrg!.id, role: 'partner_finance' }]),
    partner: await user([], [{ organisationId: partnerOrg!.id, role: 'partner_finance' }]),
    stranger: await user([], [{ organisationId: (await createOrganisation(db)).id, role: 'partner_coordinator' }]),
    participant: (await createUser(db, {})).actor,
  };
}

describe('tranches through the API', () => {
  it('lists and reads tranches for the agency’s finance readers only', async () => {
    const w = await world();
    const first = w.tranches[0]!;
    for (const actor of [w.admin, w.finance, w.adviser]) {
      const list = await answer(as(actor).GET('/v1/finance/tranches', { params: { query: { status: 'planned', year: w.call.opensOn.slice(0, 4) } } }));
      expect(list.status).toBe(200);
      expect(list.data!.items.find((t) => t.id === first.id)).toMatchObject({ number: 1, amountMinor: 800_000_00, condition: 'beforeDeparture', status: 'planned', coordinator: { id: w.coordinatorOrg.id } });
      expect(list.data!.total).toBeGreaterThanOrEqual(2);
    }
    for (const actor of [w.coordinator, w.partner, w.participant]) expect((await answer(as(actor).GET('/v1/finance/tranches', {}))).status).toBe(403);
    expect((await answer(as().GET('/v1/finance/tranches', {}))).status).toBe(401);
    const one = await answer(as(w.adviser).GET('/v1/finance/tranches/{id}', { params: { path: { id: first.id } } }));
    expect(one).toMatchObject({ status: 200, etag: '"1"', data: { id: first.id, waitsFor: null, settlement: { paidMinor: 0, settled: false }, tranches: [{ number: 1 }, { number: 2 }] } });
    expect((await answer(as(w.coordinator).GET('/v1/finance/tranches/{id}', { params: { path: { id: first.id } } }))).status).toBe(403);
    expect((await answer(as(w.finance).GET('/v1/finance/tranches/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } }))).status).toBe(404);
    const damaged = await answer(as(w.finance).GET('/v1/finance/tranches', { params: { query: { after: 'not-a-cursor' } } }));
    expect(damaged.status).toBe(400);
  });

  it('approves and pays with the version, and refuses advisers, stale and missing versions, and wrong values at once', async () => {
    const w = await world();
    const first = w.tranches[0]!;
    const path = { params: { path: { id: first.id } } };
    expect((await answer(as(w.adviser).POST('/v1/finance/tranches/{id}/approval', { ...path, body: { version: 1 } }))).status).toBe(403);
    expect((await answer(as(w.coordinator).POST('/v1/finance/tranches/{id}/approval', { ...path, body: { version: 1 } }))).status).toBe(403);
    expect((await answer(as().POST('/v1/finance/tranches/{id}/approval', { ...path, body: { version: 1 } }))).status).toBe(401);
    expect((await answer(as(w.finance).POST('/v1/finance/tranches/{id}/approval', { ...path, body: {} }))).status).toBe(428);
    const approved = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/approval', { ...path, body: {}, headers: { 'if-match': '"1"' } }));
    expect(approved).toMatchObject({ status: 200, etag: '"2"', data: { status: 'approved', version: 2 } });
    const stale = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/payment', { ...path, body: { paidOn: today(), bankReference: 'DNB 1', version: 1 } }));
    expect(stale).toMatchObject({ status: 409, error: { code: 'staleEdit' } });
    const wrong = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/payment', { ...path, body: { paidOn: '2026-02-30', bankReference: '', version: 2 } }));
    expect(wrong.status).toBe(422);
    expect(wrong.type).toContain('application/problem+json');
    expect((wrong.error!.errors as { pointer: string; code: string }[]).map((e) => [e.pointer, e.code])).toEqual([
      ['/paidOn', 'chooseDate'],
      ['/bankReference', 'giveBankReference'],
    ]);
    const paid = await answer(as(w.admin).POST('/v1/finance/tranches/{id}/payment', { ...path, body: { paidOn: today(), bankReference: 'DNB 2026-04-12 / 7781.05.12345', version: 2 } }));
    expect(paid).toMatchObject({ status: 200, data: { status: 'paid', bankReference: 'DNB 2026-04-12 / 7781.05.12345', paidOn: today() } });
    const entry = await answer(as(w.adviser).GET('/v1/finance/ledger/{id}', { params: { path: { id: paid.data!.ledgerEntryId! } } }));
    expect(entry.data).toMatchObject({ kind: 'disbursement', amountMinor: 800_000_00, documentType: 'tranche', documentRef: first.id, to: { kind: 'partner', recordId: w.coordinatorOrg.id } });
    // The last tranche waits for the reports.
    const last = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/approval', { params: { path: { id: w.tranches[1]!.id } }, body: { version: 1 } }));
    expect(last).toMatchObject({ status: 409, error: { code: 'finalReportsNotApproved' } });
  });

  it('settles on the last tranche, and takes a refund of no more than is owed', async () => {
    const w = await world();
    const [first, last] = w.tranches as [(typeof w.tranches)[0], (typeof w.tranches)[0]];
    await as(w.finance).POST('/v1/finance/tranches/{id}/approval', { params: { path: { id: first.id } }, body: { version: 1 } });
    await as(w.finance).POST('/v1/finance/tranches/{id}/payment', { params: { path: { id: first.id } }, body: { paidOn: today(), bankReference: 'DNB 1', version: 2 } });
    await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.coordinatorOrg.id, status: 'approved', lines: [{ kind: 'other', label: 'Costs', budgetMinor: 400_000_00, actualMinor: 400_000_00 }] });
    await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.partnerOrg.id, status: 'approved', lines: [{ kind: 'other', label: 'Costs', budgetMinor: 350_000_00, actualMinor: 350_000_00 }] });
    const settled = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/approval', { params: { path: { id: last.id } }, body: { version: 1 } }));
    expect(settled.data).toMatchObject({ status: 'paid', amountMinor: 0, settlement: { settled: true, refundOwedMinor: 50_000_00 } });
    const path = { params: { path: { id: last.id } } };
    expect((await answer(as(w.adviser).POST('/v1/finance/tranches/{id}/refunds', { ...path, body: { amountMinor: 1, receivedOn: today(), bankReference: 'R' } }))).status).toBe(403);
    const above = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/refunds', { ...path, body: { amountMinor: 50_000_01, receivedOn: today(), bankReference: 'R' } }));
    expect(above).toMatchObject({ status: 409, error: { code: 'refundAboveOwed' } });
    const refund = await answer(as(w.finance).POST('/v1/finance/tranches/{id}/refunds', { ...path, body: { amountMinor: 50_000_00, receivedOn: today(), bankReference: 'DNB 2027-01-05 / 42' } }));
    expect(refund).toMatchObject({ status: 201, data: { refund: { kind: 'refund' }, release: { kind: 'release' }, owedMinor: 0 } });
    const payments = await answer(as(w.coordinator).GET('/v1/partnerships/{id}/stages/{stageId}/payments', { params: { path: { id: w.partnership.id, stageId: w.stage.id } } }));
    expect(payments.data).toMatchObject({ refundOwedMinor: 0, settled: true, holdsMinor: 750_000_00 });
  });

  it('shows a stage’s payments to its partners and the agency, and lets the coordinating partner pass money on', async () => {
    const w = await world();
    const first = w.tranches[0]!;
    await as(w.finance).POST('/v1/finance/tranches/{id}/approval', { params: { path: { id: first.id } }, body: { version: 1 } });
    await as(w.finance).POST('/v1/finance/tranches/{id}/payment', { params: { path: { id: first.id } }, body: { paidOn: today(), bankReference: 'DNB 1', version: 2 } });
    const path = { params: { path: { id: w.partnership.id, stageId: w.stage.id } } };
    for (const actor of [w.admin, w.finance, w.adviser, w.coordinator, w.coordinatorFinance, w.partner]) expect((await answer(as(actor).GET('/v1/partnerships/{id}/stages/{stageId}/payments', path))).status).toBe(200);
    for (const actor of [w.stranger, w.participant]) expect((await answer(as(actor).GET('/v1/partnerships/{id}/stages/{stageId}/payments', path))).status).toBe(404);
    expect((await answer(as().GET('/v1/partnerships/{id}/stages/{stageId}/payments', path))).status).toBe(401);

    const body = { organisationId: w.partnerOrg.id, amountMinor: 200_000_00, paidOn: today(), reference: 'CRDB 2026-05-02 / 991' };
    for (const actor of [w.finance, w.partner]) expect((await answer(as(actor).POST('/v1/partnerships/{id}/stages/{stageId}/onward-payments', { ...path, body }))).status).toBe(403);
    expect((await answer(as(w.stranger).POST('/v1/partnerships/{id}/stages/{stageId}/onward-payments', { ...path, body }))).status).toBe(404);
    expect((await answer(as().POST('/v1/partnerships/{id}/stages/{stageId}/onward-payments', { ...path, body }))).status).toBe(401);
    const passed = await answer(as(w.coordinatorFinance).POST('/v1/partnerships/{id}/stages/{stageId}/onward-payments', { ...path, body }));
    expect(passed).toMatchObject({ status: 201, data: { kind: 'disbursement', amountMinor: 200_000_00 } });
    const tooMuch = await answer(as(w.coordinator).POST('/v1/partnerships/{id}/stages/{stageId}/onward-payments', { ...path, body: { ...body, amountMinor: 600_000_01 } }));
    expect(tooMuch).toMatchObject({ status: 409, error: { code: 'fundsShort' } });
    const wrong = await answer(as(w.coordinator).POST('/v1/partnerships/{id}/stages/{stageId}/onward-payments', { ...path, body: { organisationId: w.coordinatorOrg.id, amountMinor: 0, paidOn: 'soon', reference: '' } }));
    expect(wrong.status).toBe(422);
    expect((wrong.error!.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/amountMinor', '/paidOn', '/reference']);
    const theirs = await answer(as(w.partner).GET('/v1/partnerships/{id}/stages/{stageId}/payments', path));
    expect(theirs.data).toMatchObject({ receivedMinor: null, canRecordOnward: false, partners: [{ organisationId: w.partnerOrg.id, receivedMinor: 200_000_00 }], payments: [{ amountMinor: 200_000_00, reference: 'CRDB 2026-05-02 / 991' }] });
    const coordinators = await answer(as(w.coordinator).GET('/v1/partnerships/{id}/stages/{stageId}/payments', path));
    expect(coordinators.data).toMatchObject({ receivedMinor: 800_000_00, holdsMinor: 600_000_00, canRecordOnward: true });
    expect(coordinators.data!.partners).toHaveLength(2);
  });
});
