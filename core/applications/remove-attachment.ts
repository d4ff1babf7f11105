import { and, eq } from 'drizzle-orm';
import { applicationAttachments } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { isRecordId } from '../records/record-id.ts';

export async function removeAttachment(ctx: CoreContext, { applicationId: id, attachmentId }: { applicationId: string; attachmentId: string }) {
  const fileKey = await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, id);
    if (!isRecordId(attachmentId)) return undefined;
    const removed = await tx
      .delete(applicationAttachments)
      .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, id)))
      .returning({ fileName: applicationAttachments.fileName, fileKey: applicationAttachments.fileKey });
    if (removed.length === 0) return undefined;
    await touchApplication(tx, id);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.attachment-removed', recordType: 'application', recordId: id, before: { attachmentId, fileName: removed[0]!.fileName } });
    return removed[0]!.fileKey;
  });
  // Only once no record points at it (core/files/file-store.ts): a rolled-back removal keeps its file. The
  // removal is done by now, so a store that fails here leaves an unreferenced file, not a refusal.
  if (fileKey !== undefined) await ctx.files.delete(ctx.db, fileKey).catch(() => undefined);
}
