import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { describeFileStoreContract } from '../../tests/support/file-store-contract.ts';
import { startS3TestServer, type S3TestServer } from '../../tests/support/s3-test-server.ts';
import { createS3FileStore, type S3FileStore } from './s3-file-store.ts';

/** The S3 store keeps nothing in the database: any use of the one it is handed fails the test. */
const noDatabase = new Proxy({}, {
  get() {
    throw new Error('the S3 file store must not use the database');
  },
}) as Database;

let s3: S3TestServer;
let store: S3FileStore;

beforeAll(async () => {
  s3 = await startS3TestServer();
  store = createS3FileStore({ endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, credentials: s3.credentials, forcePathStyle: true });
});

afterAll(async () => {
  store?.close();
  await s3?.stop();
});

describeFileStoreContract('the S3 store (s3rver)', () => ({ store, db: noDatabase }));

describe('the S3 store', () => {
  it('keeps each file as an object under its key, with its media type', async () => {
    const content = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
    const key = await store.put(noDatabase, { folder: 'application-attachments', content, contentType: 'application/pdf' });
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head).toMatchObject({ ContentType: 'application/pdf', ContentLength: content.length });
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(await object.Body!.transformToByteArray()).toEqual(content);
  });

  it('finds its bucket, and says which bucket and where when it cannot', async () => {
    await expect(store.checkBucket()).resolves.toBeUndefined();
    const elsewhere = createS3FileStore({ endpoint: s3.endpoint, region: s3.region, bucket: 'no-such-bucket', credentials: s3.credentials, forcePathStyle: true });
    try {
      await expect(elsewhere.checkBucket()).rejects.toThrow(`The file store cannot reach S3 bucket "no-such-bucket" at ${s3.endpoint}: it does not exist`);
    } finally {
      elsewhere.close();
    }
    // Nothing listens on port 1: the error says so in the SDK's words, after the bucket and the address.
    const nowhere = createS3FileStore({ endpoint: 'http://127.0.0.1:1', region: s3.region, bucket: s3.bucket, credentials: s3.credentials, forcePathStyle: true });
    try {
      await expect(nowhere.checkBucket()).rejects.toThrow(`The file store cannot reach S3 bucket "${s3.bucket}" at http://127.0.0.1:1: `);
    } finally {
      nowhere.close();
    }
  });
});
