import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { coreContext } from '../core/context.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createParticipant } from '../db/factories/participant-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { withSharedReadCache } from '../db/shared-read-cache.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';
import { publicPage } from './public-page-cache.ts';

const testDb = useTestDatabase();

/** A page's rendering that counts how often it ran, and says which run made the page. */
function counting(response: (run: number) => Response = (run) => new Response(`<p>page ${run}</p>`, { headers: { 'content-type': 'text/html' } })) {
  let runs = 0;
  return {
    render: async () => response((runs += 1)),
    runs: () => runs,
  };
}

describe('kept public pages', () => {
  it('keeps a visitor\'s statistics page per address until a count changes, written here or by anyone else', async () => {
    const db = withSharedReadCache(testDb.db);
    const core = coreContext({ db });
    const { render, runs } = counting();
    const get = async (path: string) => {
      const response = await publicPage(core, new Request(`http://localhost${path}`), render);
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    };
    const first = await get('/nb/statistics');
    expect(first).toEqual({ status: 200, type: 'text/html', body: '<p>page 1</p>' });
    expect(await get('/nb/statistics')).toEqual(first);
    expect(runs()).toBe(1);
    // Another address, another page.
    expect((await get('/nb/statistics?gender=female')).body).toBe('<p>page 2</p>');
    expect((await get('/fr/statistics')).body).toBe('<p>page 3</p>');
    expect((await get('/nb/statistics')).body).toBe('<p>page 1</p>');

    // A participant written through another handle (another server on the same database): the counts move on.
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
    const partnership = await createPartnership(testDb.db, { partners: [oslo, lilongwe] });
    await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: lilongwe.id, hostOrganisationId: oslo.id, homeCountry: 'MW', gender: 'female', birthDate: '1998-01-01', startsOn: '2024-03-01', endsOn: '2024-09-01', status: 'returned' });
    expect((await get('/nb/statistics')).body).toBe('<p>page 4</p>');
    expect((await get('/nb/statistics')).body).toBe('<p>page 4</p>');
    // A transaction through this server's handle ends every kept page.
    await db.transaction(async () => undefined);
    expect((await get('/nb/statistics')).body).toBe('<p>page 5</p>');
    expect(runs()).toBe(5);
  });

  it('renders afresh for a signed-in person, a form\'s post, other pages, and keeps no answer but a 200 without cookies', async () => {
    const db = withSharedReadCache(testDb.db);
    const core = coreContext({ db });
    const { render, runs } = counting();
    const send = (path: string, init?: RequestInit) => publicPage(core, new Request(`http://localhost${path}`, init), render);
    for (let i = 0; i < 2; i++) await send('/nb/statistics', { headers: { cookie: 'better-auth.session_token=abc' } });
    for (let i = 0; i < 2; i++) await send('/nb/statistics', { headers: { authorization: 'Bearer abc' } });
    for (let i = 0; i < 2; i++) await send('/nb/statistics', { method: 'POST', body: 'x=1' });
    for (let i = 0; i < 2; i++) await send('/nb/partnerships');
    expect(runs()).toBe(8);
    // Kept for a visitor: an empty cookie header is no cookie.
    for (let i = 0; i < 2; i++) await send('/nb/open-data', { headers: { cookie: '' } });
    expect(runs()).toBe(9);

    const refused = counting((run) => new Response(`gone ${run}`, { status: 404 }));
    for (let i = 0; i < 2; i++) await publicPage(core, new Request('http://localhost/en/statistics?x=1'), refused.render);
    expect(refused.runs()).toBe(2);
    const withCookie = counting((run) => new Response(`page ${run}`, { headers: { 'set-cookie': 'a=b' } }));
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push(await (await publicPage(core, new Request('http://localhost/en/statistics?y=1'), withCookie.render)).text());
    expect(answers).toEqual(['page 1', 'page 2']);
  });

  it('serves a kept page compressed, once compressed, to a browser that takes gzip', async () => {
    const db = withSharedReadCache(testDb.db);
    const core = coreContext({ db });
    const { render } = counting(() => new Response('<p>statistics</p>'.repeat(200), { headers: { 'content-type': 'text/html' } }));
    const ask = () => publicPage(core, new Request('http://localhost/es/statistics', { headers: { 'accept-encoding': 'gzip, br' } }), render);
    await ask();
    const kept = await ask();
    expect(kept.headers.get('content-encoding')).toBe('gzip');
    expect(kept.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(new Uint8Array(await kept.arrayBuffer())).toString()).toBe('<p>statistics</p>'.repeat(200));
    const plain = await publicPage(core, new Request('http://localhost/es/statistics'), render);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('<p>statistics</p>'.repeat(200));
  });

  it('renders every time through a handle without the shared-read cache (tests, scripts)', async () => {
    const core = coreContext({ db: testDb.db });
    const { render, runs } = counting();
    for (let i = 0; i < 2; i++) await publicPage(core, new Request('http://localhost/nb/statistics'), render);
    expect(runs()).toBe(2);
  });

  it('keeps the open datasets\' files for visitors, and streams a file too large to keep to each asker whole', async () => {
    const db = withSharedReadCache(testDb.db);
    const core = coreContext({ db });
    const { render, runs } = counting((run) => new Response(`[{"run":${run}}]`, { headers: { 'content-type': 'application/json' } }));
    const get = async (path: string, init?: RequestInit) => (await publicPage(core, new Request(`http://localhost${path}`, init), render)).text();
    expect(await get('/api/v1/open-data/partnerships.json')).toBe('[{"run":1}]');
    expect(await get('/api/v1/open-data/partnerships.json')).toBe('[{"run":1}]');
    expect(await get('/api/v1/open-data/organisations.csv')).toBe('[{"run":2}]');
    expect(await get('/api/v1/open-data/statistics.json?gender=female')).toBe('[{"run":3}]');
    expect(await get('/api/v1/open-data/statistics.json?gender=female')).toBe('[{"run":3}]');
    // Credentials, other API addresses and a write through this server: made afresh.
    expect(await get('/api/v1/open-data/partnerships.json', { headers: { authorization: 'Bearer abc' } })).toBe('[{"run":4}]');
    expect(await get('/api/v1/partnerships')).toBe('[{"run":5}]');
    // After a write through this server the file is made again; meanwhile the last one made goes out.
    await db.transaction(async () => undefined);
    expect(await get('/api/v1/open-data/partnerships.json')).toBe('[{"run":1}]');
    await vi.waitFor(async () => expect(await get('/api/v1/open-data/partnerships.json')).toBe('[{"run":6}]'));
    expect(runs()).toBe(6);

    // A file of tens of megabytes is kept, gzipped as it was made (a tenth of its size here), and served
    // whole from that: gzipped to a client that takes gzip, unzipped as it goes to one that does not.
    const line = 'Kathmandu Model Hospital;Bergen Kystsjukehus;Midwifery and emergency care\r\n';
    const lines = 400_000;
    const csv = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            const bytes = new TextEncoder().encode(line.repeat(1000));
            for (let i = 0; i < lines / 1000; i++) controller.enqueue(bytes);
            controller.close();
          },
        }),
        { headers: { 'content-type': 'text/csv' } },
      );
    const large = counting(csv);
    const zipped = await publicPage(core, new Request('http://localhost/api/v1/open-data/partnerships.csv', { headers: { 'accept-encoding': 'gzip' } }), large.render);
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan((lines * line.length) / 10);
    expect(gunzipSync(bytes).toString()).toBe(line.repeat(lines));
    const plain = await (await publicPage(core, new Request('http://localhost/api/v1/open-data/partnerships.csv'), large.render)).text();
    expect(plain.length).toBe(lines * line.length);
    expect(plain.startsWith(line) && plain.endsWith(line)).toBe(true);
    expect(large.runs()).toBe(1);

    // Larger, gzipped, than what is kept: every asker gets the whole file, made for them, streamed.
    const tooLarge = counting(csv);
    for (let i = 0; i < 2; i++) {
      const body = await (await publicPage(core, new Request('http://localhost/api/v1/open-data/results.csv'), tooLarge.render, { keepUpTo: 1024 })).text();
      expect(body).toBe(line.repeat(lines));
    }
    // For the first asker it was begun once to be kept, given up at the limit, and made again.
    expect(tooLarge.runs()).toBe(3);
  });

  it('keeps a visitor\'s partnership page apart from the others, until a write', async () => {
    const db = withSharedReadCache(testDb.db);
    const core = coreContext({ db });
    const { render, runs } = counting();
    const get = async (path: string) => (await publicPage(core, new Request(`http://localhost${path}`), render)).text();
    const page = '/fr/partnerships/8a1c2e4f-0b6d-4c3a-9e7f-1d2b3c4d5e6f';
    expect(await get(page)).toBe('<p>page 1</p>');
    expect(await get('/fr/statistics')).toBe('<p>page 2</p>');
    // 600 other partnerships' pages: the partnership pages' own 500 are bounded, the statistics page stays.
    for (let i = 0; i < 600; i++) await get(`/fr/partnerships/8a1c2e4f-0b6d-4c3a-9e7f-${String(i).padStart(12, '0')}`);
    expect(runs()).toBe(602);
    expect(await get('/fr/statistics')).toBe('<p>page 2</p>');
    expect(await get(page)).toBe('<p>page 603</p>');
    expect(await get(page)).toBe('<p>page 603</p>');
    // Not a partnership's address: rendered each time.
    expect(await get('/fr/partnerships/new')).toBe('<p>page 604</p>');
    expect(await get('/fr/partnerships/new')).toBe('<p>page 605</p>');
    await db.transaction(async () => undefined);
    expect(await get(page)).toBe('<p>page 606</p>');
  });

  it('sends the last file made while a newer one is made, to every asker, so that no download waits for a write', async () => {
    const db = withSharedReadCache(testDb.db);
    const core = coreContext({ db });
    let runs = 0;
    let finish: (() => void) | undefined;
    // The second making waits until the test lets it finish (a file that takes long to make).
    const render = async () => {
      const run = (runs += 1);
      if (run > 1) await new Promise<void>((resolve) => (finish = resolve));
      return new Response(`[{"run":${run}}]`, { headers: { 'content-type': 'application/json' } });
    };
    const get = async (path = '/api/v1/open-data/partnerships.json') => (await publicPage(core, new Request(`http://localhost${path}`), render)).text();
    expect(await get()).toBe('[{"run":1}]');
    await db.transaction(async () => undefined);
    // Being made again: the last one goes out at once, to everyone, and it is made once.
    for (let i = 0; i < 3; i++) expect(await get()).toBe('[{"run":1}]');
    expect(runs).toBe(2);
    finish!();
    await vi.waitFor(async () => expect(await get()).toBe('[{"run":2}]'));
    expect(runs).toBe(2);
    // A page is not a file: after a write, the next visitor waits for the page made anew (it takes milliseconds).
    const made = async (path: string) => {
      finish = undefined;
      let answered = false;
      const body = get(path).then((text) => ((answered = true), text));
      await vi.waitFor(() => expect(finish).toBeDefined());
      const early = answered;
      finish!();
      return { early, body: await body };
    };
    expect(await made('/nb/open-data')).toEqual({ early: false, body: '[{"run":3}]' });
    await db.transaction(async () => undefined);
    expect(await made('/nb/open-data')).toEqual({ early: false, body: '[{"run":4}]' });
  });
});
