import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NotFoundError } from '../../core/errors.ts';
import { newFileKey } from '../../core/files/file-key.ts';
import type { FileStore } from '../../core/files/file-store.ts';

export interface S3FileStoreOptions {
  /** The server's address; AWS's own endpoint for the region when absent. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Without them, the AWS SDK's own chain (its environment variables, profile or instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** ENDPOINT/BUCKET/KEY rather than BUCKET.ENDPOINT/KEY (MinIO, Garage, Ceph and most others need it). */
  forcePathStyle: boolean;
}

export interface S3FileStore extends FileStore {
  readonly kind: 's3';
  readonly bucket: string;
  /** Throws an error naming the bucket and the endpoint when the bucket cannot be reached with these credentials. */
  checkBucket(): Promise<void>;
  /** Closes the client's connections. */
  close(): void;
}

/**
 * Files kept as objects in an S3-compatible bucket (FILE_STORE=s3, decision 010), each under its key.
 * The database transaction the caller passes is not used: outside the database, the use-cases keep the
 * store's rule themselves (core/files/file-store.ts).
 */
export function createS3FileStore({ endpoint, region, bucket, credentials, forcePathStyle }: S3FileStoreOptions): S3FileStore {
  const client = new S3Client({
    region,
    forcePathStyle,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    // Checksums only where an operation requires them (the SDK's behaviour before 2025): the checksum
    // headers it now adds to every upload by default are not understood by every S3-compatible server.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  return {
    kind: 's3',
    bucket,

    async put(_db, { folder, content, contentType }) {
      const key = newFileKey(folder);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: content, ContentType: contentType, ContentLength: content.length }));
      return key;
    },

    async get(_db, key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!object.Body) throw new NotFoundError('file');
        return await object.Body.transformToByteArray();
      } catch (error) {
        if (error instanceof Error && error.name === 'NoSuchKey') throw new NotFoundError('file');
        throw error;
      }
    },

    async delete(_db, key) {
      // S3 answers a key with nothing under it as a success, as the store's contract wants.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async checkBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const reason = status === 404 ? 'it does not exist' : status === 403 ? 'access is denied with these credentials' : error instanceof Error ? error.message : String(error);
        throw new Error(`The file store cannot reach S3 bucket "${bucket}" at ${endpoint ?? `AWS (${region})`}: ${reason}. Check the S3_ variables.`, { cause: error });
      }
    },

    close: () => client.destroy(),
  };
}
