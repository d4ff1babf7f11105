import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { partnerships } from '../../db/schema/partnerships.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

const server = useFuzzServer();

function validates(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'iati-http-'));
  try {
    writeFileSync(join(dir, 'a.xml'), xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', join(process.cwd(), 'reference/iati/schema/iati-activities-schema.xsd'), join(dir, 'a.xml')], { encoding: 'utf8' });
    return `${run.status} ${run.stderr.trim()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the IATI files and the publisher’s preview', () => {
  it('serves every approved partnership to a visitor as a streamed IATI 2.03 file that validates, a hostile title included', async () => {
    const [first] = await server.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.status, 'active')).limit(1);
    await server.db.update(partnerships).set({ title: 'Exchange <script>&amp; "x" \u0001\u001f ]]>' }).where(eq(partnerships.id, first!.id));
    const response = await server.request('/open-data/iati/activities.xml', {}, 'visitor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    // PostgreSQL keeps no NUL: that and lone surrogates are in build-iati-activity.test.ts. Streamed: no length known beforehand, not gzipped whole in memory.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.body).toBeInstanceOf(ReadableStream);
    const xml = await response.text();
    expect(xml).toContain('<narrative>Exchange &lt;script&gt;&amp;amp; "x"  ]]&gt;</narrative>');
    expect(validates(xml)).toMatch(/^0 .*validates$/);
  });

  it('serves one year’s file, and none for a year without activities or that is not a year', async () => {
    const year = await server.request('/open-data/iati/2022/activities.xml', {}, 'visitor');
    expect(year.status).toBe(200);
    expect(validates(await year.text())).toMatch(/^0 /);
    const empty = await server.request('/open-data/iati/1991/activities.xml', {}, 'visitor');
    expect(empty.status).toBe(404);
    expect((await server.request('/open-data/iati/20x5/activities.xml', {}, 'visitor')).status).toBe(404);
    expect((await server.request('/open-data/iati/3000/activities.xml', {}, 'visitor')).status).toBe(404);
  });

  it('shows agency staff every problem at once, each linked to where it is fixed, and links the files', async () => {
    const page = await server.request('/nb/open-data/iati');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('IATI-publisering');
    expect(html).toContain('href="/open-data/iati/activities.xml"');
    expect(html).toContain('href="/open-data/iati/2025/activities.xml"');
    // Demo partners registered abroad without a number: a warning that links to the organisation's form field.
    expect(html).toMatch(/href="\/nb\/organisations\/[0-9a-f-]{36}\/edit#registrationNumber"/);
    expect(html).toContain('har ingen organisasjonsidentifikator');
    expect(html).toContain('<caption>');
    // Visitors are sent to sign in; partners may not see it.
    expect((await server.request('/en/open-data/iati', {}, 'visitor')).headers.get('location')).toContain('/en/sign-in');
    expect((await server.request('/en/open-data/iati', {}, 'coordinator')).status).toBe(403);
  });
});
