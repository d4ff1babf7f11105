import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { financialReports } from '../../db/schema/financial-reports.ts';
import { samplePdf } from '../support/sample-pdf.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const post = (fields: [string, string][]) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
/** Every field of the lines form as the browser would send it untouched. */
function linesForm(html: string): [string, string][] {
  const start = html.indexOf('<form', html.indexOf('<section aria-labelledby="lines-title">'));
  const form = html.slice(start, html.indexOf('</form>', start));
  const inputs = [...form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const empty = [...form.matchAll(/<input(?![^>]*value=)[^>]*name="([^"]+)"[^>]*>/g)].map((m) => [m[1]!, ''] as [string, string]);
  const areas = [...form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  return [...inputs, ...empty, ...areas];
}

describe('the financial report pages, without JavaScript', () => {
  it('let a partner fill in its report, keep what was typed, refuse a stale save and name every problem on submission', async () => {
    const [draft] = await server.db.select().from(financialReports).where(eq(financialReports.status, 'draft'));
    const url = `/en/financial-reports/${draft!.id}`;
    const list = await (await server.request('/en/financial-reports', {}, 'coordinator')).text();
    expect(list).toContain(`href="${url}"`);
    expect(list).toContain('Start report');

    const page = await (await server.request(url, {}, 'coordinator')).text();
    expect(page).toContain('more than 10 % of the budget');
    // The "add another cost" fields are left out here, and sent where a test fills them in.
    const fields = linesForm(page).filter(([n]) => !n.startsWith('new.'));
    const actuals = fields.filter(([n]) => n.endsWith('.actual') && n.startsWith('line.'));
    expect(actuals.length).toBeGreaterThan(0);
    const [firstActual] = actuals[0]!;

    // A decimal where whole kroner are asked for: refused beside its field, everything typed kept.
    const refused = await server.request(url, post([...fields.map(([n, v]): [string, string] => [n, n === firstActual ? '12,5' : v]), ['new.label', 'Taxi at night'], ['intent', 'save']]), 'coordinator');
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain(`href="#${firstActual}"`);
    expect(refusedHtml).toContain('value="12,5"');
    expect(refusedHtml).toContain('value="Taxi at night"');

    // Submitting an empty report: saved as typed, and every missing amount named at once, each linked to its field.
    const submitted = await server.request(url, post([...fields, ['new.label', 'Taxi at night'], ['new.actual', '850'], ['intent', 'submit']]), 'coordinator');
    expect(submitted.status).toBe(400);
    const problems = await submitted.text();
    for (const [name] of actuals) expect(problems).toContain(`href="#${name}"`);
    expect(problems).toContain('not in the budget, was needed');
    // The form it came back with carries the new version: the old one is stale now.
    const stale = await server.request(url, post([...fields.map(([n, v]): [string, string] => [n, n === firstActual ? '4 000' : v]), ['intent', 'save']]), 'coordinator');
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="4 000"');
    const current = linesForm(await (await server.request(url, {}, 'coordinator')).text()).filter(([n]) => !n.startsWith('new.'));
    expect(current.find(([n]) => n === 'version')![1]).not.toBe(fields.find(([n]) => n === 'version')![1]);
    const taxi = current.find(([n, v]) => n.endsWith('.label') && v === 'Taxi at night');
    expect(taxi).toBeDefined();
    // Filled in (each line as budgeted, the taxi explained) and submitted.
    const budgets = [...(await (await server.request(url, {}, 'coordinator')).text()).matchAll(/<td class="numeric">([^<]*)<\/td><td class="numeric"><label/g)];
    expect(budgets.length).toBe(actuals.length + 1);
    const complete = current.map(([n, v]): [string, string] => [n, n.endsWith('.actual') ? '0' : n === taxi![0].replace('.label', '.explanation') ? 'The last bus had left.' : v]);
    const done = await server.request(url, post([...complete.map(([n, v]): [string, string] => [n, n.startsWith('line.') && n.endsWith('.explanation') && !v ? 'Not spent: the participant stayed home.' : v]), ['intent', 'submit']]), 'coordinator');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`${url}?done=submitted`);
    expect(await (await server.request(`${url}?done=submitted`, {}, 'coordinator')).text()).toContain('The report is submitted');
  });

  it('let the finance officer return a report with a remark and approve one; receipts are uploaded and downloaded; the year exports', async () => {
    const [submitted] = await server.db.select().from(financialReports).where(eq(financialReports.status, 'submitted'));
    const url = `/en/financial-reports/${submitted!.id}`;
    const list = await (await server.request('/en/financial-reports?status=submitted')).text();
    expect(list).toContain(`href="${url}"`);
    const page = await (await server.request(url)).text();
    const version = page.match(/name="version" value="(\d+)"/)![1]!;
    const noRemark = await server.request(url, post([['version', version], ['remark', ' '], ['intent', 'return']]));
    expect(noRemark.status).toBe(400);
    expect(await noRemark.text()).toContain('href="#remark"');
    const returned = await server.request(url, post([['version', version], ['remark', 'Add the boarding passes.'], ['intent', 'return']]));
    expect(returned.status).toBe(302);
    const partnerView = await (await server.request(url, {}, 'coordinator')).text();
    expect(partnerView).toContain('Returned with this remark: Add the boarding passes.');

    // A receipt: a PDF is taken, HTML dressed as a PDF is refused beside the file field.
    const form = new FormData();
    form.append('intent', 'receipt');
    form.append('file', new Blob([await samplePdf({ title: 'Boarding pass' })], { type: 'application/pdf' }), 'boarding-pass.pdf');
    const uploaded = await server.request(url, { method: 'POST', body: form }, 'coordinator');
    expect(uploaded.status).toBe(302);
    const fake = new FormData();
    fake.append('intent', 'receipt');
    fake.append('file', new Blob(['%PDF-1.4\n<html></html>'], { type: 'application/pdf' }), 'fake.pdf');
    const refused = await server.request(url, { method: 'POST', body: fake }, 'coordinator');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('href="#file"');
    const withReceipt = await (await server.request(url, {}, 'coordinator')).text();
    const receiptUrl = withReceipt.match(/href="(\/en\/financial-reports\/[0-9a-f-]+\/receipts\/[0-9a-f-]+)"[^>]*>boarding-pass\.pdf/)![1]!;
    const download = await server.request(receiptUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');

    // Submitted again by the partner, then approved.
    const fields = linesForm(withReceipt);
    expect((await server.request(url, post([...fields, ['intent', 'submit']]), 'coordinator')).status).toBe(302);
    const again = (await (await server.request(url)).text()).match(/name="version" value="(\d+)"/)![1]!;
    expect((await server.request(url, post([['version', again], ['intent', 'approve']]))).status).toBe(302);
    expect(await (await server.request(`${url}?done=approved`)).text()).toContain('The report is approved');

    const year = submitted!.createdAt.getUTCFullYear();
    const xlsx = await server.request(`/nb/finance/financial-reports.xlsx?year=${year}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const csv = await server.request('/en/finance/financial-reports.csv?year=2026');
    expect(csv.status).toBe(200);
    expect((parse(await csv.text(), { bom: true }) as string[][])[0]![0]).toBe('Partnership');
    expect((await server.request(`/en/financial-reports/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await server.request('/en/finance/financial-reports.csv', {}, 'coordinator')).status).toBe(403);
  });
});
