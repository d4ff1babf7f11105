import type { CoreContext } from '../context.ts';
import { documentChecklist, type ChecklistItem } from './participant-documents.ts';
import { visibleParticipant } from './participant-visible.ts';

export interface ParticipantDocuments {
  participant: { id: string; givenName: string; familyName: string; status: string; programme: string; homeOrganisation: string; hostOrganisation: string };
  items: ChecklistItem[];
  /** The actor may accept or return documents: the sending partner's coordinators and the agency following the programme. */
  canReview: boolean;
  /** The actor is the participant, who uploads. */
  canUpload: boolean;
}

/**
 * A participant's documents against their programme's checklist, for whoever may see the participant:
 * the person, the sending and host partners' coordinators, advisers following the programme and
 * administrators. Anyone else, like a guessed id, finds nothing.
 */
export async function listParticipantDocuments(ctx: CoreContext, { participantId }: { participantId: string }): Promise<ParticipantDocuments> {
  const p = await visibleParticipant(ctx, participantId);
  return {
    participant: {
      id: p.row.id,
      givenName: p.row.givenName,
      familyName: p.row.familyName,
      status: p.row.status,
      programme: p.programme.name,
      homeOrganisation: p.homeOrganisation,
      hostOrganisation: p.hostOrganisation,
    },
    items: await documentChecklist(ctx.db, p.row.id, p.programme.id),
    canReview: p.parties.includes('sending') || p.parties.includes('adviser'),
    canUpload: p.isSelf,
  };
}
