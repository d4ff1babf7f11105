import { describe, expect, it } from 'vitest';
import { samplePdf } from '../../tests/support/sample-pdf.ts';
import { sampleJpeg, samplePng } from '../../tests/support/sample-images.ts';
import type { DomainError } from '../errors.ts';
import { checkDocumentFile, documentContentType, MAX_DOCUMENT_BYTES, safeFileName } from './document-content.ts';

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: DomainError) => ({ code: e.code, field: e.field, params: e.params }));

describe('a participant document is what its content is', () => {
  it('recognises a PDF, a PNG and a JPEG by their bytes', async () => {
    expect(await documentContentType(await samplePdf())).toBe('application/pdf');
    expect(await documentContentType(samplePng())).toBe('image/png');
    expect(await documentContentType(sampleJpeg())).toBe('image/jpeg');
  });

  it('accepts each with a name that matches, or a name that says nothing', async () => {
    expect(await checkDocumentFile(await samplePdf(), { name: 'contract.PDF' })).toBe('application/pdf');
    expect(await checkDocumentFile(samplePng(), { name: 'insurance.png' })).toBe('image/png');
    expect(await checkDocumentFile(sampleJpeg(), { name: 'visa.jpeg' })).toBe('image/jpeg');
    expect(await checkDocumentFile(sampleJpeg(), { name: 'scan' })).toBe('image/jpeg');
  });

  it('refuses a PNG renamed .pdf, and a PNG sent as application/pdf', async () => {
    expect(await refusal(checkDocumentFile(samplePng(), { name: 'contract.pdf' }))).toEqual({ code: 'fileContentMismatch', field: 'file', params: { named: 'PDF', found: 'PNG' } });
    expect(await refusal(checkDocumentFile(samplePng(), { name: 'x', claimedType: 'application/pdf' }))).toMatchObject({ code: 'fileContentMismatch' });
  });

  it('refuses a text file, even named .pdf or starting like a PDF', async () => {
    expect(await refusal(checkDocumentFile(new TextEncoder().encode('Dear sir, here is my contract.'), { name: 'contract.txt' }))).toEqual({ code: 'notDocumentType', field: 'file', params: {} });
    expect(await refusal(checkDocumentFile(new TextEncoder().encode('%PDF-1.7\n<html>not a pdf</html>'), { name: 'contract.pdf' }))).toMatchObject({ code: 'notDocumentType' });
  });

  it('refuses an empty file and one over the size limit, before looking at the content', async () => {
    expect(await refusal(checkDocumentFile(new Uint8Array()))).toMatchObject({ code: 'chooseDocumentFile', field: 'file' });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(samplePng());
    expect(await refusal(checkDocumentFile(big, { name: 'big.png' }))).toEqual({ code: 'fileTooLarge', field: 'file', params: { max: 5 } });
  });

  it('keeps a name without path separators or control characters', () => {
    expect(safeFileName('../../etc/pass\nwd.pdf', 'application/pdf')).toBe('.._.._etc_pass_wd.pdf');
    expect(safeFileName('  ', 'image/png')).toBe('document.png');
  });
});
