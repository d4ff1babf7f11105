import { eq } from 'drizzle-orm';
import { applicationAttachments } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requireUser } from '../identity/permissions.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { isPdf } from '../files/is-pdf.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachment-limits.ts';

/** Where attachments' files go in the file store: their keys start `application-attachments/`. */
export const ATTACHMENT_FOLDER = 'application-attachments';

export async function addAttachment(ctx: CoreContext, { applicationId: id, file }: { applicationId: string; file: { name: string; content: Uint8Array } }) {
  const actor = requireUser(ctx.actor);
  if (file.content.length === 0) throw new DomainError('chooseFile', { field: 'file' });
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new DomainError('fileTooLarge', { field: 'file', params: { max: 5 } });
  if (!(await isPdf(file.content))) throw new DomainError('notPdf', { field: 'file' });
  // Path separators and control characters never reach a Content-Disposition header.
  const fileName = [...file.name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(-150) || 'document.pdf';
  let fileKey: string | undefined;
  try {
    await ctx.db.transaction(async (tx) => {
      await lockEditableApplication(ctx, tx, id);
      const existing = await tx.select({ id: applicationAttachments.id }).from(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
      if (existing.length >= MAX_ATTACHMENTS) throw new DomainError('tooManyFiles', { field: 'file', params: { max: MAX_ATTACHMENTS } });
      // The file first, then the record that points at it (core/files/file-store.ts).
      fileKey = await ctx.files.put(tx, { folder: ATTACHMENT_FOLDER, content: file.content, contentType: 'application/pdf' });
      const [row] = await tx
        .insert(applicationAttachments)
        .values({ applicationId: id, fileName, sizeBytes: file.content.length, fileKey, uploadedBy: actor.userId })
        .returning({ id: applicationAttachments.id });
      await touchApplication(tx, id);
      await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.attachment-added', recordType: 'application', recordId: id, after: { attachmentId: row!.id, fileName, sizeBytes: file.content.length } });
    });
  } catch (error) {
    // Rolled back, so no record points at the file; a store outside the database still holds it. Should
    // removing it fail, that only leaves an unreferenced file: the refusal to report is the original one.
    if (fileKey !== undefined) await ctx.files.delete(ctx.db, fileKey).catch(() => undefined);
    throw error;
  }
}
