import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { storedFiles } from '../../db/schema/files.ts';
import { describeFileStoreContract } from '../../tests/support/file-store-contract.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { NotFoundError } from '../errors.ts';
import { databaseFileStore } from './database-file-store.ts';

const testDb = useTestDatabase();

describeFileStoreContract('the database store', () => ({ store: databaseFileStore, db: testDb.db }));

it('writes in the caller’s transaction: a rolled-back record leaves no file behind', async () => {
  const db = testDb.db;
  let key = '';
  await expect(
    db.transaction(async (tx) => {
      key = await databaseFileStore.put(tx, { folder: 'contract-tests', content: new Uint8Array([1, 2, 3]), contentType: 'application/pdf' });
      expect(await databaseFileStore.get(tx, key)).toEqual(new Uint8Array([1, 2, 3]));
      throw new Error('the record that would point at it failed');
    }),
  ).rejects.toThrow('the record that would point at it failed');
  await expect(databaseFileStore.get(db, key)).rejects.toBeInstanceOf(NotFoundError);
});

it('keeps the media type and size beside the bytes', async () => {
  const key = await databaseFileStore.put(testDb.db, { folder: 'contract-tests', content: new Uint8Array(1000), contentType: 'application/pdf' });
  const [row] = await testDb.db.select({ contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes }).from(storedFiles).where(eq(storedFiles.key, key));
  expect(row).toEqual({ contentType: 'application/pdf', sizeBytes: 1000 });
});
