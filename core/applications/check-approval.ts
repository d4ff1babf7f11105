import type { CoreContext } from '../context.ts';
import type { FieldProblem } from '../errors.ts';
import { decidable } from './decidable-application.ts';
import { approvalProblems } from './approval-problems.ts';
import type { ApprovalInput } from './approval-input.ts';

/**
 * What approving with these values would be refused for, without approving: the review form asks
 * with the values that passed their format check, so the rules' problems show with the format's.
 */
export async function checkApproval(ctx: CoreContext, { applicationId: id, ...input }: Partial<ApprovalInput> & { applicationId: string }): Promise<FieldProblem[]> {
  const { application, call } = await decidable(ctx, id);
  return approvalProblems(ctx, application.id, call, input);
}
