import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/test-database.ts';
import { coreContext } from '../../context.ts';
import { NotFoundError } from '../../errors.ts';
import { checkIatiRules } from './check-iati-rules.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER, iatiActivities, streamIatiActivities } from './stream-iati-activities.ts';

const testDb = useTestDatabase({ withDemo: true });
const schema = join(process.cwd(), 'reference', 'iati', 'schema', 'iati-activities-schema.xsd');
let dir: string;

/** libxml2's XML Schema validator (Debian's libxml2-utils): exit status 0 and "validates" when the file is valid. */
function xmllint(xml: string): { status: number | null; output: string } {
  const file = join(dir, `activities-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint is needed (apt-get install libxml2-utils): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iati-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the IATI export of the demo data', () => {
  it('validates against the IATI 2.03 activities schema (xmllint --schema)', { timeout: 60_000 }, async () => {
    const ctx = coreContext({ db: testDb.db });
    const xml = await text(await streamIatiActivities(ctx, { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER, pageSize: 3 }));
    const result = xmllint(xml);
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);

    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['iati-activity', 'recipient-country', 'transaction', 'budget', 'participating-org'].includes(name) }).parse(xml);
    const activities = doc['iati-activities']['iati-activity'] as Record<string, unknown>[];
    expect(doc['iati-activities']['@_version']).toBe('2.03');
    expect(activities.length).toBeGreaterThanOrEqual(12);
    // Every activity prefixed, with a last-updated time; every demo partnership's partners in the South are recipients.
    for (const a of activities) {
      expect(a['iati-identifier']).toMatch(new RegExp(`^${DEFAULT_IATI_ORGANISATION_IDENTIFIER}-[0-9a-f-]{36}$`));
      expect(a['@_last-updated-datetime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    // The demo's granted stages carry commitments (type 2) and, once paid, disbursements (type 3).
    const types = new Set(activities.flatMap((a) => ((a.transaction as Record<string, Record<string, string>>[] | undefined) ?? []).map((t) => t['transaction-type']!['@_code'])));
    expect(types).toContain('2');
    expect(types).toContain('3');
    expect(activities.some((a) => 'result' in a)).toBe(true);
    // The partners' accepted round reports are the results' actuals: people by gender, numbers summed.
    expect(xml).toMatch(/<actual value="\d+"><dimension name="sex" value="female"\/><\/actual>/);
    expect(xml).toMatch(/<actual value="\d+(\.\d+)?"\/>/);
  });

  it('has no problem by the rules the schema does not catch', { timeout: 60_000 }, async () => {
    const ctx = coreContext({ db: testDb.db });
    const today = osloDate(ctx.now());
    const errors = [];
    for await (const activity of iatiActivities(ctx, { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER })) errors.push(...checkIatiRules(activity, today).filter((p) => p.severity === 'error'));
    expect(errors.map((e) => `${e.rule} ${e.path} ${JSON.stringify(e.params)}`)).toEqual([]);
  });

  it('gives one year the partnerships active in it, and none for a year without any', { timeout: 60_000 }, async () => {
    const ctx = coreContext({ db: testDb.db });
    const all = await text(await streamIatiActivities(ctx, { organisationIdentifier: 'XM-DAC-7' }));
    const y2022 = await text(await streamIatiActivities(ctx, { organisationIdentifier: 'XM-DAC-7', year: 2022 }));
    const count = (xml: string) => xml.split('<iati-activity ').length - 1;
    expect(count(y2022)).toBeGreaterThan(0);
    expect(count(y2022)).toBeLessThan(count(all));
    // The demo's closed journalism partnership ran 2021–2023.
    expect(y2022).toContain('Journalism for good governance');
    // The schema wants one activity at least: a year without any has no file.
    await expect(streamIatiActivities(ctx, { organisationIdentifier: 'XM-DAC-7', year: 1990 })).rejects.toBeInstanceOf(NotFoundError);
    expect(xmllint(y2022).status).toBe(0);
    expect(all).toContain('<iati-identifier>XM-DAC-7-');
  });

  it('is written a page of partnerships at a time, each page read only when the reader asks for more', { timeout: 60_000 }, async () => {
    const ctx = coreContext({ db: testDb.db });
    const stream = await streamIatiActivities(ctx, { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER, pageSize: 4 });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value));
    }
    const perChunk = chunks.map((c) => c.split('<iati-activity ').length - 1);
    const total = perChunk.reduce((a, b) => a + b, 0);
    // The header, one chunk per page of at most four activities, the footer.
    expect(chunks[0]).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities version="2.03" generated-datetime="/);
    expect(chunks.at(-1)).toBe('</iati-activities>\n');
    expect(perChunk.slice(1, -1).every((n) => n >= 1 && n <= 4)).toBe(true);
    expect(chunks.length).toBe(Math.ceil(total / 4) + 2);

    // A reader that stops early stops the reading: the stream is pulled, never pushed ahead.
    const early = (await streamIatiActivities(ctx, { organisationIdentifier: DEFAULT_IATI_ORGANISATION_IDENTIFIER, pageSize: 4 })).getReader();
    await early.read();
    await early.cancel();
  });
});
