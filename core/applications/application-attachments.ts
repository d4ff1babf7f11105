import { and, eq } from 'drizzle-orm';
import { applicationAttachments } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requireUser } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { isRecordId } from '../records/record-id.ts';
import { isPdf } from '../files/is-pdf.ts';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

export async function addAttachment(ctx: CoreContext, id: string, file: { name: string; content: Uint8Array }) {
  const actor = requireUser(ctx.actor);
  if (file.content.length === 0) throw new DomainError('chooseFile', { field: 'file' });
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new DomainError('fileTooLarge', { field: 'file', params: { max: 5 } });
  if (!(await isPdf(file.content))) throw new DomainError('notPdf', { field: 'file' });
  // Path separators and control characters never reach a Content-Disposition header.
  const fileName = [...file.name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(-150) || 'document.pdf';
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    const existing = await tx.select({ id: applicationAttachments.id }).from(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
    if (existing.length >= MAX_ATTACHMENTS) throw new DomainError('tooManyFiles', { field: 'file', params: { max: MAX_ATTACHMENTS } });
    const [row] = await tx
      .insert(applicationAttachments)
      .values({ applicationId: id, fileName, sizeBytes: file.content.length, content: file.content, uploadedBy: actor.userId })
      .returning({ id: applicationAttachments.id });
    await touchApplication(tx, id);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.attachment-added', recordType: 'application', recordId: id, after: { attachmentId: row!.id, fileName, sizeBytes: file.content.length } });
  });
}

export async function removeAttachment(ctx: CoreContext, id: string, attachmentId: string) {
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    if (!isRecordId(attachmentId)) return;
    const removed = await tx
      .delete(applicationAttachments)
      .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, id)))
      .returning({ fileName: applicationAttachments.fileName });
    if (removed.length === 0) return;
    await touchApplication(tx, id);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.attachment-removed', recordType: 'application', recordId: id, before: { attachmentId, fileName: removed[0]!.fileName } });
  });
}

/** The file, for whoever may read the application. */
export async function getAttachment(ctx: CoreContext, id: string, attachmentId: string) {
  await findReadableApplication(ctx, id);
  if (!isRecordId(attachmentId)) throw new NotFoundError('attachment');
  const [row] = await ctx.db
    .select()
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, id)));
  if (!row) throw new NotFoundError('attachment');
  return row;
}
