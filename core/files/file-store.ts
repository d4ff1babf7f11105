import type { Database } from '../../db/database.ts';

/**
 * Where the bytes of files live (decision 010): in the database (`stored_files`, the default) or in an
 * S3-compatible bucket (FILE_STORE=s3). A record that has a file keeps only the key `put` returned;
 * use-cases reach the store through `ctx.files` and never know which one it is.
 *
 * Every method takes the database the caller is working in, its transaction where it has one: the
 * database store writes there, so a file and the record that points at it are committed or rolled back
 * together. A store outside the database ignores it. The rule both keep: a record never points at a
 * file that is not there; a failure may at most leave a file that no record points at. So a use-case
 * puts the file before it writes the record, deletes it when its transaction fails after the put, and
 * deletes a file only once the record that pointed at it is gone (after the commit).
 */
export interface FileStore {
  /** Which store this is, for logs and the start-up message. */
  readonly kind: 'database' | 's3';
  /** Stores the bytes under a new key in `folder` (for example `application-attachments`) and returns the key. */
  put(db: Database, file: FileToStore): Promise<string>;
  /** The file's bytes; `NotFoundError('file')` when nothing is stored under the key. */
  get(db: Database, key: string): Promise<Uint8Array>;
  /** Removes the file. A key with nothing stored under it is not an error. */
  delete(db: Database, key: string): Promise<void>;
}

export interface FileToStore {
  /** Lowercase letters, digits and hyphens: the first part of the key, grouping a kind of file. */
  folder: string;
  content: Uint8Array;
  /** The media type, such as `application/pdf`. */
  contentType: string;
}
