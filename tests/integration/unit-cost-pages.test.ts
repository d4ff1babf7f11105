import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { programmes } from '../../db/schema/programmes.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const post = (fields: [string, string][]) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
/** Every field of the editor's form, as the browser would send it untouched. */
function formFields(html: string): [string, string][] {
  const start = html.indexOf('<form class="form-grid"');
  const form = html.slice(start, html.indexOf('</form>', start));
  const inputs = [...form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  const areas = [...form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
  return [...inputs, ...areas].map(([name, value]) => [name.replaceAll('&amp;', '&'), value.replaceAll('&amp;', '&')]);
}

describe('the unit-cost pages, without JavaScript', () => {
  it('show a programme’s published table with countries by name, its history, and lead from a new draft to publishing it', async () => {
    const [health] = await server.db.select().from(programmes).where(eq(programmes.code, 'health'));
    const base = `/en/admin/programmes/${health!.id}/unit-costs`;

    const index = await (await server.request('/en/admin/unit-costs')).text();
    expect(index).toContain(`href="${base}"`);
    const year = await (await server.request(`${base}/2026`)).text();
    expect(year).toContain('Unit costs 2026: Health (ESTHER)');
    expect(year).toMatch(/Nepal/);
    expect(year).toMatch(/NOK\s12,000/);
    expect(year).toContain('8,000 km or more');
    expect(year).toContain(`href="${base}/2026?version=1"`);
    // An older version, and one that does not exist.
    expect(await (await server.request(`${base}/2026?version=1`)).text()).toMatch(/NOK\s560/);
    expect((await server.request(`${base}/2026?version=9`)).status).toBe(404);
    expect((await server.request(`${base}/twenty`)).status).toBe(404);

    // A new draft of 2026, a copy of version 2, opened in the editor.
    const started = await server.request(`${base}/2026`, post([]));
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toBe(`${base}/2026/draft?started=1`);
    const editor = await (await server.request(`${base}/2026/draft?started=1`)).text();
    const fields = formFields(editor);
    expect(Object.fromEntries(fields)).toMatchObject({ 'allowances.A': '12,000', 'countries.D': 'BI ET MW MZ NP RW ZM ZW', adminShare: '7' });

    // Every refused value at once, each beside its field; what was typed comes back.
    const refused = await server.request(`${base}/2026/draft`, post(fields.map(([n, v]) => [n, n === 'allowances.B' ? '9,5' : n === 'countries.C' ? `${v} NP` : n === 'adminShare' ? 'seven' : v])));
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('href="#allowances.B"');
    expect(refusedHtml).toContain('href="#countries.D"');
    expect(refusedHtml).toContain('href="#adminShare"');
    expect(refusedHtml).toContain('NP is already in group C');
    expect(refusedHtml).toContain('value="seven"');

    // Saved: Norway's allowance up to 13 000 kr.
    const saved = await server.request(`${base}/2026/draft`, post(fields.map(([n, v]) => [n, n === 'allowances.A' ? '13 000' : v])));
    expect(saved.status).toBe(302);
    // The same old form again: stale, nothing lost.
    const stale = await server.request(`${base}/2026/draft`, post(fields.map(([n, v]) => [n, n === 'visa' ? '3 000' : v])));
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="3 000"');

    // The preview, then publishing with the version it showed.
    const preview = await (await server.request(`${base}/2026/publish`)).text();
    expect(preview).toContain(catalogs.en['unitCosts.publish.approvedKept']);
    const version = preview.match(/name="version" value="([^"]+)"/)![1]!;
    const published = await server.request(`${base}/2026/publish`, post([['version', version]]));
    expect(published.status).toBe(302);
    expect(published.headers.get('location')).toBe(`${base}/2026?published=3`);
    const after = await (await server.request(`${base}/2026?published=3`)).text();
    expect(after).toContain('Version 3 is published');
    expect(after).toMatch(/NOK\s13,000/);
    // No draft any more: its pages are not found.
    expect((await server.request(`${base}/2026/publish`)).status).toBe(404);
    expect((await server.request(`${base}/2026/draft`)).status).toBe(404);
  });

  it('starts a draft of another year from the programme’s page, and refuses a second one', async () => {
    const [youth] = await server.db.select().from(programmes).where(eq(programmes.code, 'volunteer-youth'));
    const base = `/nb/admin/programmes/${youth!.id}/unit-costs`;
    const started = await server.request(base, post([['year', '2028']]));
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toBe(`${base}/2028/draft?started=1`);
    expect(await (await server.request(`${base}/2028/draft`)).text()).toContain(catalogs.nb['unitCosts.draft.basedOnEarlierYear']);
    const again = await server.request(base, post([['year', '2028']]));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Det finnes allerede et utkast for 2028 (versjon 1)');
    const wrong = await server.request(base, post([['year', '20x7']]));
    expect(wrong.status).toBe(400);
  });
});
