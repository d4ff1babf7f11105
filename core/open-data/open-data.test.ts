import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalogs.ts';
import { locales } from '../../i18n/locales.ts';
import { openDataWorld } from '../../tests/support/open-data-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { listPublishedLessons } from '../results/list-published-lessons.ts';
import { csvCell, jsonValue, OPEN_DATA_COLUMNS, OPEN_DATASETS, openDataHeader, parseCsvCell, type OpenDataColumn, type OpenDataset } from './open-data-columns.ts';
import { grantedMinor } from './open-data-partnerships.ts';
import { streamOpenData } from './stream-open-data.ts';
import { openDataTemplate } from './stream-open-data-rows.ts';

const testDb = useTestDatabase();
let w: Awaited<ReturnType<typeof openDataWorld>>;
beforeAll(async () => {
  w = await openDataWorld(testDb.db);
});
const ctx = () => coreContext({ db: testDb.db, now: () => new Date('2026-06-01T12:00:00Z') });

const read = async (dataset: OpenDataset, format: 'csv' | 'json', pageSize?: number) => new Response(await streamOpenData(ctx(), { dataset, format, pageSize })).text();
const json = async (dataset: OpenDataset, pageSize?: number) => JSON.parse(await read(dataset, 'json', pageSize)) as Record<string, unknown>[];
/** The CSV read back as the JSON has it (what the historical import will do), and its header. */
async function csv(dataset: OpenDataset, pageSize?: number) {
  const [header, ...rows] = parse(await read(dataset, 'csv', pageSize), { bom: true }) as string[][];
  const columns = OPEN_DATA_COLUMNS[dataset];
  return { header, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, parseCsvCell(c, r[i]!)]))) };
}

describe('the open datasets’ columns', () => {
  it('are defined once: the CSV header equals the template, every column has a description in five locales', async () => {
    for (const dataset of OPEN_DATASETS) {
      const template = parse(openDataTemplate(dataset), { bom: true }) as string[][];
      expect(template).toEqual([openDataHeader(dataset)]);
      expect((await csv(dataset)).header).toEqual(template[0]);
      expect(Object.keys((await json(dataset))[0]!)).toEqual(openDataHeader(dataset));
      for (const column of OPEN_DATA_COLUMNS[dataset]) {
        for (const locale of locales) expect(catalogs[locale][column.description], `${locale} ${column.description}`).toBeTruthy();
        expect(column.name).toMatch(/^[a-z][a-z_]*$/);
      }
      expect(new Set(openDataHeader(dataset)).size).toBe(OPEN_DATA_COLUMNS[dataset].length);
    }
  });
});

describe('a CSV cell', () => {
  const written = (column: OpenDataColumn, value: Parameters<typeof csvCell>[1]) => (parse(stringify([[csvCell(column, value)]], { escape_formulas: true })) as string[][])[0]?.[0] ?? '';
  const text: OpenDataColumn = { name: 'title', type: 'text', description: 'openData.column.partnerships.title', example: '' };
  const list: OpenDataColumn = { name: 'countries', type: 'list', description: 'openData.column.partnerships.countries', example: '' };
  const decimal: OpenDataColumn = { name: 'granted_nok', type: 'decimal', description: 'openData.column.partnerships.granted_nok', example: '' };

  it('reads back as the JSON has it, whatever the text: formulas escaped by one quote that reading removes', () => {
    const risky = fc.oneof(fc.string({ unit: 'grapheme' }), fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'=", '\uFF1D', '"', ';'), fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b));
    fc.assert(
      fc.property(risky, (value) => {
        const cell = written(text, value);
        expect(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell)).toBe(false);
        expect(parseCsvCell(text, cell)).toEqual(jsonValue(text, value));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[=+@A-Za-z0-9 .-]{1,12}$/).filter((s) => !s.includes('; ') && s.trim() === s && s !== '')), (items) => {
        expect(parseCsvCell(list, written(list, items))).toEqual(items);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(parseCsvCell(decimal, written(decimal, minor / 100))).toBe(jsonValue(decimal, minor / 100));
      }),
    );
  });
});

describe('the partnerships dataset', () => {
  it('holds the public partnerships only, with their public fields, and the same rows as CSV and JSON across pages', async () => {
    const rows = await json('partnerships', 1);
    expect(rows).toEqual([
      {
        id: w.partnership.id,
        title: 'Newborn care in Førde and Lilongwe',
        programme_code: 'health-od',
        programme: 'Health exchange',
        shape: 'north_south',
        status: 'active',
        sector_code: '12181',
        sdg_goals: ['3', '5'],
        countries: ['MW', 'NO'],
        partner_organisation_ids: [w.forde.id, w.lilongwe.id],
        partner_organisations: ['Helse Førde HF', '=Kamuzu Central Hospital'],
        coordinator_organisation_id: w.forde.id,
        starts_on: '2024-06-01',
        ends_on: '2027-12-31',
        // The study, the two rounds, and what the agreement holds beyond them: 150,000 + 1,500,000 + 1,600,000 + 1,400,000.
        granted_nok: 4_650_000,
      },
    ]);
    expect((await csv('partnerships', 1)).rows).toEqual(rows);
  });

  it('counts a collaboration agreement’s envelope once', () => {
    const stage = (kind: string, startsOn: string, endsOn: string, amountCeilingMinor: number) => ({ kind, startsOn, endsOn, amountCeilingMinor, currency: 'NOK' });
    expect(grantedMinor([stage('agreement', '2025-01-01', '2027-12-31', 300), stage('round', '2025-03-01', '2026-02-28', 100)])).toBe(300);
    expect(grantedMinor([stage('agreement', '2025-01-01', '2025-12-31', 100), stage('round', '2025-03-01', '2025-12-31', 150)])).toBe(150);
    expect(grantedMinor([stage('round', '2025-03-01', '2026-02-28', 100), stage('round', '2026-03-01', '2027-02-28', 120)])).toBe(220);
  });
});

