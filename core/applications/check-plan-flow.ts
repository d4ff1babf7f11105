import type { CoreContext } from '../context.ts';
import type { FieldProblem } from '../errors.ts';
import { findReadableApplication } from './application-scope.ts';
import { flowProblems } from './plan-flow-problems.ts';
import type { PlanFlowInput } from './plan-flow-input.ts';

/**
 * What adding this line would be refused for, without adding it: the plan step asks with the values
 * that passed their format check, so the rules' problems show with the format's.
 */
export async function checkPlanFlow(ctx: CoreContext, { applicationId: id, ...input }: Partial<PlanFlowInput> & { applicationId: string }): Promise<FieldProblem[]> {
  const application = await findReadableApplication(ctx, id);
  return flowProblems(ctx.db, application, input);
}
