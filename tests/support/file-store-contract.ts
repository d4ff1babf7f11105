import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/file-store.ts';
import type { Database } from '../../db/database.ts';

/**
 * What every file store does (core/files/file-store.ts), run against each implementation: the database
 * store (core/files/database-file-store.test.ts) and the S3 store against a real S3-compatible server
 * (server/files/s3-file-store.test.ts). `subject` is read inside the tests, after the caller's hooks ran.
 */
export function describeFileStoreContract(name: string, subject: () => { store: FileStore; db: Database }) {
  describe(`${name}: the file store contract`, () => {
    const pdf = (text: string) => ({ folder: 'contract-tests', content: new TextEncoder().encode(`%PDF-1.7 ${text}`), contentType: 'application/pdf' });

    it('gives back what was put, under a new key in its folder', async () => {
      const { store, db } = subject();
      const first = await store.put(db, pdf('first'));
      const second = await store.put(db, pdf('second'));
      expect(first).toMatch(/^contract-tests\/[0-9a-f-]{36}$/);
      expect(second).not.toBe(first);
      expect(new TextDecoder().decode(await store.get(db, first))).toBe('%PDF-1.7 first');
      expect(new TextDecoder().decode(await store.get(db, second))).toBe('%PDF-1.7 second');
    });

    it('answers a key with nothing under it as not found', async () => {
      const { store, db } = subject();
      const missing = store.get(db, 'contract-tests/00000000-0000-4000-8000-000000000000');
      await expect(missing).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.get(db, 'contract-tests/00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'notFound', status: 404 });
    });

    it('deletes a file, and takes deleting one that is not there calmly', async () => {
      const { store, db } = subject();
      const kept = await store.put(db, pdf('kept'));
      const key = await store.put(db, pdf('deleted'));
      await store.delete(db, key);
      await expect(store.get(db, key)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.delete(db, key)).resolves.toBeUndefined();
      await expect(store.delete(db, 'contract-tests/00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
      expect(new TextDecoder().decode(await store.get(db, kept))).toBe('%PDF-1.7 kept');
    });

    it('keeps every byte value, 0x00 to 0xff, exactly', async () => {
      const { store, db } = subject();
      // Each value, then each value in reverse, so that both ends are 0x00 and no text encoding survives it.
      const content = new Uint8Array(512).map((_, i) => (i < 256 ? i : 511 - i));
      const key = await store.put(db, { folder: 'contract-tests', content, contentType: 'application/octet-stream' });
      const back = await store.get(db, key);
      expect(back).toBeInstanceOf(Uint8Array);
      expect(back.length).toBe(512);
      expect(Buffer.from(back).equals(Buffer.from(content))).toBe(true);
    });

    it('keeps a 5 MB file exactly', async () => {
      const { store, db } = subject();
      // Not repetitive, so that a lost or repeated chunk shows.
      let seed = 0x2545f491;
      const content = new Uint8Array(5 * 1024 * 1024).map(() => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return seed & 0xff;
      });
      const key = await store.put(db, { folder: 'contract-tests', content, contentType: 'application/pdf' });
      const back = await store.get(db, key);
      expect(back.length).toBe(content.length);
      expect(Buffer.from(back).equals(Buffer.from(content))).toBe(true);
    });

    it('refuses a folder that is not lowercase letters, digits and hyphens', async () => {
      const { store, db } = subject();
      for (const folder of ['', '../etc', 'Attachments', 'a/b', 'a b']) {
        await expect(store.put(db, { ...pdf('x'), folder })).rejects.toThrow(/folder/);
      }
    });
  });
}