describe('the organisations dataset', () => {
  it('holds the public fields only, never people, a page at a time', async () => {
    const rows = await json('organisations', 2);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.id === w.forde.id)).toEqual({
      id: w.forde.id,
      legal_name: 'Helse Førde HF',
      short_name: 'Helse Førde',
      country: 'NO',
      city: 'Førde',
      organisation_type: '10',
      sector_code: w.forde.sectorCode,
      registration_scheme: 'NO-BRC',
      registration_number: '983974732',
      website: 'https://helse-forde.no',
      // The partnership applied for is not public: it does not count.
      partnerships: 1,
    });
    expect(rows.find((r) => r.id === w.nairobi.id)?.partnerships).toBe(0);
    expect((await csv('organisations', 2)).rows).toEqual(rows);
    // A name that looks like a spreadsheet formula is escaped in the CSV (and read back unchanged above).
    expect(await read('organisations', 'csv')).toContain(`'=Kamuzu Central Hospital`);
  });
});

describe('the statistics dataset', () => {
  it('is the statistics page’s tables with cells under 5 suppressed and the current year provisional', async () => {
    const rows = await json('statistics');
    const row = (dimension: string, code: string) => rows.find((r) => r.dimension === dimension && r.code === code);
    expect(row('year', '2024')).toEqual({ dimension: 'year', code: '2024', label: '2024', people: 8, suppressed: false, provisional: false });
    expect(row('home-country', 'MW')).toEqual({ dimension: 'home-country', code: 'MW', label: 'Malawi', people: null, suppressed: true, provisional: false });
    // Norway sent 2: suppressed, and Malawi's 6 with it (else 8 − 6 would give it away).
    expect(row('home-country', 'NO')).toMatchObject({ people: null, suppressed: true });
    expect(row('gender', 'female')).toMatchObject({ people: 8, suppressed: false });
    expect(rows.every((r) => r.people === null || (r.people as number) >= 5)).toBe(true);
    expect((await csv('statistics', 7)).rows).toEqual(rows);
  });
});

describe('the results dataset', () => {
  it('holds accepted reports only, and the lessons only where the partner opted in to publish', async () => {
    const rows = await json('results', 1);
    const text = JSON.stringify(rows);
    expect(rows).toHaveLength(3);
    for (const hidden of ['Lessons still under review.', 'Lessons sent back.', 'Secret lessons of Førde.', 'Not for the public', 'Ours only']) expect(text).not.toContain(hidden);
    expect(rows.every((r) => r.round === 1)).toBe(true);
    const lilongwePeople = rows.find((r) => r.organisation_id === w.lilongwe.id && r.indicator_id === w.people.id);
    expect(lilongwePeople).toEqual({
      partnership_id: w.partnership.id,
      partnership: 'Newborn care in Førde and Lilongwe',
      round: 1,
      period_start: '2025-03-01',
      period_end: '2026-02-28',
      organisation_id: w.lilongwe.id,
      organisation: '=Kamuzu Central Hospital',
      shared_goal: true,
      goal: 'Better care for newborns in both hospitals',
      indicator_id: w.people.id,
      indicator_series_id: w.people.seriesId,
      indicator: 'Nurses trained in newborn resuscitation',
      level: 'organisational',
      counts_people: true,
      sdg_targets: ['3.2'],
      baseline: '4',
      target: '40',
      baseline_value: 4,
      target_value: 40,
      actual: 18,
      actual_women: 12,
      actual_men: 6,
      actual_other: 0,
      actual_text: null,
      accepted_on: '2026-03-20',
      lessons: 'Training in pairs worked better than courses.',
    });
    expect(rows.find((r) => r.organisation_id === w.lilongwe.id && r.indicator_id === w.lab.id)).toMatchObject({ actual: null, actual_women: null, actual_text: 'Used twice a month', counts_people: false });
    expect(rows.find((r) => r.organisation_id === w.forde.id)).toMatchObject({ actual: 6, actual_women: 3, lessons: null });
    expect((await csv('results', 2)).rows).toEqual(rows);
  });
});

describe('published lessons learned', () => {
  it('are those of accepted reports whose partner opted in, never a submitted, returned or private one', async () => {
    const lessons = await listPublishedLessons(ctx(), { partnershipId: w.partnership.id });
    expect(lessons.map((l) => ({ organisation: l.organisation, roundNumber: l.roundNumber, lessons: l.lessons }))).toEqual([{ organisation: '=Kamuzu Central Hospital', roundNumber: 1, lessons: 'Training in pairs worked better than courses.' }]);
    expect(await listPublishedLessons(ctx(), { partnershipId: 'not-an-id' })).toEqual([]);
  });
});
