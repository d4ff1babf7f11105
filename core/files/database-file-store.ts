import { eq } from 'drizzle-orm';
import { storedFiles } from '../../db/schema/files.ts';
import { NotFoundError } from '../errors.ts';
import { newFileKey } from './file-key.ts';
import type { FileStore } from './file-store.ts';

/**
 * Files kept in the database, table `stored_files` (the default store). Written with the caller's
 * transaction, so the file and the record that points at it commit together, and both database engines
 * back them up the same way.
 */
export const databaseFileStore: FileStore & { readonly kind: 'database' } = {
  kind: 'database',

  async put(db, { folder, content, contentType }) {
    const key = newFileKey(folder);
    await db.insert(storedFiles).values({ key, content, contentType, sizeBytes: content.length });
    return key;
  },

  async get(db, key) {
    const [row] = await db.select({ content: storedFiles.content }).from(storedFiles).where(eq(storedFiles.key, key));
    if (!row) throw new NotFoundError('file');
    // node-postgres gives a Buffer, PGlite a Uint8Array: callers get a plain Uint8Array either way.
    return new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  },

  async delete(db, key) {
    await db.delete(storedFiles).where(eq(storedFiles.key, key));
  },
};
