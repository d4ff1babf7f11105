import { describe, expect, it } from 'vitest';
import routes from '../../../app/routes.ts';
import { routePaths } from '../../support/route-paths.ts';
import { useFuzzServer } from './fuzz-app.ts';
import { fillIds, fuzzIds } from './fuzz-ids.ts';
import { fuzzPageReads } from './fuzz-pages.ts';
import { pageTargets } from './page-targets.ts';
import { READ_RUNS } from './fuzz-settings.ts';

const server = useFuzzServer();

describe('every page holds against hostile addresses', () => {
  it('has a fuzz entry for every route in app/routes.ts', () => {
    expect(Object.keys(pageTargets).sort()).toEqual(routePaths(routes).sort());
  });

  for (const [route, target] of Object.entries(pageTargets)) {
    it(`GET ${route}`, async () => {
      const ids = await fuzzIds(server.db);
      await fuzzPageReads(server, target.urls.map((u) => fillIds(u, ids)), READ_RUNS, target.as);
    }, 600_000);
  }
});
