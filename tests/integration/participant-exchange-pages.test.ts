import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { participantAccounts } from '../../db/schema/access.ts';
import { user } from '../../db/schema/auth.ts';
import { participantDocuments } from '../../db/schema/participants.ts';
import { sampleJpeg, samplePng } from '../support/sample-images.ts';
import { useFuzzServer } from './fuzz/fuzz-app.ts';

/** The participant's pages and the reviewers' page through the whole server, as the demo people use them. */
const server = useFuzzServer();

async function signIn(email: string): Promise<string> {
  const response = await server.request('/en/sign-in', { method: 'POST', body: new URLSearchParams({ email, password: 'exchange-demo-2026' }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: '' } });
  expect(response.status, email).toBe(302);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
}

const get = (path: string, cookie: string) => server.request(path, { headers: { cookie } });
const post = (path: string, cookie: string, body: Record<string, string> | FormData) =>
  server.request(path, body instanceof FormData ? { method: 'POST', body, headers: { cookie } } : { method: 'POST', body: new URLSearchParams(body), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
const fileForm = (bytes: Uint8Array<ArrayBuffer>, name: string) => {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return form;
};

describe('the participant’s own pages', () => {
  it('keep details, refuse a wrong file in the person’s language, and let the sending coordinator review', async () => {
    // Her coordinator's start page names her once, with every report she owes.
    const coordinatorStart = await (await get('/en/start', await signIn('coordinator.kathmandu@demo.example'))).text();
    expect(coordinatorStart).toMatch(/Sabina Thapa: 4 reports are overdue \(arrival, mid-term, final,? and home engagement\)/);
    expect(coordinatorStart.match(/Sabina Thapa:/g)).toHaveLength(1);

    const person = await signIn('participant@demo.example');
    const [{ participantId }] = (await server.db
      .select({ participantId: participantAccounts.participantId })
      .from(participantAccounts)
      .innerJoin(user, eq(user.id, participantAccounts.userId))
      .where(eq(user.email, 'participant@demo.example'))) as [{ participantId: string }];
    // The demo documents are all accepted: take the insurance away, so there is one to upload.
    await server.db.delete(participantDocuments).where(and(eq(participantDocuments.participantId, participantId), eq(participantDocuments.kind, 'Insurance')));

    const page = await get('/nb/exchange', person);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Samtykke til behandling av personopplysninger');
    expect(html).toContain('Tekstversjon: consent.v1');
    expect(html).toContain('href="/nb/exchange/documents/insurance"');
    expect(html).toContain(`href="/nb/participants/${participantId}/documents"`);

    // Her start page and the report itself say when a report she still owes fell due, and that the day has passed.
    const start = await (await get('/nb/start', person)).text();
    expect(start).toMatch(/Skriv rapporten din \(ankomst\): fristen var \d{1,2}\. \p{L}+ \d{4}/u);
    // Her one section does not repeat the page's count of things to do.
    expect(start.match(/ting å gjøre/g)).toHaveLength(1);
    expect(await (await get('/nb/exchange/reports/arrival', person)).text()).toMatch(/Frist \d{1,2}\. \p{L}+ \d{4}: fristen er passert/u);

    // Details: saved, then a second save from the same loaded version is stale and keeps what was typed.
    const fields = { intent: 'profile', version: '', phone: '+977 98 1111 2222', homeAddress: 'Patan', addressAbroad: '', languages: 'Nepali', notes: '' };
    expect((await post('/nb/exchange', person, fields)).headers.get('location')).toBe('/nb/exchange?saved=profile#profile');
    const stale = await post('/nb/exchange', person, { ...fields, phone: '+977 98 3333 4444' });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('value="+977 98 3333 4444"');
    expect(staleHtml).toContain('Noen andre');

    // An emergency contact with a bad email address: refused beside its field, nothing lost.
    const refusedContact = await post('/nb/exchange', person, { intent: 'contact', contactName: 'Gita', contactRelation: 'Mor', contactPhone: '+977 1 555', contactEmail: 'not-an-address' });
    expect(refusedContact.status).toBe(400);
    const contactHtml = await refusedContact.text();
    expect(contactHtml).toContain('href="#contactEmail"');
    expect(contactHtml).toContain('value="Gita"');

    // A text file, and a PNG named .jpg: refused in bokmål; a real PNG is taken.
    const text = await post('/nb/exchange/documents/insurance', person, fileForm(new TextEncoder().encode('hello'), 'insurance.txt'));
    expect(text.status).toBe(400);
    expect(await text.text()).toContain('Filen er ikke en PDF, JPEG eller PNG');
    const renamed = await post('/nb/exchange/documents/insurance', person, fileForm(samplePng(), 'insurance.jpg'));
    expect(await renamed.text()).toContain('men innholdet er PNG');
    expect((await post('/nb/exchange/documents/insurance', person, fileForm(samplePng(), 'forsikring.png'))).headers.get('location')).toBe('/nb/exchange?saved=document');
    expect((await get('/nb/exchange/documents/visa-work-permit', person)).status).toBe(200);
    expect((await get('/nb/exchange/documents/passport', person)).status).toBe(404);

    // The sending coordinator reviews: a return needs a remark.
    const coordinator = await signIn('coordinator.kathmandu@demo.example');
    const list = await (await get(`/en/participants/${participantId}/documents`, coordinator)).text();
    const documentId = list.match(/name="documentId" value="([0-9a-f-]{36})"/)?.[1];
    const version = list.match(/name="version" value="([^"]+)"/)?.[1];
    expect(documentId && version).toBeTruthy();
    const noRemark = await post(`/en/participants/${participantId}/documents`, coordinator, { documentId: documentId!, version: version!, decision: 'return', remark: '' });
    expect(noRemark.status).toBe(400);
    expect(await noRemark.text()).toMatch(/href="#remark-\d+"/);
    const returned = await post(`/en/participants/${participantId}/documents`, coordinator, { documentId: documentId!, version: version!, decision: 'return', remark: 'Too small to read.' });
    expect(returned.headers.get('location')).toBe(`/en/participants/${participantId}/documents?saved=returned`);
    expect(await (await get('/en/exchange/documents/insurance', person)).text()).toContain('Too small to read.');
    expect((await post('/en/exchange/documents/insurance', person, fileForm(sampleJpeg(), 'insurance.jpeg'))).status).toBe(302);

    // The download, for the person and the coordinators; an unrelated coordinator finds nothing.
    const file = await get(`/en/participants/${participantId}/documents/${documentId}`, person);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename=insurance.jpeg');
    const addis = await signIn('coordinator.addis@demo.example');
    expect((await get(`/en/participants/${participantId}/documents`, addis)).status).toBe(404);
    expect((await get(`/en/participants/${participantId}/documents/${documentId}`, addis)).status).toBe(404);
    expect((await get('/en/exchange', addis)).status).toBe(404);
  }, 600_000);
});
