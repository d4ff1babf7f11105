import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.ts';

/**
 * Migration 0008 (file store) carries the bytes of attachments uploaded before it into `stored_files`.
 * The database is brought to 0007 by hand, given an attachment the old way, and then migrated.
 */
const journal = JSON.parse(readFileSync(new URL('./migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] };
const tags = journal.entries.map((entry) => entry.tag);
const fileStoreMigration = tags.findIndex((tag) => tag.startsWith('0008_'));

let handle: DatabaseHandle;

async function apply(tag: string) {
  const text = readFileSync(new URL(`./migrations/${tag}.sql`, import.meta.url), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.trim()) await handle.db.execute(sql.raw(statement));
  }
}

/** The rows of a plain query (PGlite and node-postgres both answer `{ rows }`). */
async function rows<T>(query: SQL): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
  for (const tag of tags.slice(0, fileStoreMigration)) await apply(tag);
});

afterAll(async () => {
  await handle?.close();
});

it('moves existing attachments’ bytes into stored_files, every byte value intact', async () => {
  expect(fileStoreMigration).toBeGreaterThan(0);
  const bytes = Buffer.from(new Uint8Array(512).map((_, i) => (i < 256 ? i : 511 - i)));
  const id = '9b2e4c1a-5d6f-4a7b-8c9d-0e1f2a3b4c5d';
  // Only the attachment's own row matters here: its application and uploader are not checked.
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`insert into application_attachments (id, application_id, file_name, size_bytes, content, created_at)
      values (${id}, '00000000-0000-4000-8000-000000000001', 'plan.pdf', ${bytes.length}, decode(${bytes.toString('hex')}, 'hex'), '2026-11-01T10:00:00Z')`);
  });

  await apply(tags[fileStoreMigration]!);

  const attachments = await rows<{ file_key: string }>(sql`select * from application_attachments`);
  expect(attachments).toHaveLength(1);
  expect(attachments[0]).not.toHaveProperty('content');
  expect(attachments[0]!.file_key).toBe(`application-attachments/${id}`);
  const files = await rows<{ hex: string; content_type: string; size_bytes: number; created_at: string | Date }>(
    sql`select encode(content, 'hex') as hex, content_type, size_bytes, created_at from stored_files where key = ${attachments[0]!.file_key}`,
  );
  expect(files).toHaveLength(1);
  expect(files[0]).toMatchObject({ hex: bytes.toString('hex'), content_type: 'application/pdf', size_bytes: 512 });
  expect(new Date(files[0]!.created_at).toISOString()).toBe('2026-11-01T10:00:00.000Z');
  await expect(handle.db.execute(sql`insert into application_attachments (application_id, file_name, size_bytes) values ('00000000-0000-4000-8000-000000000001', 'x.pdf', 1)`)).rejects.toThrow();
});
