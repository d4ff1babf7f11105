import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface S3TestServer {
  endpoint: string;
  region: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** A client of its own, for tests that look into the bucket past the file store. */
  client: S3Client;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server for tests (s3rver, in this process): on a free port of 127.0.0.1, keeping
 * its objects in a new temporary directory, with one empty bucket created through the S3 API. `stop`
 * closes it and removes the directory.
 */
export async function startS3TestServer(bucket = 'exchange-files-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 's3-test-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's fixed credentials: it checks every request's signature against them.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const region = 'us-east-1';
  const client = new S3Client({ endpoint, region, credentials, forcePathStyle: true });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    region,
    bucket,
    credentials,
    client,
    async stop() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
