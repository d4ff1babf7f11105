import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { syncPartnershipStatus } from './grant-stage.ts';

/** After approval: the agreement starts (active), winds down (closing) and ends (closed). */
export async function advanceApplication(ctx: CoreContext, { applicationId: id, to }: { applicationId: string; to: 'active' | 'closing' | 'closed' }) {
  requirePermission(ctx.actor, 'partnership:manage');
  await findReadableApplication(ctx, id);
  return changeApplicationStatus(ctx, id, { to, after: (tx, row) => syncPartnershipStatus({ ...ctx, db: tx }, row) });
}
