import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resultReports } from '../../db/schema/result-reports.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const post = (fields: [string, string][]) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
/** Every field of the partner's report form as the browser would send it untouched (the checkbox left out). */
function reportForm(html: string): [string, string][] {
  const start = html.indexOf('<form', html.indexOf('<section aria-labelledby="report-title">'));
  const form = html.slice(start, html.indexOf('</form>', start));
  const inputs = [...form.matchAll(/<input(?![^>]*type="checkbox")[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const empty = [...form.matchAll(/<input(?![^>]*value=)[^>]*name="([^"]+)"[^>]*>/g)].map((m) => [m[1]!, ''] as [string, string]);
  const areas = [...form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  return [...inputs, ...empty, ...areas];
}

describe('the results report pages, without JavaScript', () => {
  it('let a partner write its report, keep what was typed, refuse a stale save and name every gap on submission at once', async () => {
    const [draft] = await server.db.select().from(resultReports).where(eq(resultReports.status, 'draft'));
    const url = `/en/result-reports/${draft!.id}`;
    const list = await (await server.request('/en/result-reports', {}, 'coordinator')).text();
    expect(list).toContain(`href="${url}"`);

    const page = await (await server.request(url, {}, 'coordinator')).text();
    const fields = reportForm(page);
    const women = fields.find(([n]) => n.endsWith('.women'))![0];
    const value = fields.find(([n]) => n.endsWith('.value'))![0];
    const words = fields.find(([n]) => n.endsWith('.text'))![0];

    // Half a person and a word where a number is asked for: both refused at once beside their fields, everything typed kept.
    const refused = await server.request(url, post([...fields.map(([n, v]): [string, string] => [n, n === women ? '4.5' : n === value ? 'many' : n === 'narrative' ? 'We went to Kathmandu.' : v]), ['intent', 'save']]), 'coordinator');
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain(`href="#${women}"`);
    expect(refusedHtml).toContain(`href="#${value}"`);
    expect(refusedHtml).toContain('value="4.5"');
    expect(refusedHtml).toContain('We went to Kathmandu.');

    // Submitting an empty report: saved as typed, every gap named at once, each linked to its field.
    const submitted = await server.request(url, post([...fields, ['intent', 'submit']]), 'coordinator');
    expect(submitted.status).toBe(400);
    const problems = await submitted.text();
    for (const name of ['narrative', women, value, words, 'lessons']) expect(problems).toContain(`href="#${name}"`);
    // The old version is stale now; what was typed comes back.
    const stale = await server.request(url, post([...fields.map(([n, v]): [string, string] => [n, n === 'narrative' ? 'An older page' : v]), ['intent', 'save']]), 'coordinator');
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('An older page');

    // Filled in and submitted.
    const current = reportForm(await (await server.request(url, {}, 'coordinator')).text());
    const filled = current.map(([n, v]): [string, string] => [n, n === 'narrative' ? 'Two midwives came to Kathmandu.' : n === 'lessons' ? 'Plan the homecoming early.' : /\.(women|men|other)$/.test(n) ? '2' : n.endsWith('.value') ? '3' : n.endsWith('.text') ? 'Used weekly' : v]);
    const done = await server.request(url, post([...filled, ['publishLessons', 'yes'], ['intent', 'submit']]), 'coordinator');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`${url}?done=submitted`);
    const after = await (await server.request(`${url}?done=submitted`, {}, 'coordinator')).text();
    expect(after).toContain('The report is submitted to the programme adviser.');
    expect(after).toContain('The partner agreed that these lessons may be published.');
  });

  it('let the adviser return a report with a remark and accept it; the partnership page and the dashboards show its figures, with a CSV', async () => {
    const [submitted] = await server.db.select().from(resultReports).where(eq(resultReports.status, 'submitted'));
    const url = `/en/result-reports/${submitted!.id}`;
    expect(await (await server.request('/en/result-reports?status=submitted')).text()).toContain(`href="${url}"`);
    const page = await (await server.request(url)).text();
    const version = page.match(/name="version" value="(\d+)"/)![1]!;
    const noRemark = await server.request(url, post([['version', version], ['remark', ' '], ['intent', 'return']]));
    expect(noRemark.status).toBe(400);
    expect(await noRemark.text()).toContain('href="#remark"');
    expect((await server.request(url, post([['version', version], ['remark', 'How many were midwives?'], ['intent', 'return']]))).status).toBe(302);
    const partnerView = await (await server.request(url, {}, 'coordinator')).text();
    expect(partnerView).toContain('Returned with this remark: How many were midwives?');
    expect((await server.request(url, post([...reportForm(partnerView), ['intent', 'submit']]), 'coordinator')).status).toBe(302);
    const again = (await (await server.request(url)).text()).match(/name="version" value="(\d+)"/)![1]!;
    expect((await server.request(url, post([['version', again], ['intent', 'accept']]))).status).toBe(302);
    expect(await (await server.request(`${url}?done=accepted`)).text()).toContain('The report is accepted');

    const partnership = await (await server.request(`/en/partnerships/${page.match(/href="\/en\/partnerships\/([0-9a-f-]{36})"/)![1]}`, {}, 'visitor')).text();
    expect(partnership).toContain('id="results-title"');
    expect(partnership).toContain('values reached per round');

    const dashboard = await server.request('/en/results?sdg=3');
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain('<svg class="bar-chart"');
    expect(html).toContain('By Sustainable Development Goal');
    // A goal by its number and short name, in the reader's language, in the filter and the groups alike;
    // never the IATI list's whole text, which begins with its number again ("3 Goal 3. Ensure …").
    expect(html).toContain('<option value="3" selected="">3 Good health and well-being</option>');
    expect(html).not.toContain('Goal 3.');
    expect(await (await server.request('/fr/results?sdg=3')).text()).toContain('3 Bonne santé et bien-être');
    const refusedFilter = await server.request('/fr/results?country=zz');
    expect(refusedFilter.status).toBe(400);
    const csv = await server.request('/en/results/export.csv?by=programme&sdg=3');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((parse(await csv.text(), { bom: true }) as string[][])[0]!.slice(0, 3)).toEqual(['Code', 'Programme', 'Accepted reports']);
    expect((await server.request('/en/results', {}, 'coordinator')).status).toBe(403);
    expect((await server.request('/en/result-reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
