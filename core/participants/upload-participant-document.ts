import { and, eq } from 'drizzle-orm';
import { participantDocuments } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { checkDocumentFile, safeFileName } from './document-content.ts';
import { checklistOf, PARTICIPANT_DOCUMENT_FOLDER } from './participant-documents.ts';
import { lockOwnParticipant } from './participant-self.ts';

/**
 * The participant uploads the document for one line of their programme's checklist (`kind`): a PDF,
 * JPEG or PNG by its content, within the size limit (core/participants/document-content.ts). It is then
 * `submitted`, for the sending partner or the agency to review. A document that was returned, or is
 * still waiting for review, is replaced (its old file removed once the change is committed); an accepted
 * one stays (409 `documentAlreadyAccepted`). A line not on the checklist is "not found".
 */
export async function uploadParticipantDocument(
  ctx: CoreContext,
  { participantId, kind, file }: { participantId: string; kind: string; file: { name: string; content: Uint8Array; claimedType?: string } },
): Promise<{ id: string; version: string }> {
  const contentType = await checkDocumentFile(file.content, { name: file.name, claimedType: file.claimedType });
  const fileName = safeFileName(file.name, contentType);
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  let fileKey: string | undefined;
  let replaced: string | undefined;
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const row = await lockOwnParticipant(ctx, tx, participantId);
      const [partnership] = await tx.select({ programmeId: partnerships.programmeId }).from(partnerships).where(eq(partnerships.id, row.partnershipId));
      if (!(await checklistOf(tx, partnership!.programmeId)).includes(kind)) throw new NotFoundError('document');
      const [before] = await tx.select().from(participantDocuments).where(and(eq(participantDocuments.participantId, participantId), eq(participantDocuments.kind, kind))).for('update');
      if (before?.status === 'accepted') throw new DomainError('documentAlreadyAccepted', { field: 'file', status: 409 });
      // The file first, then the record that points at it (core/files/file-store.ts).
      fileKey = await ctx.files.put(tx, { folder: PARTICIPANT_DOCUMENT_FOLDER, content: file.content, contentType });
      const values = { fileRef: fileKey, fileName, contentType, sizeBytes: file.content.length, uploadedBy: actorId, status: 'submitted' as const, reviewNote: null, reviewedBy: null, reviewedAt: null, updatedAt: new Date() };
      const [after] = before
        ? await tx.update(participantDocuments).set(values).where(eq(participantDocuments.id, before.id)).returning()
        : await tx.insert(participantDocuments).values({ participantId, kind, ...values }).returning();
      await recordAudit(tx, { ...ctx, db: tx }, {
        action: before ? 'participant.document-replaced' : 'participant.document-submitted',
        recordType: 'participant',
        recordId: participantId,
        before: before ? { documentId: before.id, kind, status: before.status, fileName: before.fileName } : null,
        after: { documentId: after!.id, kind, status: 'submitted', fileName, contentType, sizeBytes: file.content.length },
      });
      replaced = before?.fileRef;
      return { id: after!.id, version: after!.updatedAt.toISOString() };
    });
    // The old file only once no record points at it any more.
    if (replaced !== undefined) await ctx.files.delete(ctx.db, replaced).catch(() => undefined);
    return result;
  } catch (error) {
    // Rolled back, so no record points at the new file; a store outside the database still holds it.
    if (fileKey !== undefined) await ctx.files.delete(ctx.db, fileKey).catch(() => undefined);
    throw error;
  }
}
