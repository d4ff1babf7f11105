import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { participantDocuments } from '../../db/schema/participants.ts';
import { programmes } from '../../db/schema/programmes.ts';

/** Where participants' documents go in the file store: their keys start `participant-documents/`. */
export const PARTICIPANT_DOCUMENT_FOLDER = 'participant-documents';

/** An item of the checklist as the participant stands with it; `missing` is an item with no document yet. */
export type ChecklistStatus = 'missing' | 'submitted' | 'accepted' | 'returned';

export interface ChecklistItem {
  /** The checklist line (`programmes.documents`), which is also the document's `kind`. */
  kind: string;
  /** The line in an address (/exchange/documents/{slug}): letters and digits, "Visa / work permit" → "visa-work-permit". */
  slug: string;
  status: ChecklistStatus;
  /** Whether the line is on the programme's checklist today (a document for a line since removed is still shown). */
  onChecklist: boolean;
  document: {
    id: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    reviewNote: string | null;
    reviewedAt: Date | null;
    uploadedAt: Date;
    /** The document's version (`updatedAt`), for a review. */
    version: string;
  } | null;
}

/** The programme's documents checklist. */
export async function checklistOf(db: Database, programmeId: string): Promise<string[]> {
  const [programme] = await db.select({ documents: programmes.documents }).from(programmes).where(eq(programmes.id, programmeId));
  return programme?.documents ?? [];
}

/**
 * Every checklist item with the participant's document for it, in the checklist's order, then
 * documents for lines no longer on the checklist. The statuses are the lifecycle's: moving into placement
 * needs every line `accepted` (core/participants/move-participant.ts reads the same rows).
 */
export async function documentChecklist(db: Database, participantId: string, programmeId: string): Promise<ChecklistItem[]> {
  const [checklist, rows] = await Promise.all([
    checklistOf(db, programmeId),
    db.select().from(participantDocuments).where(eq(participantDocuments.participantId, participantId)).orderBy(asc(participantDocuments.createdAt)),
  ]);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const item = (kind: string, onChecklist: boolean, index: number): ChecklistItem => {
    const row = byKind.get(kind);
    return {
      kind,
      slug: documentSlug(kind, index),
      onChecklist,
      status: row?.status ?? 'missing',
      document: row
        ? {
            id: row.id,
            fileName: row.fileName,
            contentType: row.contentType,
            sizeBytes: row.sizeBytes,
            reviewNote: row.reviewNote,
            reviewedAt: row.reviewedAt,
            uploadedAt: row.updatedAt,
            version: row.updatedAt.toISOString(),
          }
        : null,
    };
  };
  const extra = rows.filter((r) => !checklist.includes(r.kind));
  return [...checklist.map((kind, i) => item(kind, true, i)), ...extra.map((r, i) => item(r.kind, false, checklist.length + i))];
}

/**
 * A checklist line as a part of an address: without accents, lower case, runs of anything but letters
 * and digits as one hyphen. A line with no such letters (another script) is `item-<n>`, by its place.
 */
export function documentSlug(kind: string, index: number): string {
  const slug = kind.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug || `item-${index + 1}`;
}
