import { eq } from 'drizzle-orm';
import { participants, type ReportKind } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import type { ParticipantParty } from './participant-lifecycle.ts';
import { partiesOf } from './participant-record.ts';
import { reportKind, reportOf, reportView, type ReportView } from './participant-report-record.ts';
import { participantScope, withinScope } from './participant-scope.ts';

/**
 * A participant's report as its reviewers read it: the host and sending partners' coordinators and the
 * agency (advisers following the programme, administrators). A participant outside the reader's scope is
 * "not found"; one they see but have no part in (their own record) is refused. A draft is the participant's
 * own: reviewers see that it exists and when it is due, not what it says. `mayReview`: the reader may accept
 * or return it.
 */
export async function getParticipantReport(ctx: CoreContext, { participantId, kind }: { participantId: string; kind: string }): Promise<ReportView & { mayReview: boolean }> {
  const { participant, parties } = await reviewableParticipant(ctx, participantId);
  const parsed = reportKind.safeParse(kind);
  if (!parsed.success) throw new NotFoundError('report');
  const k: ReportKind = parsed.data;
  const row = await reportOf(ctx.db, participant.id, k);
  const view = reportView(participant, k, row, { withContent: row !== undefined && row.status !== 'draft' });
  return { ...view, mayReview: parties.includes('adviser') && row?.status === 'submitted' };
}

/** The participant, if the actor may see them and has a part in them (as the agency or a partner). */
export async function reviewableParticipant(ctx: CoreContext, participantId: string, tx = ctx.db) {
  if (ctx.actor.kind === 'visitor') throw new UnauthenticatedError();
  if (!isRecordId(participantId)) throw new NotFoundError('participant');
  const [participant] = await tx.select().from(participants).where(withinScope(participantScope(ctx.actor), eq(participants.id, participantId)));
  if (!participant) throw new NotFoundError('participant');
  const [partnership] = await tx.select({ programmeId: partnerships.programmeId }).from(partnerships).where(eq(partnerships.id, participant.partnershipId));
  const parties: ParticipantParty[] = await partiesOf(tx, ctx.actor, participant, partnership!.programmeId);
  if (parties.length === 0) throw new ForbiddenError('report:read');
  return { participant, parties };
}
