/**
 * A PDF file, checked by its structure with Mozilla's PDF.js, not by its name, the type the browser
 * claims or its first bytes: "%PDF-" followed by HTML is not a PDF. PDF.js is loaded on first use only,
 * so starting the server does not pay for it.
 */
export async function isPdf(content: Uint8Array): Promise<boolean> {
  if (content.length < 8 || Buffer.from(content.subarray(0, 5)).toString('latin1') !== '%PDF-') return false;
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay intact.
  const task = getDocument({ data: new Uint8Array(content), verbosity: 0, isEvalSupported: false, stopAtErrors: true, disableFontFace: true, useSystemFonts: false });
  try {
    const document = await task.promise;
    const pages = document.numPages;
    await document.destroy();
    return pages > 0;
  } catch {
    return false;
  } finally {
    await task.destroy();
  }
}
