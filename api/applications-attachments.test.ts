import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../core/applications/attachment-limits.ts';
import type { Actor } from '../core/identity/actor.ts';
import { createApplication } from '../db/factories/application-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

/**
 * A well-formed one-page PDF of exactly `size` bytes whose stream carries every byte value, so that any
 * re-encoding on the way would show. Written out by hand, cross-reference table included, so that it
 * passes a structural check of the file as well as a look at its first bytes.
 */
const pdfBytes = (size = 1024): Uint8Array<ArrayBuffer> => {
  const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] >>'];
  const build = (payloadLength: number) => {
    const parts: Uint8Array[] = [ascii('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
    const offsets: number[] = [];
    let length = parts[0]!.length;
    const add = (part: Uint8Array) => (parts.push(part), (length += part.length));
    objects.forEach((body, i) => (offsets.push(length), add(ascii(`${i + 1} 0 obj\n${body}\nendobj\n`))));
    offsets.push(length);
    add(ascii(`4 0 obj\n<< /Length ${payloadLength} >>\nstream\n`));
    add(Uint8Array.from({ length: payloadLength }, (_, i) => i % 256));
    add(ascii('\nendstream\nendobj\n'));
    const xref = length;
    const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    add(ascii(`xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
    const bytes = new Uint8Array(length);
    parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
    return bytes;
  };
  // The payload's length is written into the file too: settle it so that the whole is `size` bytes.
  let payload = size - build(0).length;
  for (let tries = 0; tries < 5 && build(payload).length !== size; tries++) payload += size - build(payload).length;
  return build(payload);
};

const as = (actor?: Actor) => clientAs(testDb.db, actor);

/** POST the bytes as a PDF upload (the body is the file itself), named by Content-Disposition. */
async function upload(actor: Actor | undefined, id: string, bytes: Uint8Array<ArrayBuffer>, disposition: string | null = 'attachment; filename="plan.pdf"') {
  const { data, error, response } = await as(actor).POST('/v1/applications/{id}/attachments', {
    params: { path: { id }, header: disposition === null ? {} : { 'content-disposition': disposition } },
    body: new Blob([bytes]),
    headers: { 'content-type': 'application/pdf' },
    bodySerializer: (body) => body,
  });
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, type: header('content-type'), location: header('location'), etag: header('etag'), data, error };
}

/** The attached file as a reader gets it: the answer and its bytes. */
async function download(actor: Actor | undefined, id: string, attachmentId: string) {
  return as(actor).GET('/v1/applications/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } }, parseAs: 'arrayBuffer' });
}

const remove = (actor: Actor | undefined, id: string, attachmentId: string) =>
  as(actor).DELETE('/v1/applications/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } });

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
    const file = added.data!.emergency.attachments[0]!;
    expect(file).toMatchObject({ fileName: 'Beredskapsplan Ås €.pdf', sizeBytes: bytes.length });
    expect(added.location).toBe(`/api/v1/applications/${w.id}/attachments/${file.id}`);
    expect(added.etag).toBe(`"${added.data!.version}"`);

    // Every reader of the application downloads it: the other partner's coordinator and the coordinator's finance staff.
    for (const reader of [w.meron, w.eirik, w.addisFinance]) {
      const { data, response } = await download(reader, w.id, file.id);
      expect(response.status).toBe(200);
      expect(new Uint8Array(data!)).toEqual(bytes);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="Beredskapsplan _s _.pdf"; filename*=UTF-8''Beredskapsplan%20%C3%85s%20%E2%82%AC.pdf`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    }

    const removed = await remove(w.meron, w.id, file.id);
    expect(removed.response.status).toBe(200);
    expect(removed.data!.emergency.attachments).toEqual([]);
    const gone = await download(w.meron, w.id, file.id);
    expect(gone.response.status).toBe(404);
    expect(gone.response.headers.get('content-type')).toContain('application/problem+json');
    // Deleting again changes nothing, like the other removals.
    expect((await remove(w.meron, w.id, file.id)).response.status).toBe(200);
  });

  it('takes the name from filename or filename*, and never lets a path separator through', async () => {
    const w = await world();
    const names = async (disposition: string | null) => {
      const added = await upload(w.meron, w.id, pdfBytes(), disposition);
      expect(added.status, String(disposition)).toBe(201);
      return added.data!.emergency.attachments.at(-1)!.fileName;
    };
    expect(await names('attachment; filename="../../etc/passwd.pdf"')).toBe('.._.._etc_passwd.pdf');
    expect(await names('attachment; filename="C:\\\\Users\\\\meron\\\\plan \\"final\\".pdf"')).toBe('C:_Users_meron_plan "final".pdf');
    expect(await names("attachment; filename*=UTF-8''..%2F..%2Fsecret.pdf")).toBe('.._.._secret.pdf');
    expect(await names('attachment; filename=letter.pdf')).toBe('letter.pdf');
    expect(await names("attachment; filename=\"fallback.pdf\"; filename*=iso-8859-1'nb'S%F8knad.pdf")).toBe('Søknad.pdf');
    expect(await names("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E0%A4")).toBe('fallback.pdf');
    expect(await names(null)).toBe('document.pdf');

    const separators = (await upload(w.meron, w.id, pdfBytes(), 'attachment; filename="a/b\\\\c.pdf"')).data!.emergency.attachments.at(-1)!;
    const header = (await download(w.meron, w.id, separators.id)).response.headers.get('content-disposition');
    expect(header).toBe('attachment; filename=a_b_c.pdf');

    const unreadable = await upload(w.meron, w.id, pdfBytes(), "attachment; filename*=UTF-8''%E0%A4");
    expect(unreadable).toMatchObject({ status: 400, error: { code: 'invalid', errors: [{ header: 'content-disposition', code: 'invalid' }] } });
  });

  it('refuses what is not a PDF, too large or one too many, as problem+json', async () => {
    const w = await world();
    const notPdf = await upload(w.meron, w.id, new TextEncoder().encode('<html>hello</html>'));
    expect(notPdf).toMatchObject({ status: 422, type: 'application/problem+json', error: { code: 'notPdf', errors: [{ pointer: '', code: 'notPdf' }] } });
    expect((await upload(w.meron, w.id, new Uint8Array())).error).toMatchObject({ status: 422, code: 'chooseFile' });
    // Sent as another media type than the document names: deliberately malformed, so a raw request.
    const octetStream = await apiAs(testDb.db, w.meron).request(`/api/v1/applications/${w.id}/attachments`, { method: 'POST', body: pdfBytes(), headers: { 'content-type': 'application/octet-stream' } });
    expect(octetStream.status).toBe(415);
    expect(await octetStream.json()).toMatchObject({ code: 'notPdf', errors: [{ header: 'content-type', code: 'notPdf' }] });

    // Between the attachment limit (5 MB) and the server's body limit (6 MB): the core's own refusal, as 413.
    const large = await upload(w.meron, w.id, pdfBytes(MAX_ATTACHMENT_BYTES + 512 * 1024));
    expect(large).toMatchObject({ status: 413, type: 'application/problem+json', error: { code: 'fileTooLarge', detail: 'The file is larger than 5 MB: make it smaller or split it.' } });
    // Exactly at the limit is accepted.
    expect((await upload(w.meron, w.id, pdfBytes(MAX_ATTACHMENT_BYTES))).status).toBe(201);

    for (let i = 1; i < 10; i++) expect((await upload(w.meron, w.id, pdfBytes())).status).toBe(201);
    const eleventh = await upload(w.meron, w.id, pdfBytes());
    expect(eleventh).toMatchObject({ status: 422, error: { code: 'tooManyFiles', detail: 'An application can have at most 10 attachments: remove one first.' } });
  });

  it('refuses by role and visibility: 401, 403, 404, and 409 once submitted', async () => {
    const w = await world();
    const file = (await upload(w.meron, w.id, pdfBytes())).data!.emergency.attachments[0]!;

    expect(await upload(undefined, w.id, pdfBytes())).toMatchObject({ status: 401, error: { code: 'unauthenticated' } });
    expect(await upload(w.addisFinance, w.id, pdfBytes())).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    expect(await upload(w.adviser, w.id, pdfBytes())).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    // A partner's coordinator reads the application but only the coordinating partner changes it.
    expect(await upload(w.eirik, w.id, pdfBytes())).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    expect((await remove(w.eirik, w.id, file.id)).response.status).toBe(403);
    // Another organisation's coordinator cannot tell the application exists.
    expect(await upload(w.outsider, w.id, pdfBytes())).toMatchObject({ status: 404, error: { code: 'notFound' } });
    expect((await download(w.outsider, w.id, file.id)).response.status).toBe(404);
    expect((await remove(w.outsider, w.id, file.id)).response.status).toBe(404);
    // A draft is the partners' own: the agency sees neither it nor its files.
    expect((await download(w.adviser, w.id, file.id)).response.status).toBe(404);
    expect((await download(undefined, w.id, file.id)).response.status).toBe(401);
    expect((await download(w.nobody, w.id, file.id)).response.status).toBe(403);
    expect((await download(w.meron, w.id, 'not-an-id')).response.status).toBe(404);

    const submitted = await world('submitted');
    const locked = await upload(submitted.meron, submitted.id, pdfBytes());
    expect(locked).toMatchObject({ status: 409, type: 'application/problem+json', error: { code: 'applicationLocked' } });
    expect((await remove(submitted.meron, submitted.id, file.id)).response.status).toBe(409);
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
