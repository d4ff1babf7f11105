import { describe, it } from 'vitest';
import { useFuzzServer } from './fuzz-app.ts';
import { fillIds, fuzzIds } from './fuzz-ids.ts';
import { fuzzPageActions, RUNS } from './fuzz-pages.ts';
import { destructiveRoutes, pageTargets } from './page-targets.ts';

const server = useFuzzServer();

// Half of the pages with actions per file, so the two halves run side by side; destructive ones last.
const HALF = 0;
const posted = Object.entries(pageTargets).filter(([, t]) => t.posts);
const mine = posted.filter((_, n) => n % 2 === HALF).sort(([a], [b]) => Number(destructiveRoutes.has(a)) - Number(destructiveRoutes.has(b)));

describe(`page actions hold against ${RUNS} generated forms each (half ${HALF + 1} of 2)`, () => {
  for (const [route, target] of mine) {
    it(`POST ${route}`, async () => {
      const ids = await fuzzIds(server.db);
      await fuzzPageActions(server, target.urls.map((u) => fillIds(u, ids)), target.as);
    }, 1_200_000);
  }
});
