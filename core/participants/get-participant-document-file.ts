import { and, eq } from 'drizzle-orm';
import { participantDocuments } from '../../db/schema/participants.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { visibleParticipant } from './participant-visible.ts';

/**
 * A document's file, for whoever may see the participant (the person, the sending and host partners'
 * coordinators, the agency following the programme, administrators). Anyone else, a document of
 * another participant, or a file missing from the store: "not found".
 */
export async function getParticipantDocumentFile(ctx: CoreContext, { participantId, documentId }: { participantId: string; documentId: string }) {
  const { row } = await visibleParticipant(ctx, participantId);
  if (!isRecordId(documentId)) throw new NotFoundError('document');
  const [doc] = await ctx.db.select().from(participantDocuments).where(and(eq(participantDocuments.id, documentId), eq(participantDocuments.participantId, row.id)));
  if (!doc) throw new NotFoundError('document');
  const content = await ctx.files.get(ctx.db, doc.fileRef);
  const extension = doc.contentType === 'image/png' ? 'png' : doc.contentType === 'image/jpeg' ? 'jpg' : 'pdf';
  return { content, contentType: doc.contentType, fileName: doc.fileName || `${doc.kind}.${extension}`, sizeBytes: content.length, kind: doc.kind };
}
