import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';
import { changeApplicationStatus } from './change-application-status.ts';

/** An adviser takes a submitted application into review. */
export async function startReview(ctx: CoreContext, { applicationId: id }: { applicationId: string }) {
  requirePermission(ctx.actor, 'application:review');
  await findReadableApplication(ctx, id);
  return changeApplicationStatus(ctx, id, { to: 'in_review' });
}
