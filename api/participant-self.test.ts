import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { acceptNomination } from '../core/participants/accept-nomination.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs, jsonBody } from '../tests/support/api-as.ts';
import { nominate, participantWorld } from '../tests/support/participant-world.ts';
import { samplePdf } from '../tests/support/sample-pdf.ts';
import { samplePng } from '../tests/support/sample-images.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

/** The world's nurse with her own account, and everyone who might call the API about her. */
async function world() {
  const w = await participantWorld(testDb.db);
  const { participantId, version } = await nominate(w);
  await acceptNomination(w.as(w.host), { participantId, version });
  const person = await createUser(testDb.db, { name: 'Sita Shrestha', participantIds: [participantId] });
  const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  return { ...w, id: participantId, person: person.actor, finance: finance.actor };
}

const call = (actor: Actor | undefined, path: string, init: RequestInit = {}) => apiAs(testDb.db, actor).request(`/api/v1/participants${path}`, { ...init, headers: { 'accept-language': 'en', ...(init.headers as Record<string, string>) } });
const statusOf = async (actor: Actor | undefined, path: string, init?: RequestInit) => (await call(actor, path, init)).status;

function multipart(kind: string | null, file: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string } | null): RequestInit {
  const form = new FormData();
  if (kind !== null) form.append('kind', kind);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  return { method: 'POST', body: form };
}

const profile = { phone: '+977 98 0000 0000', homeAddress: 'Lalitpur', addressAbroad: '', languages: 'Nepali', notes: '' };
const contact = { name: 'Gita Shrestha', relation: 'Mother', phone: '+977 1 555 0101', email: 'gita@example.org' };

describe('a participant’s own data through the API', () => {
  it('is read by the parties, changed only by the person, and not found by anyone else', async () => {
    const w = await world();
    const readers: Actor[] = [w.person, w.sender.actor, w.host.actor, w.adviser.actor, w.admin.actor];
    const outsiders: Actor[] = [w.stranger.actor, w.otherAdviser.actor, w.finance];
    for (const path of ['profile', 'emergency-contacts', 'consent', 'documents']) {
      expect(await statusOf(undefined, `/${w.id}/${path}`), path).toBe(401);
      for (const reader of readers) expect(await statusOf(reader, `/${w.id}/${path}`), path).toBe(200);
      for (const outsider of outsiders) expect(await statusOf(outsider, `/${w.id}/${path}`), path).toBe(404);
      expect(await statusOf(w.admin.actor, `/not-an-id/${path}`)).toBe(404);
    }

    // The profile: first save without a version, then with the ETag; a stale one is 409 and changes nothing.
    expect(await statusOf(undefined, `/${w.id}/profile`, jsonBody('PUT', profile))).toBe(401);
    expect(await statusOf(w.sender.actor, `/${w.id}/profile`, jsonBody('PUT', profile))).toBe(403);
    expect(await statusOf(w.stranger.actor, `/${w.id}/profile`, jsonBody('PUT', profile))).toBe(404);
    const first = await call(w.person, `/${w.id}/profile`, jsonBody('PUT', profile));
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(await statusOf(w.person, `/${w.id}/profile`, jsonBody('PUT', profile))).toBe(428);
    expect(await statusOf(w.person, `/${w.id}/profile`, jsonBody('PUT', { ...profile, languages: 'Nepali, English' }, { 'if-match': etag }))).toBe(200);
    const stale = await call(w.person, `/${w.id}/profile`, jsonBody('PUT', profile, { 'if-match': etag }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'staleEdit' });
    expect(await (await call(w.host.actor, `/${w.id}/profile`)).json()).toMatchObject({ languages: 'Nepali, English' });
    const invalid = await call(w.person, `/${w.id}/profile`, jsonBody('PUT', { ...profile, phone: 'x'.repeat(41) }, { 'if-match': etag }));
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');

    // Emergency contacts.
    const added = await call(w.person, `/${w.id}/emergency-contacts`, jsonBody('POST', contact));
    expect(added.status).toBe(201);
    const body = (await added.json()) as { id: string; version: string };
    expect(added.headers.get('location')).toBe(`/api/v1/participants/${w.id}/emergency-contacts/${body.id}`);
    expect(await statusOf(w.sender.actor, `/${w.id}/emergency-contacts`, jsonBody('POST', contact))).toBe(403);
    expect(await statusOf(w.person, `/${w.id}/emergency-contacts/${body.id}`, jsonBody('PUT', contact))).toBe(428);
    expect(await statusOf(w.person, `/${w.id}/emergency-contacts/${body.id}`, jsonBody('PUT', { ...contact, relation: 'Aunt' }, { 'if-match': `"${body.version}"` }))).toBe(200);
    expect(await statusOf(w.person, `/${w.id}/emergency-contacts`, jsonBody('POST', { ...contact, email: 'not an address' }))).toBe(422);
    expect(await (await call(w.sender.actor, `/${w.id}/emergency-contacts`)).json()).toMatchObject({ items: [{ name: 'Gita Shrestha', relation: 'Aunt' }] });
    expect(await statusOf(w.host.actor, `/${w.id}/emergency-contacts/${body.id}`, { method: 'DELETE' })).toBe(403);
    expect(await statusOf(w.person, `/${w.id}/emergency-contacts/${body.id}`, { method: 'DELETE' })).toBe(204);
    expect(await statusOf(w.person, `/${w.id}/emergency-contacts/${body.id}`, { method: 'DELETE' })).toBe(404);

    // Consent.
    expect(await statusOf(w.person, `/${w.id}/consent`, jsonBody('PUT', { textVersion: 'consent.v0' }))).toBe(409);
    expect(await statusOf(w.adviser.actor, `/${w.id}/consent`, jsonBody('PUT', { textVersion: 'consent.v1' }))).toBe(403);
    const given = await call(w.person, `/${w.id}/consent`, jsonBody('PUT', { textVersion: 'consent.v1', locale: 'nb' }));
    expect(await given.json()).toMatchObject({ current: 'consent.v1', upToDate: true, given: { textVersion: 'consent.v1', locale: 'nb' } });
    expect(await (await call(w.person, `/${w.id}/consent`, { method: 'DELETE' })).json()).toMatchObject({ upToDate: false, given: null });
  });
});

