import type { CoreContext } from '../context.ts';
import { refuseProblems } from '../errors.ts';
import { transition, type ApplicationStatus } from '../partnerships/application-status.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { grantStage } from './grant-stage.ts';
import { decidable } from './decidable-application.ts';
import { approvalProblems } from './approval-problems.ts';
import type { ApprovalInput } from './approval-input.ts';

/**
 * Approve for a period and an amount ceiling; the partnership's agreement chain grows by one stage.
 * Refused with every problem at once (`approvalProblems`); a status that allows no decision is a
 * conflict (409) before any of them.
 */
export async function approveApplication(ctx: CoreContext, { applicationId: id, ...input }: ApprovalInput & { applicationId: string }) {
  const now = ctx.now();
  const { application, call } = await decidable(ctx, id);
  transition(application.status as ApplicationStatus, 'approved');
  refuseProblems(await approvalProblems(ctx, application.id, call, input));
  const amountMinor = input.amount * 100;
  return changeApplicationStatus(ctx, id, {
    to: 'approved',
    set: { decidedAt: now, approvedStartsOn: input.startsOn, approvedEndsOn: input.endsOn, approvedAmountMinor: amountMinor, approvedCurrency: call.currency, decisionReason: null },
    after: (tx, row) => grantStage({ ...ctx, db: tx }, row, call),
  });
}
