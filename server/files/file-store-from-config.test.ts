import { expect, it } from 'vitest';
import { databaseFileStore } from '../../core/files/database-file-store.ts';
import { loadConfig } from '../config.ts';
import { fileStoreFromConfig } from './file-store-from-config.ts';

it('is the database store unless FILE_STORE=s3, and then the named bucket', () => {
  expect(fileStoreFromConfig(loadConfig({}))).toBe(databaseFileStore);
  const s3 = fileStoreFromConfig(loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'exchange-files', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' }));
  expect(s3).toMatchObject({ kind: 's3', bucket: 'exchange-files' });
  if (s3.kind === 's3') s3.close();
});
