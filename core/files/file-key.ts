import { randomUUID } from 'node:crypto';

const folderPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A new key for a stored file: its folder and a random UUID (`application-attachments/9b2e…`), the same
 * in every store, so a file can be moved between stores under its key. The folder is the program's
 * choice, never a person's: a wrong one is a programming error.
 */
export function newFileKey(folder: string): string {
  if (!folderPattern.test(folder)) throw new Error(`file store folder must be lowercase letters, digits and hyphens: ${JSON.stringify(folder)}`);
  return `${folder}/${randomUUID()}`;
}
