import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { syncPartnershipStatus } from './grant-stage.ts';

/** After approval: the agreement starts (active), winds down (closing) and ends (closed). */
export async function advanceApplication(ctx: CoreContext, id: string, to: 'active' | 'closing' | 'closed', { publicUrl }: { publicUrl: string }) {
  requirePermission(ctx.actor, 'partnership:manage');
  await findReadableApplication(ctx, id);
  return changeApplicationStatus(ctx, id, { to, publicUrl, after: (tx, row) => syncPartnershipStatus({ ...ctx, db: tx }, row) });
}
