import { z } from 'zod';
import { ELIGIBILITY_PROBLEMS, eligibilityExceptions } from '../../db/schema/participants.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, ForbiddenError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { assessEligibility, type ParticipantEligibility } from './get-participant-eligibility.ts';
import { lockParticipant } from './participant-record.ts';

export const eligibilityExceptionInput = z.object({
  problem: z.enum(ELIGIBILITY_PROBLEMS, { message: 'chooseProblem' }),
  reason: text().trim().min(1, 'giveReason').max(2000, 'tooLong'),
});
export type EligibilityExceptionInput = z.infer<typeof eligibilityExceptionInput>;

/**
 * An adviser (an administrator, or a programme adviser following the programme) makes an exception to
 * one eligibility problem the participant has now, with a reason. The exception is kept with the
 * participant and shown wherever the participant is read; the problem then no longer holds back approval.
 * Returns the eligibility as it now stands.
 */
export async function grantEligibilityException(ctx: CoreContext, { participantId: id, problem, reason }: EligibilityExceptionInput & { participantId: string }): Promise<ParticipantEligibility> {
  requirePermission(ctx.actor, 'participant:approve');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const { row, parties } = await lockParticipant(ctx, tx, id);
    if (!parties.includes('adviser')) throw new ForbiddenError('participant:approve');
    const current = await assessEligibility(tx, row);
    const found = current.problems.find((p) => p.code === problem);
    if (!found) throw new DomainError('noSuchEligibilityProblem', { field: 'problem' });
    if (found.exception) throw new DomainError('exceptionAlreadyGranted', { field: 'problem', status: 409 });
    const [granted] = await tx
      .insert(eligibilityExceptions)
      .values({ participantId: id, problem, reason, grantedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, grantedAt: now })
      .returning({ id: eligibilityExceptions.id });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'participant.exception-granted',
      recordType: 'participant',
      recordId: id,
      after: { exceptionId: granted!.id, problem, reason, params: found.params ?? {} },
    });
    return assessEligibility(tx, row);
  });
}
