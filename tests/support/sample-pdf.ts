import { PDFDocument } from 'pdf-lib';

/**
 * A real PDF for tests of uploads, made with a PDF library so that it passes the structural check. With
 * `carrying`, those bytes travel inside it as an embedded file, so that any re-encoding on the way shows.
 */
export async function samplePdf(options: { title?: string; carrying?: Uint8Array } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const document = await PDFDocument.create();
  document.setTitle(options.title ?? 'Emergency plan');
  document.addPage([300, 300]);
  if (options.carrying) await document.attach(options.carrying, 'payload.bin', { mimeType: 'application/octet-stream' });
  const bytes = await document.save({ useObjectStreams: false });
  return new Uint8Array(bytes);
}