describe('a participant’s documents through the API', () => {
  it('are uploaded by the person as multipart, downloaded by the parties, and reviewed by the sender or the agency', async () => {
    const w = await world();
    const pdf = await samplePdf();
    expect(await statusOf(undefined, `/${w.id}/documents`, multipart('Insurance', { bytes: pdf, name: 'i.pdf' }))).toBe(401);
    expect(await statusOf(w.sender.actor, `/${w.id}/documents`, multipart('Insurance', { bytes: pdf, name: 'i.pdf' }))).toBe(403);
    expect(await statusOf(w.stranger.actor, `/${w.id}/documents`, multipart('Insurance', { bytes: pdf, name: 'i.pdf' }))).toBe(404);
    expect(await statusOf(w.person, `/${w.id}/documents`, multipart('Passport', { bytes: pdf, name: 'p.pdf' }))).toBe(404);
    expect(await statusOf(w.person, `/${w.id}/documents`, multipart('Insurance', null))).toBe(422);
    expect(await statusOf(w.person, `/${w.id}/documents`, jsonBody('POST', { kind: 'Insurance' }))).toBeGreaterThanOrEqual(400);

    const text = await call(w.person, `/${w.id}/documents`, multipart('Insurance', { bytes: new TextEncoder().encode('hello'), name: 'i.txt' }));
    expect(text.status).toBe(422);
    expect(await text.json()).toMatchObject({ code: 'notDocumentType', errors: [{ pointer: '/file', code: 'notDocumentType' }] });
    const disguised = await call(w.person, `/${w.id}/documents`, multipart('Insurance', { bytes: samplePng(), name: 'scan', type: 'application/pdf' }));
    expect(await disguised.json()).toMatchObject({ code: 'fileContentMismatch' });
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(samplePng());
    expect(await statusOf(w.person, `/${w.id}/documents`, multipart('Insurance', { bytes: big, name: 'big.png' }))).toBe(413);

    const uploaded = await call(w.person, `/${w.id}/documents`, multipart('Insurance', { bytes: samplePng(), name: 'Forsikring Ås.png', type: 'image/png' }));
    expect(uploaded.status).toBe(201);
    const location = uploaded.headers.get('location')!;
    const documentId = location.split('/').at(-1)!;
    const listed = (await uploaded.json()) as { items: { kind: string; status: string; document: { version: string } | null }[] };
    expect(listed.items.map((i) => [i.kind, i.status])).toEqual([['Signed contract', 'missing'], ['Insurance', 'submitted']]);

    for (const reader of [w.person, w.sender.actor, w.host.actor, w.adviser.actor, w.admin.actor]) {
      const file = await call(reader, `/${w.id}/documents/${documentId}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''Forsikring%20%C3%85s.png");
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(samplePng());
    }
    for (const outsider of [w.stranger.actor, w.otherAdviser.actor, w.finance]) expect(await statusOf(outsider, `/${w.id}/documents/${documentId}`)).toBe(404);

    const version = listed.items[1]!.document!.version;
    const reviewAs = (actor: Actor, body: object, ifMatch = `"${version}"`) => call(actor, `/${w.id}/documents/${documentId}/review`, jsonBody('POST', body, { 'if-match': ifMatch }));
    expect((await reviewAs(w.host.actor, { decision: 'accept' })).status).toBe(403);
    expect((await reviewAs(w.person, { decision: 'accept' })).status).toBe(403);
    expect((await reviewAs(w.finance, { decision: 'accept' })).status).toBe(403);
    expect((await reviewAs(w.stranger.actor, { decision: 'accept' })).status).toBe(404);
    expect((await reviewAs(w.sender.actor, { decision: 'return' })).status).toBe(422);
    const returned = await reviewAs(w.sender.actor, { decision: 'return', remark: 'Unreadable.' });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({ status: 'returned' });
    expect((await reviewAs(w.adviser.actor, { decision: 'accept' })).status).toBe(409);
  });
});
