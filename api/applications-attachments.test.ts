import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../core/applications/application-attachments.ts';
import type { Actor } from '../core/identity/actor.ts';
import { createApplication } from '../db/factories/application-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

/** A small PDF with every byte value in it, so that any re-encoding on the way would show. */
const pdfBytes = (size = 600) => {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  for (let i = 9; i < size; i++) bytes[i] = i % 256;
  return bytes;
};

async function send(actor: Actor | undefined, method: string, path: string, init: { body?: Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {}) {
  return apiAs(testDb.db, actor).request(`/api/v1/applications${path}`, { method, body: init.body, headers: init.headers });
}

/** POST the bytes as a PDF upload, named by Content-Disposition. */
async function upload(actor: Actor | undefined, id: string, body: Uint8Array<ArrayBuffer>, disposition: string | null = 'attachment; filename="plan.pdf"', type = 'application/pdf') {
  const headers: Record<string, string> = { 'content-type': type, ...(disposition === null ? {} : { 'content-disposition': disposition }) };
  const response = await send(actor, 'POST', `/${id}/attachments`, { body, headers });
  return { status: response.status, type: response.headers.get('content-type'), location: response.headers.get('location'), etag: response.headers.get('etag'), body: await response.json() };
}

async function world(status = 'draft') {
  const db = testDb.db;
  const addis = await createOrganisation(db, { legalName: 'Addis Ababa College of Nursing', countryCode: 'ET' });
  const bergen = await createOrganisation(db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO' });
  const lusaka = await createOrganisation(db, { legalName: 'Lusaka Teaching Hospital', countryCode: 'ZM' });
  const application = await createApplication(db, { partners: [addis, bergen], status });
  const meron = await createUser(db, { memberships: [{ organisationId: addis.id, role: 'partner_coordinator' }] });
  const eirik = await createUser(db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const addisFinance = await createUser(db, { memberships: [{ organisationId: addis.id, role: 'partner_finance' }] });
  const outsider = await createUser(db, { memberships: [{ organisationId: lusaka.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  const nobody = await createUser(db, {});
  return { id: application.id, meron: meron.actor, eirik: eirik.actor, addisFinance: addisFinance.actor, outsider: outsider.actor, adviser: adviser.actor, nobody: nobody.actor };
}

describe('application attachments through the API', () => {
  it('uploads a PDF, downloads the identical bytes, and deletes it', async () => {
    const w = await world();
    const bytes = pdfBytes();
    const added = await upload(w.meron, w.id, bytes, "attachment; filename*=UTF-8''Beredskapsplan%20%C3%85s%20%E2%82%AC.pdf");
    expect(added.status).toBe(201);
    const [file] = added.body.emergency.attachments;
    expect(file).toMatchObject({ fileName: 'Beredskapsplan Ås €.pdf', sizeBytes: bytes.length });
    expect(added.location).toBe(`/api/v1/applications/${w.id}/attachments/${file.id}`);
    expect(added.etag).toBe(`"${added.body.version}"`);

    // Every reader of the application downloads it: the other partner's coordinator and the coordinator's finance staff.
    for (const reader of [w.meron, w.eirik, w.addisFinance]) {
      const download = await apiAs(testDb.db, reader).request(added.location!);
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
      expect(Object.fromEntries(download.headers)).toMatchObject({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="Beredskapsplan _s _.pdf"; filename*=UTF-8''Beredskapsplan%20%C3%85s%20%E2%82%AC.pdf`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    }

    const removed = await send(w.meron, 'DELETE', `/${w.id}/attachments/${file.id}`);
    expect(removed.status).toBe(200);
    expect((await removed.json()).emergency.attachments).toEqual([]);
    const gone = await apiAs(testDb.db, w.meron).request(added.location!);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/problem+json');
    // Deleting again changes nothing, like the other removals.
    expect((await send(w.meron, 'DELETE', `/${w.id}/attachments/${file.id}`)).status).toBe(200);
  });

  it('takes the name from filename or filename*, and never lets a path separator through', async () => {
    const w = await world();
    const names = async (disposition: string | null) => {
      const added = await upload(w.meron, w.id, pdfBytes(), disposition);
      expect(added.status, String(disposition)).toBe(201);
      return added.body.emergency.attachments.at(-1).fileName;
    };
    expect(await names('attachment; filename="../../etc/passwd.pdf"')).toBe('.._.._etc_passwd.pdf');
    expect(await names('attachment; filename="C:\\\\Users\\\\meron\\\\plan \\"final\\".pdf"')).toBe('C:_Users_meron_plan "final".pdf');
    expect(await names("attachment; filename*=UTF-8''..%2F..%2Fsecret.pdf")).toBe('.._.._secret.pdf');
    expect(await names('attachment; filename=letter.pdf')).toBe('letter.pdf');
    expect(await names("attachment; filename=\"fallback.pdf\"; filename*=iso-8859-1'nb'S%F8knad.pdf")).toBe('Søknad.pdf');
    expect(await names("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E0%A4")).toBe('fallback.pdf');
    expect(await names(null)).toBe('document.pdf');

    const header = (await apiAs(testDb.db, w.meron).request((await upload(w.meron, w.id, pdfBytes(), 'attachment; filename="a/b\\\\c.pdf"')).location!)).headers.get('content-disposition');
    expect(header).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a_b_c.pdf`);

    const unreadable = await upload(w.meron, w.id, pdfBytes(), "attachment; filename*=UTF-8''%E0%A4");
    expect(unreadable).toMatchObject({ status: 400, body: { code: 'invalid', errors: [{ header: 'content-disposition', code: 'invalid' }] } });
  });

  it('refuses what is not a PDF, too large or one too many, as problem+json', async () => {
    const w = await world();
    const notPdf = await upload(w.meron, w.id, new TextEncoder().encode('<html>hello</html>'));
    expect(notPdf).toMatchObject({ status: 422, type: 'application/problem+json', body: { code: 'notPdf', errors: [{ pointer: '', code: 'notPdf' }] } });
    expect((await upload(w.meron, w.id, new Uint8Array())).body).toMatchObject({ status: 422, code: 'chooseFile' });
    const octetStream = await upload(w.meron, w.id, pdfBytes(), null, 'application/octet-stream');
    expect(octetStream).toMatchObject({ status: 415, body: { code: 'notPdf', errors: [{ header: 'content-type', code: 'notPdf' }] } });

    // Between the attachment limit (5 MB) and the server's body limit (6 MB): the core's own refusal, as 413.
    const large = await upload(w.meron, w.id, pdfBytes(MAX_ATTACHMENT_BYTES + 512 * 1024));
    expect(large).toMatchObject({ status: 413, type: 'application/problem+json', body: { code: 'fileTooLarge', detail: 'The file is larger than 5 MB: make it smaller or split it.' } });
    // Exactly at the limit is accepted.
    expect((await upload(w.meron, w.id, pdfBytes(MAX_ATTACHMENT_BYTES))).status).toBe(201);

    for (let i = 1; i < 10; i++) expect((await upload(w.meron, w.id, pdfBytes())).status).toBe(201);
    const eleventh = await upload(w.meron, w.id, pdfBytes());
    expect(eleventh).toMatchObject({ status: 422, body: { code: 'tooManyFiles', detail: 'An application can have at most 10 attachments: remove one first.' } });
  });

  it('refuses by role and visibility: 401, 403, 404, and 409 once submitted', async () => {
    const w = await world();
    const file = (await upload(w.meron, w.id, pdfBytes())).body.emergency.attachments[0];
    const fileUrl = `/${w.id}/attachments/${file.id}`;

    expect(await upload(undefined, w.id, pdfBytes())).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect(await upload(w.addisFinance, w.id, pdfBytes())).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(await upload(w.adviser, w.id, pdfBytes())).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    // A partner's coordinator reads the application but only the coordinating partner changes it.
    expect(await upload(w.eirik, w.id, pdfBytes())).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect((await send(w.eirik, 'DELETE', fileUrl)).status).toBe(403);
    // Another organisation's coordinator cannot tell the application exists.
    expect(await upload(w.outsider, w.id, pdfBytes())).toMatchObject({ status: 404, body: { code: 'notFound' } });
    expect((await send(w.outsider, 'GET', fileUrl)).status).toBe(404);
    expect((await send(w.outsider, 'DELETE', fileUrl)).status).toBe(404);
    // A draft is the partners' own: the agency sees neither it nor its files.
    expect((await send(w.adviser, 'GET', fileUrl)).status).toBe(404);
    expect((await send(undefined, 'GET', fileUrl)).status).toBe(401);
    expect((await send(w.nobody, 'GET', fileUrl)).status).toBe(403);
    expect((await send(w.meron, 'GET', `/${w.id}/attachments/not-an-id`)).status).toBe(404);

    const submitted = await world('submitted');
    const locked = await upload(submitted.meron, submitted.id, pdfBytes());
    expect(locked).toMatchObject({ status: 409, type: 'application/problem+json', body: { code: 'applicationLocked' } });
    expect((await send(submitted.meron, 'DELETE', `/${submitted.id}/attachments/${file.id}`)).status).toBe(409);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await (await apiAs(testDb.db).request('/api/openapi.json')).json();
    const post = doc.paths['/v1/applications/{id}/attachments'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['application/pdf']);
    expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'content-disposition']));
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422']);
    const item = doc.paths['/v1/applications/{id}/attachments/{attachmentId}'];
    expect(Object.keys(item.get.responses['200'].content)).toEqual(['application/pdf']);
    expect(item.delete.security).toEqual([{ sessionCookie: [] }]);
  });
});
