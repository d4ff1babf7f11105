import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGrantedStage } from '../../db/factories/granted-stage-factory.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const post = (fields: [string, string][]) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
const versionIn = (html: string, intent: string) => html.match(new RegExp(`name="intent" value="${intent}"/><input type="hidden" name="version" value="(\\d+)"`))?.[1];

describe('the tranche pages, without JavaScript', () => {
  it('lead a finance officer from the list to approving and paying a tranche, every refusal beside its field', async () => {
    const granted = await createGrantedStage(server.db, { amountMinor: 1_200_000_00 });
    const first = granted.tranches[0]!;
    const list = await (await server.request('/en/finance/tranches?status=planned')).text();
    expect(list).toContain('Tranches');
    expect(list).toContain(`href="/en/finance/tranches/${first.id}"`);
    const page = `/en/finance/tranches/${first.id}`;
    const before = await (await server.request(page)).text();
    expect(before).toContain('Before departure');
    expect(before).toMatch(/NOK\s960,000/);
    const approved = await server.request(page, post([['intent', 'approve'], ['version', versionIn(before, 'approve')!]]));
    expect(approved.status).toBe(302);
    expect(approved.headers.get('location')).toBe(`${page}?done=approve`);
    // The same approval again: the page says it is no longer waiting (409), nothing changed.
    const again = await server.request(page, post([['intent', 'approve'], ['version', '1']]));
    expect(again.status).toBe(409);
    const payForm = await (await server.request(`${page}?done=approve`)).text();
    expect(payForm).toContain(catalogs.en['tranches.done.approve']);
    const version = versionIn(payForm, 'pay')!;
    const refused = await server.request(page, post([['intent', 'pay'], ['version', version], ['paidOn', '2999-01-01'], ['bankReference', '  ']]));
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('href="#paidOn"');
    expect(refusedHtml).toContain('href="#bankReference"');
    expect(refusedHtml).toContain('value="2999-01-01"');
    const paid = await server.request(page, post([['intent', 'pay'], ['version', version], ['paidOn', today()], ['bankReference', 'DNB 2026-04-12 / 7781.05.12345']]));
    expect(paid.status).toBe(302);
    const after = await (await server.request(`${page}?done=pay`)).text();
    expect(after).toContain('DNB 2026-04-12 / 7781.05.12345');
    expect(after).toMatch(/href="\/en\/finance\/ledger\/[0-9a-f-]{36}"/);
    // The last tranche waits for the financial reports, and says so.
    const last = await server.request(`/en/finance/tranches/${granted.tranches[1]!.id}`, post([['intent', 'approve'], ['version', '1']]));
    expect(last.status).toBe(409);
    expect(await last.text()).toContain('0 of 2 are approved');
  });

  it('show a stage’s payments to its partners, and take the coordinating partner’s onward payment, never more than it holds', async () => {
    // Partners of the demo data, whose coordinator the server's coordinator is, by name: the first test's
    // factory partners are in Norway and Nepal too, and the server's coordinator is not theirs.
    const [bergen] = await server.db.select().from(organisations).where(eq(organisations.legalName, 'Bergen Kystsjukehus'));
    const [nepal] = await server.db.select().from(organisations).where(eq(organisations.legalName, "Himalayan Teachers' Forum"));
    const granted = await createGrantedStage(server.db, { amountMinor: 1_000_000_00, partners: [bergen!, nepal!] });
    const first = granted.tranches[0]!;
    const tranchePage = `/en/finance/tranches/${first.id}`;
    await server.request(tranchePage, post([['intent', 'approve'], ['version', '1']]));
    await server.request(tranchePage, post([['intent', 'pay'], ['version', '2'], ['paidOn', today()], ['bankReference', 'DNB 1']]));
    const page = `/en/partnerships/${granted.partnership.id}/stages/${granted.stage.id}/payments`;
    const partner = granted.partnership.partners[1]!;
    const html = await (await server.request(page, {}, 'coordinator')).text();
    expect(html).toContain(granted.partnership.title);
    expect(html).toMatch(/has received NOK\s800,000 and holds NOK\s800,000/);
    expect(html).toContain(`<option value="${partner.id}">`);
    const tooMuch = await server.request(page, post([['organisationId', partner.id], ['amount', '800 001'], ['paidOn', today()], ['reference', 'CRDB 42']]), 'coordinator');
    expect(tooMuch.status).toBe(409);
    const tooMuchHtml = await tooMuch.text();
    expect(tooMuchHtml).toContain('href="#amount"');
    expect(tooMuchHtml).toContain('value="800 001"');
    const wrong = await server.request(page, post([['organisationId', ''], ['amount', 'lots'], ['paidOn', ''], ['reference', '']]), 'coordinator');
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    for (const field of ['organisationId', 'amount', 'paidOn', 'reference']) expect(wrongHtml).toContain(`href="#${field}"`);
    const passed = await server.request(page, post([['organisationId', partner.id], ['amount', '300 000'], ['paidOn', today()], ['reference', 'CRDB 42']]), 'coordinator');
    expect(passed.status).toBe(302);
    const afterHtml = await (await server.request(`${page}?done=onward`, {}, 'coordinator')).text();
    expect(afterHtml).toContain(catalogs.en['tranches.done.onward']);
    expect(afterHtml).toContain('CRDB 42');
    // The partnership page links it for those who may open it; a visitor is sent to sign in, a participant finds nothing.
    expect(await (await server.request(`/en/partnerships/${granted.partnership.id}`, {}, 'coordinator')).text()).toContain(`href="${page}"`);
    expect(await (await server.request(`/en/partnerships/${granted.partnership.id}`, {}, 'visitor')).text()).not.toContain(`href="${page}"`);
    expect((await server.request(page, {}, 'visitor')).status).toBe(302);
    expect((await server.request(page, {}, 'participant')).status).toBe(404);
    expect((await server.request(`/en/partnerships/${granted.partnership.id}/stages/00000000-0000-4000-8000-000000000000/payments`)).status).toBe(404);
  });

  it('download a year’s tranches, and take a programme’s tranche shares in percent', async () => {
    const xlsx = await server.request('/nb/finance/tranches.xlsx?year=2026');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const csv = await server.request('/en/finance/tranches.csv?year=2026');
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain('Partnership,Stage,Coordinating partner');
    const [health] = await server.db.select().from(programmes).where(eq(programmes.code, 'health'));
    const page = `/en/admin/programmes/${health!.id}`;
    const form = await (await server.request(page)).text();
    expect(form).toContain('name="trancheShares"');
    expect(form).toContain('value="80, 20"');
    const fields: [string, string][] = [
      ['version', form.match(/name="version" value="([^"]+)"/)![1]!],
      ['code', health!.code],
      ['name', health!.name],
      ['minAge', String(health!.minAge)],
      ['maxAge', String(health!.maxAge)],
      ...health!.stayMonths.map((m) => ['stayMonths', String(m)] as [string, string]),
      ...health!.allowedShapes.map((s) => ['allowedShapes', s] as [string, string]),
      ['documents', health!.documents.join('\n')],
    ];
    const refused = await server.request(page, post([...fields, ['trancheShares', '70, 20'], ['varianceThreshold', 'ten']]));
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('add up to 90 %');
    expect(refusedHtml).toContain('href="#varianceThreshold"');
    expect(refusedHtml).toContain('value="70, 20"');
    const saved = await server.request(page, post([...fields, ['trancheShares', '70, 20, 10'], ['varianceThreshold', '12.5']]));
    expect(saved.status).toBe(302);
    const [after] = await server.db.select().from(programmes).where(eq(programmes.id, health!.id));
    expect(after).toMatchObject({ trancheSharesBasisPoints: [7000, 2000, 1000], varianceThresholdBasisPoints: 1250 });
  });
});
