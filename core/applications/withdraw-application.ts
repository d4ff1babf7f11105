import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { changeApplicationStatus } from './change-application-status.ts';
import { getApplication } from './get-application.ts';

export async function withdrawApplication(ctx: CoreContext, { applicationId: id }: { applicationId: string }) {
  const detail = await getApplication(ctx, { applicationId: id });
  requirePermission(ctx.actor, 'application:edit', { organisationId: detail.application.coordinatorOrganisationId });
  return changeApplicationStatus(ctx, id, { to: 'withdrawn' });
}
