import { fileTypeFromBuffer } from 'file-type';
import { MAX_ATTACHMENT_BYTES } from '../applications/attachment-limits.ts';
import { DomainError } from '../errors.ts';
import { isPdf } from '../files/is-pdf.ts';

/** The kinds of file a participant's document may be, as found from its content. */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** The same limit as an application's attachments (core/applications/attachment-limits.ts): the server's body limit is built on it. */
export const MAX_DOCUMENT_BYTES = MAX_ATTACHMENT_BYTES;
export const MAX_DOCUMENT_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/**
 * What a file really is, from its content, never its name or the type a browser claims: a PDF by its
 * structure (core/files/is-pdf.ts), a JPEG or PNG by its signature (file-type). Anything else is null.
 */
export async function documentContentType(content: Uint8Array): Promise<DocumentContentType | null> {
  const found = await fileTypeFromBuffer(content);
  if (found?.mime === 'image/jpeg' || found?.mime === 'image/png') return found.mime;
  if (await isPdf(content)) return 'application/pdf';
  return null;
}

/** The type a file name's extension says, for the extensions of the three kinds; any other name says nothing. */
export function typeNamed(name: string): DocumentContentType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === 'pdf') return 'application/pdf';
  if (extension === 'png') return 'image/png';
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  return null;
}

/**
 * The checks an uploaded document passes before anything is stored: a file was chosen, it is within the
 * size limit, and its content is a PDF, JPEG or PNG. A file whose name (or, through the API, whose
 * Content-Type) says one of the three but whose content is another is refused too: a reviewer would
 * download "insurance.pdf" and get a picture. Refusals name the field `file`.
 */
export async function checkDocumentFile(content: Uint8Array, { name = '', claimedType }: { name?: string; claimedType?: string } = {}): Promise<DocumentContentType> {
  if (content.length === 0) throw new DomainError('chooseDocumentFile', { field: 'file' });
  if (content.length > MAX_DOCUMENT_BYTES) throw new DomainError('fileTooLarge', { field: 'file', params: { max: MAX_DOCUMENT_MB } });
  const type = await documentContentType(content);
  if (!type) throw new DomainError('notDocumentType', { field: 'file' });
  const claimed = claimedType ?? typeNamed(name);
  if (claimed && claimed !== type) throw new DomainError('fileContentMismatch', { field: 'file', params: { named: kindName[claimed as DocumentContentType] ?? claimed, found: kindName[type] } });
  return type;
}

const kindName: Record<DocumentContentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** A file name safe to keep and to put in a Content-Disposition header later: no path separators or control characters, at most 150 characters. */
export function safeFileName(name: string, type: DocumentContentType): string {
  const cleaned = [...name.toWellFormed()].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '_' : c)).join('').slice(-150).trim();
  return cleaned || `document.${type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'}`;
}
