import { describe, expect, it } from 'vitest';
import { createApplication } from '../db/factories/application-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../db/factories/unit-cost-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs, jsonBody } from '../tests/support/api-as.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

const rates = {
  allowances: { A: 13000, B: '9 000', C: 6500, D: 4500 },
  countries: { A: ['NO', 'SE'], B: 'ID ZA', C: ['BO', 'GT'], D: ['NP', 'ET', 'MW'] },
  travel: { '0-99': 1500, '100-499': 3000, '500-1999': 5500, '2000-2999': 7500, '3000-3999': 9500, '4000-7999': 12500, '8000+': 16000 },
  insurancePerMonth: 600,
  preparatoryCourse: 9000,
  visa: 2500,
  health: 1800,
  adminShare: 7,
};

describe('/api/v1 unit-cost tables', () => {
  it('are read by agency staff, drafted and published by finance officers and administrators', async () => {
    const programme = await createProgramme(testDb.db);
    await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2026 });
    const call = await createCall(testDb.db, { programmeId: programme.id, stage: 'round' });
    const [kathmandu, bergen] = [await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' }), await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' })];
    await createApplication(testDb.db, { callId: call.id, status: 'submitted', title: 'Sent in', partners: [kathmandu, bergen], flows: [{ from: 0, to: 1, startMonth: '2026-02' }, { from: 1, to: 0, startMonth: '2026-02' }] });
    const [finance, adviser, admin, coordinator] = [
      await createUser(testDb.db, { agencyRoles: ['finance_officer'] }),
      await createUser(testDb.db, { agencyRoles: ['programme_adviser'] }),
      await createUser(testDb.db, { agencyRoles: ['administrator'] }),
      await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] }),
    ];
    const base = `/api/v1/programmes/${programme.id}/unit-cost-tables`;

    // Reading.
    expect((await apiAs(testDb.db).request(base)).status).toBe(401);
    expect((await apiAs(testDb.db, coordinator.actor).request(base)).status).toBe(403);
    const listed = await apiAs(testDb.db, adviser.actor).request(base);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ programmeId: programme.id, items: [{ year: 2026, published: { version: 1 }, draft: null, versions: 1 }] });
    const yearly = await (await apiAs(testDb.db, adviser.actor).request(`${base}/2026`)).json();
    expect(yearly).toMatchObject({ year: 2026, table: { version: 1, status: 'published', allowancesMinor: { A: 12_000_00 }, countries: { D: ['ET', 'MW', 'NP'] }, travelMinorByBand: { '8000+': 16_000_00 }, adminShareBasisPoints: 700 }, draft: null });
    expect((await apiAs(testDb.db, adviser.actor).request(`${base}/2026?version=7`)).status).toBe(404);
    expect((await apiAs(testDb.db, adviser.actor).request(`${base}/twenty`)).status).toBe(400);
    expect((await apiAs(testDb.db, adviser.actor).request(`/api/v1/programmes/00000000-0000-4000-8000-000000000000/unit-cost-tables`)).status).toBe(404);

    // Starting a draft.
    expect((await apiAs(testDb.db, adviser.actor).request(base, jsonBody('POST', { year: 2026 }))).status).toBe(403);
    const started = await apiAs(testDb.db, finance.actor).request(base, jsonBody('POST', { year: 2026 }));
    expect(started.status).toBe(201);
    const draft = await started.json();
    expect(draft).toMatchObject({ version: 2, status: 'draft', basedOnId: yearly.table.id });
    expect(started.headers.get('location')).toBe(`/api/v1/unit-cost-tables/${draft.id}`);
    const again = await apiAs(testDb.db, admin.actor).request(base, jsonBody('POST', { year: 2026 }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'unitCostDraftExists' });
    expect((await apiAs(testDb.db, finance.actor).request(base, jsonBody('POST', { year: 1999 }))).status).toBe(422);

    // Editing it: the version is needed, every refused value is located, a stale save is refused.
    const url = `/api/v1/unit-cost-tables/${draft.id}`;
    const etag = started.headers.get('etag')!;
    expect((await apiAs(testDb.db, finance.actor).request(url, jsonBody('PUT', rates))).status).toBe(428);
    const refused = await apiAs(testDb.db, finance.actor).request(url, jsonBody('PUT', { ...rates, allowances: { A: -1 }, countries: { A: ['NO'], D: ['NO'] }, adminShare: '7,123' }, { 'if-match': etag }));
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual(
      expect.arrayContaining([
        ['/allowances/A', 'invalidRate'],
        ['/countries/D', 'countryInTwoGroups'],
        ['/adminShare', 'invalidShare'],
      ]),
    );
    const saved = await apiAs(testDb.db, finance.actor).request(url, jsonBody('PUT', rates, { 'if-match': etag }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ allowancesMinor: { A: 13_000_00, B: 9_000_00 }, countries: { A: ['NO', 'SE'], D: ['ET', 'MW', 'NP'] } });
    const stale = await apiAs(testDb.db, finance.actor).request(url, jsonBody('PUT', rates, { 'if-match': etag }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('staleEdit');
    const current = saved.headers.get('etag')!;

    // The preview: the submitted round, with Norway's allowance up 1 000 kr a month (distances unknown here).
    expect((await apiAs(testDb.db, adviser.actor).request(`${url}/preview`)).status).toBe(403);
    const preview = await (await apiAs(testDb.db, finance.actor).request(`${url}/preview`)).json();
    expect(preview).toMatchObject({ current: { version: 1 }, missing: [], currency: 'NOK', rows: [{ title: 'Sent in', status: 'submitted', round: 1, problems: 2 }], drafts: null });
    // One person for 12 months in Norway: 12 × 1 000 kr, and 7 % of it.
    expect(preview.rows[0].differenceMinor).toBe(12 * 1_000_00 + 840_00);

    // Publishing: with the version previewed.
    expect((await apiAs(testDb.db, finance.actor).request(`${url}/publication`, jsonBody('POST', {}))).status).toBe(428);
    expect((await apiAs(testDb.db, adviser.actor).request(`${url}/publication`, jsonBody('POST', {}, { 'if-match': current }))).status).toBe(403);
    expect((await apiAs(testDb.db, finance.actor).request(`${url}/publication`, jsonBody('POST', { updatedAt: etag.replaceAll('"', '') }))).status).toBe(409);
    const published = await apiAs(testDb.db, admin.actor).request(`${url}/publication`, jsonBody('POST', {}, { 'if-match': current }));
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published', version: 2, publishedBy: expect.any(String) });
    const locked = await apiAs(testDb.db, finance.actor).request(url, jsonBody('PUT', rates, { 'if-match': published.headers.get('etag')! }));
    expect(locked.status).toBe(409);
    expect((await locked.json()).code).toBe('unitCostTableNotDraft');
    expect((await apiAs(testDb.db, finance.actor).request(`${url}/preview`)).status).toBe(409);
  });

  it('names each rate a draft still lacks when it cannot be published', async () => {
    const programme = await createProgramme(testDb.db);
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const started = await apiAs(testDb.db, finance.actor).request(`/api/v1/programmes/${programme.id}/unit-cost-tables`, jsonBody('POST', { year: 2040 }));
    const { id } = await started.json();
    const partial = await apiAs(testDb.db, finance.actor).request(`/api/v1/unit-cost-tables/${id}`, jsonBody('PUT', { ...rates, visa: null, travel: { ...rates.travel, '8000+': '' } }, { 'if-match': started.headers.get('etag')! }));
    expect(partial.status).toBe(200);
    const refused = await apiAs(testDb.db, finance.actor).request(`/api/v1/unit-cost-tables/${id}/publication`, jsonBody('POST', {}, { 'if-match': partial.headers.get('etag')! }));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'unitCostDraftIncomplete', missing: ['/travel/8000+', '/visa'] });
    const preview = await (await apiAs(testDb.db, finance.actor).request(`/api/v1/unit-cost-tables/${id}/preview`)).json();
    expect(preview).toMatchObject({ missing: ['travel.8000+', 'visa'], rows: [], totals: null });
  });
});
