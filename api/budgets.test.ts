import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { placeOfCity } from '../core/organisations/organisation-place.ts';
import { createApplication } from '../db/factories/application-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../db/factories/unit-cost-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const as = (actor?: Actor) => clientAs(testDb.db, actor);

async function world() {
  const db = testDb.db;
  const kathmandu = await createOrganisation(db, { countryCode: 'NP', city: 'Kathmandu', ...placeOfCity({ countryCode: 'NP', city: 'Kathmandu' }) });
  const bergen = await createOrganisation(db, { countryCode: 'NO', city: 'Bergen', ...placeOfCity({ countryCode: 'NO', city: 'Bergen' }) });
  const programme = await createProgramme(db);
  await createUnitCostTable(db, { programmeId: programme.id, year: 2027 });
  const call = await createCall(db, { programmeId: programme.id, stage: 'agreement' });
  const application = await createApplication(db, { callId: call.id, partners: [bergen, kathmandu], status: 'draft', flows: [{ from: 0, to: 1, startMonth: '2027-08' }, { from: 1, to: 0, startMonth: '2027-08' }] });
  const coordinator = await createUser(db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const nepali = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const partnerFinance = await createUser(db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] });
  const finance = await createUser(db, { agencyRoles: ['finance_officer'] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  const stranger = await createUser(db, { memberships: [{ organisationId: (await createOrganisation(db)).id, role: 'partner_coordinator' }] });
  return { kathmandu, bergen, application, coordinator, nepali, partnerFinance, finance, adviser, stranger };
}

describe('round budgets through the API', () => {
  it('answers the stored version and its history; other lines are added, changed and removed by the partner’s coordinators only', async () => {
    const w = await world();
    const path = { id: w.application.id };
    const budget = await as(w.partnerFinance.actor).GET('/v1/applications/{id}/budget', { params: { path } });
    expect(budget.response.status).toBe(200);
    expect(budget.data!.rounds[0]!.version).toMatchObject({ number: 1, cause: 'created' });
    expect((await as(w.stranger.actor).GET('/v1/applications/{id}/budget', { params: { path } })).response.status).toBe(404);
    expect((await as().GET('/v1/applications/{id}/budget/history', { params: { path } })).response.status).toBe(401);
    // Drafts are private to the partners: the agency does not find them.
    expect((await as(w.adviser.actor).GET('/v1/applications/{id}/budget/history', { params: { path } })).response.status).toBe(404);

    const linePath = { id: w.application.id, round: 1 };
    const invalid = await as(w.nepali.actor).POST('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath }, body: { organisationId: w.kathmandu.id, label: '', amountNok: -5, justification: '' } });
    expect(invalid.response.status).toBe(422);
    expect((invalid.error as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/label', '/amountNok', '/justification']);
    const body = { organisationId: w.kathmandu.id, label: 'Interpreter', amountNok: 25000, justification: 'Induction week in Nepali and English.' };
    expect((await as(w.partnerFinance.actor).POST('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath }, body })).response.status).toBe(403);
    expect((await as(w.finance.actor).POST('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath }, body })).response.status).toBe(403);
    expect((await as().POST('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath }, body })).response.status).toBe(401);
    expect((await as(w.nepali.actor).POST('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath }, body: { ...body, organisationId: w.bergen.id } })).response.status).toBe(403);
    const added = await as(w.nepali.actor).POST('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath }, body });
    expect(added.response.status).toBe(201);
    expect(added.data).toMatchObject({ amountMinor: 25_000_00, currency: 'NOK', round: 1 });

    const after = await as(w.nepali.actor).GET('/v1/applications/{id}/budget', { params: { path } });
    expect(after.data!.rounds[0]!.version).toMatchObject({ number: 2, cause: 'otherLineChanged' });
    expect(after.data!.rounds[0]!.budget!.totalMinor).toBe(budget.data!.rounds[0]!.budget!.totalMinor + 25_000_00);

    const one = { ...linePath, lineId: added.data!.id };
    const change = { label: 'Interpreter', amountNok: 30000, justification: 'Two weeks.' };
    expect((await as(w.nepali.actor).PUT('/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}', { params: { path: one }, body: change })).response.status).toBe(428);
    expect((await as(w.nepali.actor).PUT('/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}', { params: { path: { ...one, round: 2 } }, body: { ...change, version: added.data!.version } })).response.status).toBe(404);
    const changed = await as(w.nepali.actor).PUT('/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}', { params: { path: one }, body: { ...change, version: added.data!.version } });
    expect(changed.response.status).toBe(200);
    const stale = await as(w.coordinator.actor).PUT('/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}', { params: { path: one }, body: { ...change, version: added.data!.version } });
    expect(stale.response.status).toBe(409);
    expect((await as(w.partnerFinance.actor).GET('/v1/applications/{id}/budget/rounds/{round}/other-lines', { params: { path: linePath } })).data).toMatchObject({ editable: true, items: [{ amountMinor: 30_000_00, version: changed.data!.version }] });
    const removed = await as(w.coordinator.actor).DELETE('/v1/applications/{id}/budget/rounds/{round}/other-lines/{lineId}', { params: { path: one }, headers: { 'if-match': `"${changed.data!.version}"` } });
    expect(removed.response.status).toBe(204);

    const history = await as(w.partnerFinance.actor).GET('/v1/applications/{id}/budget/history', { params: { path } });
    expect(history.data!.entries.map((e) => e.cause)).toEqual(['otherLineChanged', 'otherLineChanged', 'otherLineChanged', 'created']);
    expect(history.data!.entries[0]!.newTotalMinor).toBe(budget.data!.rounds[0]!.budget!.totalMinor);
  });
});

describe('exchange rates through the API', () => {
  it('are read by finance readers, entered and imported by finance managers, with every bad CSV line named', async () => {
    const w = await world();
    const rate = { currency: 'NPR', date: '2026-05-01', rate: '0.0795', source: 'Norges Bank' };
    expect((await as(w.adviser.actor).POST('/v1/finance/exchange-rates', { body: rate })).response.status).toBe(403);
    expect((await as(w.nepali.actor).POST('/v1/finance/exchange-rates', { body: rate })).response.status).toBe(403);
    expect((await as().POST('/v1/finance/exchange-rates', { body: rate })).response.status).toBe(401);
    const created = await as(w.finance.actor).POST('/v1/finance/exchange-rates', { body: rate });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ currency: 'NPR', nokPerUnit: '0.0795', source: 'Norges Bank' });
    expect((await as(w.finance.actor).POST('/v1/finance/exchange-rates', { body: rate })).response.status).toBe(409);
    const bad = await as(w.finance.actor).POST('/v1/finance/exchange-rates', { body: { currency: 'NOK', date: 'x', rate: '-1', source: '' } });
    expect(bad.response.status).toBe(422);
    expect((bad.error as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/currency', '/date', '/rate', '/source']);

    const csv = (text: string, actor: Actor) => as(actor).POST('/v1/finance/exchange-rates/import', { body: text as never, headers: { 'content-type': 'text/csv' }, bodySerializer: (b) => b as string });
    const refused = await csv('date,currency,rate,source\n2026-06-01,ETB,0.07,Norges Bank\n2026-06-01,ETB,x,Norges Bank\n2026-05-01,NPR,0.08,Norges Bank\n', w.finance.actor);
    expect(refused.response.status).toBe(422);
    expect((refused.error as { errors: { pointer: string; code: string }[] }).errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/3', 'csvLineInvalid'],
      ['/4', 'csvLineDuplicate'],
    ]);
    expect((await csv('date,currency,rate,source\n2026-06-01,ETB,0.07,Norges Bank\n', w.adviser.actor)).response.status).toBe(403);
    const imported = await csv('date,currency,rate,source\n2026-06-01,ETB,0.07,Norges Bank\n', w.finance.actor);
    expect(imported.response.status).toBe(201);
    expect(imported.data).toEqual({ imported: 1 });
    expect((await as(w.finance.actor).POST('/v1/finance/exchange-rates/import', { body: { a: 1 } as never })).response.status).toBe(415);

    const list = await as(w.adviser.actor).GET('/v1/finance/exchange-rates', { params: { query: { currency: 'ETB' } } });
    expect(list.response.status).toBe(200);
    expect(list.data!.items.map((r) => [r.currency, r.date, r.nokPerUnit])).toEqual([['ETB', '2026-06-01', '0.07']]);
    expect((await as(w.partnerFinance.actor).GET('/v1/finance/exchange-rates')).response.status).toBe(403);
    expect((await as().GET('/v1/finance/exchange-rates')).response.status).toBe(401);
  });
});
