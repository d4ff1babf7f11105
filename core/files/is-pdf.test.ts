import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isPdf } from './is-pdf.ts';

/** Node's own, taken before anything here has imported PDF.js. */
const nodeBuiltIns = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];

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

  it('leaves Node’s own Array.prototype.push, JSON.parse and JSON.stringify in place (PDF.js’s polyfills would slow every page)', async () => {
    expect(await isPdf(await realPdf())).toBe(true);
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(nodeBuiltIns);
    expect(typeof Promise.withResolvers).toBe('function');
  });

  it('refuses a real PDF cut in half', async () => {
    const pdf = await realPdf();
    expect(await isPdf(pdf.subarray(0, Math.floor(pdf.length / 2)))).toBe(false);
  });
});
