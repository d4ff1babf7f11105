/**
 * A PDF file, checked by its structure with Mozilla's PDF.js, not by its name, the type the browser
 * claims or its first bytes: "%PDF-" followed by HTML is not a PDF. PDF.js is loaded on first use only,
 * so starting the server does not pay for it.
 */
export async function isPdf(content: Uint8Array): Promise<boolean> {
  if (content.length < 8 || Buffer.from(content.subarray(0, 5)).toString('latin1') !== '%PDF-') return false;
  const { getDocument } = await loadPdfJs();
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

/**
 * The built-ins PDF.js's legacy build (its core-js polyfills) replaces for the whole process when it is
 * first imported, although Node's own are correct for everything this server does: Array.prototype.push,
 * JSON.parse and JSON.stringify become JavaScript functions, which every page's rendering, every
 * driver and React Router's serialisation then run through (found in a CPU profile of `npm run bench`,
 * the demo data's PDFs having loaded PDF.js at start). What it adds (Promise.withResolvers, the Set
 * methods, ...) stays: PDF.js needs those on Node 20.
 */
const restoredBuiltIns: [object, PropertyKey][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

let pdfJs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/**
 * PDF.js, imported once, with the built-ins it replaced put back. Its worker's module (which carries the
 * same polyfills and which PDF.js would otherwise import at the first document) is imported here too: it
 * registers itself as `globalThis.pdfjsWorker`, where PDF.js looks first.
 */
function loadPdfJs() {
  return (pdfJs ??= (async () => {
    const saved = restoredBuiltIns.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
    try {
      const pdf = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // @ts-expect-error -- the worker's module has no type declarations; only its side effect is wanted.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdf;
    } finally {
      for (const [owner, key, descriptor] of saved) if (descriptor) Object.defineProperty(owner, key, descriptor);
    }
  })());
}
