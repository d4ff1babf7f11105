import { randomUUID } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachment, ATTACHMENT_FOLDER } from '../../core/applications/add-attachment.ts';
import { getApplication } from '../../core/applications/get-application.ts';
import { getAttachment } from '../../core/applications/get-attachment.ts';
import { removeAttachment } from '../../core/applications/remove-attachment.ts';
import { coreContext } from '../../core/context.ts';
import type { Actor } from '../../core/identity/actor.ts';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { storedFiles } from '../../db/schema/files.ts';
import { createS3FileStore, type S3FileStore } from '../../server/files/s3-file-store.ts';
import { samplePdf } from '../support/sample-pdf.ts';
import { startS3TestServer, type S3TestServer } from '../support/s3-test-server.ts';
import { useTestDatabase } from '../support/test-database.ts';

/** Application attachments through the real use-cases with FILE_STORE=s3, against a real S3-compatible server. */
const testDb = useTestDatabase();
let s3: S3TestServer;
let files: S3FileStore;

beforeAll(async () => {
  s3 = await startS3TestServer('application-files');
  files = createS3FileStore({ endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, credentials: s3.credentials, forcePathStyle: true });
});

afterAll(async () => {
  files?.close();
  await s3?.stop();
});

async function draft() {
  const db = testDb.db;
  const norway = await createOrganisation(db, { countryCode: 'NO' });
  const malawi = await createOrganisation(db, { countryCode: 'MW' });
  const application = await createApplication(db, { partners: [norway, malawi], status: 'draft' });
  const coordinator = await createUser(db, { memberships: [{ organisationId: norway.id, role: 'partner_coordinator' }] });
  const partner = await createUser(db, { memberships: [{ organisationId: malawi.id, role: 'partner_coordinator' }] });
  const as = (actor: Actor) => coreContext({ db, actor, files });
  return { application, coordinator, partner, as };
}

async function objectsInBucket() {
  const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${ATTACHMENT_FOLDER}/` }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

describe('application attachments in an S3 bucket', () => {
  it('lands in the bucket, not the database, and downloads byte for byte', async () => {
    const w = await draft();
    // Every byte value inside the PDF, about 1 MB of it, so that any re-encoding on the way shows.
    const pdf = await samplePdf({ title: 'Support letter', carrying: new Uint8Array(1024 * 1024).map((_, i) => (i * 31 + (i >> 8)) & 0xff) });
    await addAttachment(w.as(w.coordinator.actor), { applicationId: w.application.id, file: { name: 'Støttebrev.pdf', content: pdf } });

    const [listed] = (await getApplication(w.as(w.partner.actor), { applicationId: w.application.id })).attachments;
    expect(listed).toMatchObject({ fileName: 'Støttebrev.pdf', sizeBytes: pdf.length });
    const [key, ...others] = await objectsInBucket();
    expect(others).toEqual([]);
    expect(key).toMatch(new RegExp(`^${ATTACHMENT_FOLDER}/[0-9a-f-]{36}$`));
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(object.ContentType).toBe('application/pdf');
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(Buffer.from(pdf))).toBe(true);
    expect(await testDb.db.select({ key: storedFiles.key }).from(storedFiles)).toEqual([]);

    const downloaded = await getAttachment(w.as(w.partner.actor), { applicationId: w.application.id, attachmentId: listed!.id });
    expect(downloaded.fileName).toBe('Støttebrev.pdf');
    expect(Buffer.from(downloaded.content).equals(Buffer.from(pdf))).toBe(true);

    await removeAttachment(w.as(w.coordinator.actor), { applicationId: w.application.id, attachmentId: listed!.id });
    expect(await objectsInBucket()).toEqual([]);
    await expect(getAttachment(w.as(w.partner.actor), { applicationId: w.application.id, attachmentId: listed!.id })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('takes the object out of the bucket again when the record cannot be written', async () => {
    const w = await draft();
    // Allowed to edit, but not a user the database knows: the attachment's row (uploaded_by) is refused
    // after the file has gone to the bucket, and the transaction is rolled back.
    const stranger = { ...w.coordinator.actor, userId: randomUUID() } as Actor;
    const before = await objectsInBucket();
    await expect(addAttachment(w.as(stranger), { applicationId: w.application.id, file: { name: 'plan.pdf', content: await samplePdf() } })).rejects.toThrow();
    expect(await objectsInBucket()).toEqual(before);
    expect((await getApplication(w.as(w.partner.actor), { applicationId: w.application.id })).attachments).toEqual([]);
  });
});
