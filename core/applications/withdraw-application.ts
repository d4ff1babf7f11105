import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { getApplication } from './get-application.ts';

export async function withdrawApplication(ctx: CoreContext, id: string, { publicUrl }: { publicUrl: string }) {
  const detail = await getApplication(ctx, id);
  requirePermission(ctx.actor, 'application:edit', { organisationId: detail.application.coordinatorOrganisationId });
  return changeApplicationStatus(ctx, id, { to: 'withdrawn', publicUrl });
}
