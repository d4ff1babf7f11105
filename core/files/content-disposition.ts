import { create, parse } from 'content-disposition';

/**
 * The Content-Disposition header (RFC 6266) of files, both ways, through the maintained
 * `content-disposition` package: the page download, the API download and the API upload use this one
 * module, so a name is encoded and read the same way everywhere. Pure functions, no I/O.
 */

/** Path separators and control characters (C0, DEL, C1): a name never carries them into a header. */
const UNSAFE = /[/\\\p{Cc}]/gu;
/** What old clients cannot read in `filename`: anything but printable ASCII, and "%" (some decode it). */
const NOT_PLAIN_ASCII = /[^\x20-\x7e]|%/g;

/**
 * `attachment` with the file's name: exactly in `filename*` (RFC 8187, UTF-8) when it is not plain ASCII,
 * and in `filename` with "_" for every other letter, for clients that read only that. Path separators
 * and control characters become "_" in both (a lone surrogate U+FFFD), so the header is always a download of a plain file name.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.toWellFormed().replace(UNSAFE, '_');
  return create(name, { fallback: name.replace(NOT_PLAIN_ASCII, '_') });
}

/**
 * The file name a Content-Disposition request header gives: `filename*` (RFC 8187, UTF-8 or
 * ISO-8859-1) before `filename`, whatever their order. No header or no name: ''. A `filename*` that
 * cannot be decoded, with no `filename` to fall back on: undefined, for the caller to refuse rather than
 * guess. The name is returned as sent; what may be stored of it is the caller's rule.
 */
export function dispositionFileName(header: string | undefined): string | undefined {
  if (!header) return '';
  const { parameters } = parse(header);
  if (parameters.filename !== undefined) return parameters.filename;
  return parameters['filename*'] === undefined ? '' : undefined;
}
