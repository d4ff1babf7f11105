import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isPdf } from './is-pdf.ts';

async function realPdf() {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  return document.save();
}

describe('isPdf', () => {
  it('accepts a real PDF', async () => {
    expect(await isPdf(await realPdf())).toBe(true);
  });

  it.each([
    ['HTML behind a PDF signature', '%PDF-<html><script>alert(1)</script></html>'],
    ['a signature and an end marker with nothing between', '%PDF-1.4\n% lettre\n%%EOF\n'],
    ['an empty file', ''],
    ['plain text', 'Emergency plan'],
  ])('refuses %s', async (_label, content) => {
    expect(await isPdf(Buffer.from(content))).toBe(false);
  });

  it('refuses a real PDF cut in half', async () => {
    const pdf = await realPdf();
    expect(await isPdf(pdf.subarray(0, Math.floor(pdf.length / 2)))).toBe(false);
  });
});
