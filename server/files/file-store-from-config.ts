import { databaseFileStore } from '../../core/files/database-file-store.ts';
import type { Config } from '../config.ts';
import { createS3FileStore, type S3FileStore } from './s3-file-store.ts';

/** The file store FILE_STORE names, with the S3_ variables (validated by server/config.ts). */
export function fileStoreFromConfig(config: Config): typeof databaseFileStore | S3FileStore {
  if (config.FILE_STORE !== 's3') return databaseFileStore;
  return createS3FileStore({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET!,
    credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
