import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { participantDocuments } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError, NotFoundError } from '../errors.ts';
import { text } from '../input/text.ts';
import { isRecordId } from '../records/record-id.ts';
import { checklistOf, documentSlug } from './participant-documents.ts';
import { emailParticipantParties, lockParticipant } from './participant-record.ts';

export const documentReviewInput = z
  .object({
    decision: z.enum(['accept', 'return'], { message: 'chooseDocumentDecision' }),
    remark: text().trim().max(2000, 'tooLong').default(''),
  })
  .superRefine((value, issues) => {
    if (value.decision === 'return' && value.remark === '') issues.addIssue({ code: 'custom', path: ['remark'], message: 'remarkRequired' });
  });
export type DocumentReviewInput = z.infer<typeof documentReviewInput>;

/**
 * The sending partner's coordinator, or the agency (an adviser following the programme, an
 * administrator), accepts a submitted document or returns it with a remark for the participant to fix.
 * The host's coordinators and the person see it but do not review (403); anyone else finds nothing.
 * `version` is the document's as loaded: a document replaced or reviewed since is stale (409).
 */
export async function reviewParticipantDocument(
  ctx: CoreContext,
  { participantId, documentId, version, decision, remark }: DocumentReviewInput & { participantId: string; documentId: string; version: string },
): Promise<{ status: 'accepted' | 'returned'; version: string }> {
  return ctx.db.transaction(async (tx) => {
    const { row, programmeId, parties } = await lockParticipant(ctx, tx, participantId);
    if (!isRecordId(documentId)) throw new NotFoundError('document');
    const [before] = await tx.select().from(participantDocuments).where(and(eq(participantDocuments.id, documentId), eq(participantDocuments.participantId, participantId))).for('update');
    if (!before) throw new NotFoundError('document');
    if (!parties.includes('sending') && !parties.includes('adviser')) throw new ForbiddenError('participant:review-document');
    if (version !== before.updatedAt.toISOString()) throw new DomainError('staleEdit', { status: 409 });
    if (before.status !== 'submitted') throw new DomainError('documentNotAwaitingReview', { status: 409 });
    const status = decision === 'accept' ? ('accepted' as const) : ('returned' as const);
    const note = decision === 'return' ? remark : null;
    const [after] = await tx
      .update(participantDocuments)
      .set({ status, reviewNote: note, reviewedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, reviewedAt: ctx.now(), updatedAt: new Date() })
      .where(eq(participantDocuments.id, documentId))
      .returning();
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: status === 'accepted' ? 'participant.document-accepted' : 'participant.document-returned',
      recordType: 'participant',
      recordId: participantId,
      before: { documentId, kind: before.kind, status: before.status },
      after: { documentId, kind: before.kind, status, reviewNote: note },
    });
    // A returned document is the person's to fix: they are told, in their language, with the remark and where to upload.
    if (status === 'returned') {
      const slug = documentSlug(before.kind, Math.max(0, (await checklistOf(tx, programmeId)).indexOf(before.kind)));
      await emailParticipantParties(tx, ctx, row, {
        template: 'participantDocumentReturned',
        organisations: [],
        participant: true,
        params: (locale) => ({ document: before.kind, remark, url: `${ctx.publicUrl ?? ''}/${locale}/exchange/documents/${encodeURIComponent(slug)}` }),
      });
    }
    return { status, version: after!.updatedAt.toISOString() };
  });
}
