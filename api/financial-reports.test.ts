import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { createFinancialReport } from '../db/factories/financial-report-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../db/factories/unit-cost-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { samplePdf } from '../tests/support/sample-pdf.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

const call = (actor: Actor | undefined, path: string, init: RequestInit = {}) => apiAs(testDb.db, actor).request(`/api/v1${path}`, { ...init, headers: { 'accept-language': 'en', ...(init.headers as Record<string, string>) } });
const send = (actor: Actor | undefined, method: string, path: string, body: unknown) => call(actor, path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
function receipt(bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/octet-stream'): RequestInit {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return { method: 'POST', body: form };
}

async function world(year: number) {
  const db = testDb.db;
  const programme = await createProgramme(db);
  await createUnitCostTable(db, { programmeId: programme.id, year });
  const kathmandu = await createOrganisation(db, { countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(db, { countryCode: 'NO', city: 'Bergen' });
  const partnership = await createPartnership(db, { partners: [kathmandu, bergen], programmeId: programme.id });
  const stage = await createPartnershipStage(db, { partnership, kind: 'round', startsOn: `${year}-03-01`, endsOn: `${year + 1}-02-28`, flows: [{ from: 0, to: 1, startMonth: `${year}-03` }, { from: 1, to: 0, startMonth: `${year}-03` }] });
  const user = async (overrides: Parameters<typeof createUser>[1]) => (await createUser(db, overrides)).actor;
  return {
    kathmandu,
    bergen,
    stage,
    coordinator: await user({ memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] }),
    partnerFinance: await user({ memberships: [{ organisationId: kathmandu.id, role: 'partner_finance' }] }),
    bergenCoordinator: await user({ memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] }),
    officer: await user({ agencyRoles: ['finance_officer'] }),
    admin: await user({ agencyRoles: ['administrator'] }),
    adviser: await user({ agencyRoles: ['programme_adviser'] }),
    participant: await user({}),
  };
}

describe('financial reports through the API', () => {
  it('are started, saved, submitted, returned and approved by the roles allowed to, against their version', async () => {
    const w = await world(2041);
    // Starting: the partner's staff only.
    expect((await send(undefined, 'POST', `/stages/${w.stage.id}/financial-reports`, {})).status).toBe(401);
    expect((await send(w.officer, 'POST', `/stages/${w.stage.id}/financial-reports`, {})).status).toBe(403);
    expect((await send(w.participant, 'POST', `/stages/${w.stage.id}/financial-reports`, {})).status).toBe(403);
    const started = await send(w.partnerFinance, 'POST', `/stages/${w.stage.id}/financial-reports`, {});
    expect(started.status).toBe(201);
    const report = (await started.json()) as { id: string; version: number; lines: { id: string; budgetMinor: number; kind: string }[] };
    expect(started.headers.get('location')).toBe(`/api/v1/financial-reports/${report.id}`);
    expect(started.headers.get('etag')).toBe('"1"');
    expect(report.lines.length).toBeGreaterThan(0);
    expect((await send(w.coordinator, 'POST', `/stages/${w.stage.id}/financial-reports`, {})).status).toBe(409);
    expect((await send(w.coordinator, 'POST', `/stages/00000000-0000-4000-8000-000000000000/financial-reports`, {})).status).toBe(404);

    // Reading: the organisation and the agency's finance readers; anyone else finds nothing.
    for (const reader of [w.coordinator, w.partnerFinance, w.officer, w.admin, w.adviser]) expect((await call(reader, `/financial-reports/${report.id}`)).status).toBe(200);
    expect((await call(w.bergenCoordinator, `/financial-reports/${report.id}`)).status).toBe(404);
    expect((await call(w.participant, `/financial-reports/${report.id}`)).status).toBe(403);
    expect((await call(undefined, `/financial-reports/${report.id}`)).status).toBe(401);
    const list = (await (await call(w.bergenCoordinator, '/financial-reports')).json()) as { items: { id: string }[] };
    expect(list.items.map((r) => r.id)).not.toContain(report.id);
    expect(((await (await call(w.officer, '/financial-reports?status=draft')).json()) as { items: { id: string }[] }).items.map((r) => r.id)).toContain(report.id);
    expect((await call(w.officer, '/financial-reports?after=broken!')).status).toBe(400);

    // Saving: everything but the first line left open; one cost of our own without a label is refused.
    const lines = report.lines.map((l, i) => ({ id: l.id, actualMinor: i === 0 ? l.budgetMinor * 3 + 100_00 : null, explanation: '' }));
    const noLabel = await send(w.coordinator, 'PUT', `/financial-reports/${report.id}`, { version: 1, lines: [...lines, { actualMinor: 100_00 }] });
    expect(noLabel.status).toBe(422);
    expect(((await noLabel.json()) as { errors: { pointer: string; code: string }[] }).errors).toEqual([expect.objectContaining({ pointer: `/lines/${lines.length}/label`, code: 'financialReportOtherLineLabel' })]);
    expect((await send(w.officer, 'PUT', `/financial-reports/${report.id}`, { version: 1, lines })).status).toBe(403);
    expect((await send(w.bergenCoordinator, 'PUT', `/financial-reports/${report.id}`, { version: 1, lines })).status).toBe(404);
    const saved = await send(w.coordinator, 'PUT', `/financial-reports/${report.id}`, { version: 1, lines });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect((await send(w.coordinator, 'PUT', `/financial-reports/${report.id}`, { version: 1, lines })).status).toBe(409);

    // Submitting names every problem at once, each at its line.
    const refused = await send(w.coordinator, 'POST', `/financial-reports/${report.id}/submission`, { version: 2 });
    expect(refused.status).toBe(422);
    const problems = ((await refused.json()) as { errors: { pointer: string; code: string }[] }).errors;
    expect(problems[0]).toMatchObject({ pointer: '/lines/0/explanation', code: 'financialReportExplanationMissing' });
    expect(problems.slice(1).map((p) => p.pointer)).toEqual(report.lines.slice(1).map((_, i) => `/lines/${i + 1}/actualMinor`));
    const complete = report.lines.map((l, i) => ({ id: l.id, actualMinor: i === 0 ? l.budgetMinor * 3 + 100_00 : l.budgetMinor, explanation: i === 0 ? 'Three times as many flights: the route was closed.' : '' }));
    expect((await send(w.coordinator, 'PUT', `/financial-reports/${report.id}`, { version: 2, lines: complete })).status).toBe(200);
    expect((await send(w.coordinator, 'POST', `/financial-reports/${report.id}/submission`, { version: 3 })).status).toBe(200);

    // Deciding: finance officers and administrators; a return needs a remark.
    expect((await send(w.adviser, 'POST', `/financial-reports/${report.id}/approval`, { version: 4 })).status).toBe(403);
    expect((await send(w.coordinator, 'POST', `/financial-reports/${report.id}/approval`, { version: 4 })).status).toBe(403);
    const noRemark = await send(w.officer, 'POST', `/financial-reports/${report.id}/return`, { version: 4, remark: ' ' });
    expect(noRemark.status).toBe(422);
    expect(((await noRemark.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe('/remark');
    const returned = await send(w.officer, 'POST', `/financial-reports/${report.id}/return`, { version: 4, remark: 'Attach the ticket receipts.' });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({ status: 'returned', remark: 'Attach the ticket receipts.', version: 5 });
    expect((await send(w.admin, 'POST', `/financial-reports/${report.id}/approval`, { version: 5 })).status).toBe(409);
    expect((await send(w.coordinator, 'POST', `/financial-reports/${report.id}/submission`, { version: 5 })).status).toBe(200);
    const approved = await send(w.admin, 'POST', `/financial-reports/${report.id}/approval`, { version: 6 });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', canEdit: false, canDecide: false });
  });

  it('take receipts by their content and let only the report’s readers download them', async () => {
    const w = await world(2042);
    const report = await createFinancialReport(testDb.db, { stageId: w.stage.id, organisationId: w.kathmandu.id });
    const pdf = await samplePdf({ title: 'Invoice' });
    const added = await call(w.partnerFinance, `/financial-reports/${report.id}/receipts`, receipt(pdf, 'invoice.pdf', 'application/pdf'));
    expect(added.status).toBe(201);
    const location = added.headers.get('location')!;
    const html = new TextEncoder().encode('%PDF-1.4\n<html><body>not a receipt</body></html>');
    const refused = await call(w.partnerFinance, `/financial-reports/${report.id}/receipts`, receipt(html, 'invoice.pdf'));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { pointer: string; code: string }[] }).errors[0]).toMatchObject({ pointer: '/file', code: 'notDocumentType' });
    const png = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    expect((await call(w.coordinator, `/financial-reports/${report.id}/receipts`, receipt(png, 'taxi.png', 'image/png'))).status).toBe(201);
    expect((await call(w.bergenCoordinator, `/financial-reports/${report.id}/receipts`, receipt(png, 'taxi.png'))).status).toBe(404);
    expect((await call(w.officer, `/financial-reports/${report.id}/receipts`, receipt(png, 'taxi.png'))).status).toBe(403);

    const download = await apiAs(testDb.db, w.officer).request(location);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('invoice.pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect((await apiAs(testDb.db, w.bergenCoordinator).request(location)).status).toBe(404);
    expect((await call(w.officer, `/financial-reports/${report.id}/receipts/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
