import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../../db/seed/demo-history.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();
const fr = catalogs.fr;
const visitor = (path: string) => server.request(path, undefined, 'visitor');

/** The rows of the table in the section headed `id-title`: [row heading, figure] as the page shows them. */
function tableRows(html: string, id: string): [string, string][] {
  const start = html.indexOf(`id="${id}-title"`);
  const table = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => {
    const cells = [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<span aria-hidden="true">&lt;5<\/span><span class="ds-sr-only">[^<]*<\/span>/, '<5').replace(/<[^>]+>/g, ''));
    return [cells[0]!, cells.at(-1)!];
  });
}
const decode = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&#x27;', '’').replaceAll('&quot;', '"');

describe('the public statistics page, without JavaScript', () => {
  beforeAll(async () => {
    // The demo with its history since 2001, as the server's start seeds it.
    await seedDemoHistory(server.db);
  }, 120_000);

  it('reads its filters from the address, as a sentence of choices, and shows South–South exchanges in 2024', async () => {
    const response = await visitor('/fr/statistics?direction=south-south&yearFrom=2024&yearTo=2024');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain('<script');
    // A GET form whose choices keep the address's values.
    expect(html).toMatch(/<form [^>]*action="\/fr\/statistics" method="get">/);
    expect(html).toMatch(/<option value="south-south" selected="">/);
    expect(html).toMatch(/<select id="filter-yearFrom" name="yearFrom"[^>]*>.*?<option value="2024" selected="">2024<\/option>/s);
    expect(html).toContain(`<label for="filter-from" class="ds-sr-only">${fr['statistics.filter.from']}</label>`);
    expect(html).toContain(fr['statistics.sentence.start']);
    // 242 people, all South–South; the map and its table.
    expect(html).toMatch(/<span class="figures__value">242<\/span>/);
    expect(html).toContain('<svg class="flow-map"');
    expect(html).toContain('flow-map__line--south');
    expect(html).not.toContain('flow-map__line flow-map__line--norway" marker-end');
    const flows = tableRows(html, 'map');
    expect(flows.length).toBeGreaterThan(5);
    // 2024 is over (the clock is real): no provisional note for it.
    expect(html).not.toContain(decode(fr['statistics.provisional.note'].replace('{year}', '2024')));
    const map = html.slice(html.indexOf('<svg class="flow-map"'), html.indexOf('</svg>', html.indexOf('<svg class="flow-map"')) + 6);
    // Light: the map's lines are some kilobytes; the land is an image the browser keeps, at an address
    // that changes with the drawing.
    expect(map.length).toBeLessThan(30_000);
    expect(gzipSync(map).length).toBeLessThan(8_000);
    const land = map.match(/<image href="(\/statistics\/world\.svg\?v=[0-9a-f]{12})"/)?.[1];
    expect(land).toBeDefined();
    const image = await visitor(land!);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(image.headers.get('cache-control')).toContain('immutable');
    const svg = await image.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 300"[^>]*><path d="M[^"]{20000,}" fill="#e3e7ec"/);
  });

  it('offers every table as CSV with the same numbers as the table', async () => {
    // In the order of the filters, as the page writes its links.
    const query = 'yearFrom=2020&yearTo=2024&from=africa';
    const html = await (await visitor(`/fr/statistics?${query}`)).text();
    for (const table of ['year', 'host-country', 'gender', 'age-band', 'sdg']) {
      expect(html).toContain(`href="/fr/statistics.csv?${query.replaceAll('&', '&amp;')}&amp;table=${table}"`);
      const csv = await visitor(`/fr/statistics.csv?${query}&table=${table}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]).toEqual([fr['statistics.csv.code'], fr[`statistics.table.${table}` as keyof typeof fr], fr['statistics.csv.people']]);
      const fromTable = tableRows(html, table).map(([name, people]) => [decode(name), people.replace(/\s/g, '')]);
      expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual(fromTable);
    }
    const flows = parse((await (await visitor(`/fr/statistics.csv?${query}&table=flows`)).text()).replace(/^\uFEFF/, '')) as string[][];
    expect(flows[0]).toEqual([fr['statistics.csv.fromCode'], fr['statistics.csv.from'], fr['statistics.csv.toCode'], fr['statistics.csv.to'], fr['statistics.csv.direction'], fr['statistics.csv.people']]);
    expect(flows.length - 1).toBe(tableRows(html, 'map').length);
  });

  it('shows the figures for a link with a filter it cannot use, naming the filter and what was given, once each', async () => {
    const response = await visitor('/fr/statistics?direction=south-south&yearFrom=1990&gender=robot');
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain(fr['statistics.refused.heading'].replaceAll('’', '’'));
    const said = (value: string, filter: string) => fr['statistics.refused.filter'].replace('{value}', value).replace('{filter}', filter);
    expect(html).toContain(`<a class="ds-link" href="#filter-yearFrom">${said('1990', fr['statistics.filter.yearFrom'])}</a>`);
    expect(html).toContain(`<a class="ds-link" href="#filter-gender">${said('robot', fr['statistics.filter.gender'])}</a>`);
    expect(html).not.toContain(fr['error.invalid']);
    // The usable filter still applies.
    expect(html).toMatch(/<option value="south-south" selected="">/);
    // The CSV, read by programs, refuses instead.
    expect((await visitor('/fr/statistics.csv?gender=robot&table=year')).status).toBe(400);
  });

  it('links the open data, and the figures from the home page, the header and the footer', async () => {
    const html = await (await visitor('/en/statistics?gender=female')).text();
    expect(html).toContain('href="/api/v1/statistics?gender=female"');
    const home = await (await visitor('/en/')).text();
    expect(home.match(/href="\/en\/statistics"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('names a filter value it cannot use, never 500: the page shows the rest, the CSV refuses with 400', async () => {
    expect((await visitor('/en/statistics?yearFrom=1990')).status).toBe(200);
    expect(await (await visitor('/en/statistics?from=Nowhere')).text()).toContain('href="#filter-from"');
    expect((await visitor('/en/statistics.csv?yearFrom=1990&table=year')).status).toBe(400);
    expect((await visitor('/en/statistics.csv?table=secrets')).status).toBe(400);
    expect((await visitor('/en/statistics?yearFrom=2030&yearTo=2001&unknown=1')).status).toBe(200);
  });
});
