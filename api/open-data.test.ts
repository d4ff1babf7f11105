import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_COLUMNS, OPEN_DATASETS, openDataHeader, parseCsvCell } from '../core/open-data/open-data-columns.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { openDataWorld } from '../tests/support/open-data-world.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
beforeAll(async () => {
  await openDataWorld(testDb.db);
});

describe('GET /api/v1/open-data/…', () => {
  it('answers a visitor with each dataset as CSV and as JSON, the same rows in both', async () => {
    for (const dataset of OPEN_DATASETS) {
      const csvResponse = await apiAs(testDb.db).request(`/api/v1/open-data/${dataset}.csv`);
      expect(csvResponse.status).toBe(200);
      expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csvResponse.headers.get('content-disposition')).toContain(`${dataset}.csv`);
      const jsonResponse = await apiAs(testDb.db).request(`/api/v1/open-data/${dataset}.json`);
      expect(jsonResponse.status).toBe(200);
      expect(jsonResponse.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const json = (await jsonResponse.json()) as Record<string, unknown>[];
      const [header, ...rows] = parse(await csvResponse.text(), { bom: true }) as string[][];
      expect(header).toEqual(openDataHeader(dataset));
      const columns = OPEN_DATA_COLUMNS[dataset];
      expect(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, parseCsvCell(c, r[i]!)])))).toEqual(json);
      expect(json.length).toBeGreaterThan(0);
    }
  });

  it('gives each dataset’s empty template: the CSV header alone', async () => {
    for (const dataset of OPEN_DATASETS) {
      const response = await apiAs(testDb.db).request(`/api/v1/open-data/templates/${dataset}.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(parse(await response.text(), { bom: true })).toEqual([openDataHeader(dataset)]);
    }
  });

  it('is the same for every role', async () => {
    const admin = (await createUser(testDb.db, { agencyRoles: ['administrator'] })).actor;
    const anonymous = await (await apiAs(testDb.db).request('/api/v1/open-data/results.json')).text();
    expect(await (await apiAs(testDb.db, admin).request('/api/v1/open-data/results.json')).text()).toBe(anonymous);
  });

  it('filters the statistics like GET /v1/statistics, and names every bad filter with 400 problem+json', async () => {
    const filtered = (await (await apiAs(testDb.db).request('/api/v1/open-data/statistics.json?direction=south-norway')).json()) as { dimension: string; code: string; people: number | null }[];
    expect(filtered.find((r) => r.dimension === 'year')).toMatchObject({ code: '2024', people: 6 });
    const response = await apiAs(testDb.db).request('/api/v1/open-data/statistics.csv?yearFrom=1999&gender=x');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { parameter: string }[] };
    expect(problem.errors.map((e) => e.parameter).sort()).toEqual(['gender', 'yearFrom']);
  });

  it('knows no other dataset', async () => {
    expect((await apiAs(testDb.db).request('/api/v1/open-data/people.csv')).status).toBe(404);
    expect((await apiAs(testDb.db).request('/api/v1/open-data/templates/people.csv')).status).toBe(404);
  });
});
