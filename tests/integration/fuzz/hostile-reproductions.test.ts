import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../i18n/translator.ts';
import { publicUrl } from '../../support/in-process-app.ts';
import { useFuzzServer } from './fuzz-app.ts';
import { fuzzIds } from './fuzz-ids.ts';
import { expectHeld } from './fuzz-pages.ts';

/** The inputs that answered 500 or redirected off-site before (issue 8), each kept as a regression test. */
const server = useFuzzServer();
const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const json = (method: string, body: string) => ({ method, body, headers: { 'content-type': 'application/json', 'accept-language': 'fr' } });

async function problem(response: Response) {
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as { status: number; code: string; errors?: { pointer?: string; parameter?: string; code: string; detail: string }[] };
}

describe('hostile input of issue 8', () => {
  it('refuses NUL in a query and in a body with the field named, in the asker’s language', async () => {
    const query = await problem(await server.request('/api/v1/organisations?q=%00'));
    expect(query.errors?.[0]).toMatchObject({ parameter: 'q', code: 'invalidCharacters' });
    const created = await problem(await server.request('/api/v1/organisations', json('POST', JSON.stringify({ legalName: 'a\u0000b', countryCode: 'NP', city: 'Pokhara', organisationType: '22' }))));
    expect(created.status).toBe(422);
    expect(created.errors).toContainEqual(expect.objectContaining({ pointer: '/legalName', code: 'invalidCharacters', detail: createTranslator('fr').t('error.invalidCharacters') }));
  });

  it('refuses a lone surrogate in JSON instead of failing on the audit entry', async () => {
    const refused = await problem(await server.request('/api/v1/organisations', json('POST', '{"legalName":"\\udfff\\ud800","countryCode":"NP","city":"Pokhara","organisationType":"22"}')));
    expect(refused.errors).toContainEqual(expect.objectContaining({ pointer: '/legalName', code: 'invalidCharacters' }));
  });

  it('refuses a forged cursor on every list, anonymously too', async () => {
    for (const [path, cookie] of [['/api/v1/organisations', 'none'], ['/api/v1/partnerships', 'none'], ['/api/v1/applications', undefined]] as const) {
      const refused = await problem(await server.request(`${path}?after=WyJhIiwiYiJd`, cookie ? { headers: { cookie } } : {}));
      expect(refused.status, path).toBe(400);
      expect(refused.errors?.[0], path).toMatchObject({ parameter: 'after', code: 'invalidCursor' });
    }
    for (const page of ['/en/organisations', '/nb/partnerships', '/fr/applications']) {
      const response = await server.request(`${page}?after=WyJhIiwiYiJd`);
      expect(response.status, page).toBe(400);
      await expectHeld(response, page);
    }
  });

  it('answers ids that are not UUIDs as not found, never as a database error', async () => {
    const ids = await fuzzIds(server.db);
    expect((await server.request(`/api/v1/applications/${ids.draft}/partners/not-a-uuid`, { method: 'DELETE' }, 'coordinator')).status).toBeLessThan(500);
    await expectHeld(await server.request(`/en/applications/${ids.draft}/edit/partners`, form({ intent: 'remove', organisationId: '' }), 'coordinator'), 'partners step');
    await expectHeld(await server.request('/en/invitations', form({ intent: 'revoke', id: 'notauuid' })), 'revoke');
    await expectHeld(await server.request('/en/admin/users', form({ intent: 'anonymise', userId: 'a\u0000b' })), 'admin users');
    await expectHeld(await server.request('/en/account', form({ intent: 'revoke-session', token: 'a\u0000b' })), 'account');
    const basics = await server.request(`/en/applications/${ids.draft}/edit/basics`, form({ title: 'a\u0000b', summary: 'x', intent: 'stay' }), 'coordinator');
    expect(basics.status).toBe(400);
    expect(await basics.clone().text()).toContain(createTranslator('en').t('error.invalidCharacters').replace(/'/g, '&#x27;'));
    await expectHeld(basics, 'basics');
  });

  it('answers a download that is not there with the page that says so, in the page’s language', async () => {
    const ids = await fuzzIds(server.db);
    for (const attachment of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await server.request(`/fr/applications/${ids.draft}/attachments/${attachment}`, {}, 'coordinator');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('lang="fr"');
      expect(html).toContain(createTranslator('fr').t('error.notFound.title').replace(/'/g, '&#x27;'));
    }
  });

  it('answers a page action sent something other than a form with a page in its language (415, 400)', async () => {
    for (const [type, body, status] of [
      ['application/json', '{"title":"x"}', 415],
      ['text/plain', 'title=x', 415],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', 400],
    ] as const) {
      const response = await server.request('/nb/organisations/new', { method: 'POST', body, headers: { 'content-type': type } });
      expect(response.status, type).toBe(status);
      const html = await response.clone().text();
      expect(html).toContain('lang="nb"');
      await expectHeld(response, type);
    }
  });

  it('sends a person who signed in only to a path on this site (no open redirect, no 500)', async () => {
    for (const next of ['/\t/evil.example/', '/en/\n', '/en/\r', '/en/\u3000', '//evil.example/']) {
      const response = await server.request('/en/sign-in', form({ email: 'fuzz@agency.example', password: 'fuzz-password-2026', next }));
      expect(response.status, JSON.stringify(next)).toBe(302);
      const location = response.headers.get('location')!;
      expect(new URL(location, publicUrl).origin, JSON.stringify(next)).toBe(publicUrl);
      expect(location).toBe('/en/start');
    }
  });

  it('answers a body over the one size limit with the styled page in the page’s language, and problem+json on the API', async () => {
    const ids = await fuzzIds(server.db);
    const big = new FormData();
    big.append('intent', 'upload');
    big.append('file', new Blob([new Uint8Array(7 * 1024 * 1024).fill(37)], { type: 'application/pdf' }), 'huge.pdf');
    const page = await server.request(`/fr/applications/${ids.draft}/edit/emergency`, { method: 'POST', body: big }, 'coordinator');
    expect(page.status).toBe(413);
    const html = await page.clone().text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain(createTranslator('fr').t('error.requestTooLarge', { max: 5 }).replace(/'/g, '&#x27;'));
    await expectHeld(page, 'page 413');
    const api = await problem(await server.request(`/api/v1/applications/${ids.draft}/attachments`, { method: 'POST', body: new Uint8Array(7 * 1024 * 1024), headers: { 'content-type': 'application/pdf' } }));
    expect(api).toMatchObject({ status: 413, code: 'requestTooLarge' });
  });

  it('offers a finance officer no comment, score or decision on the review page; an adviser gets them', async () => {
    const ids = await fuzzIds(server.db);
    const cookieOf = async (email: string) => {
      const signedIn = await server.request('/en/sign-in', { ...form({ email, password: 'exchange-demo-2026' }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: '' } });
      return signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    };
    const finance = await (await server.request(`/en/applications/${ids.submitted}/review`, { headers: { cookie: await cookieOf('finance@demo.example') } })).text();
    expect(finance).not.toContain('value="comment"');
    expect(finance).not.toContain('value="start-review"');
    const adviser = await (await server.request(`/en/applications/${ids.submitted}/review`, { headers: { cookie: await cookieOf('adviser@demo.example') } })).text();
    expect(adviser).toContain('value="comment"');
    expect(adviser).toContain('value="start-review"');
  });

  it('says "Saved" only when nothing was refused, even at an address that says saved', async () => {
    const ids = await fuzzIds(server.db);
    const refused = await server.request(`/en/applications/${ids.draft}/edit/basics?saved=1`, form({ title: 'x', summary: '', intent: 'stay' }), 'coordinator');
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html, html.slice(html.indexOf('<main'), html.indexOf('<main') + 1500)).toContain('role="alert"');
    expect(html).not.toContain('role="status"');
  });

  it('refuses a reset link whose token the database could not even read (NUL), in the reader’s language', async () => {
    const refused = await server.request('/nb/reset-password', form({ token: '\u0000==&E-vz"a1e309', password: 'a-long-enough-password', passwordRepeat: 'a-long-enough-password' }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(createTranslator('nb').t('error.linkInvalid').slice(0, 30));
  });
});
