import type { Context } from 'hono';
import { findReadableApplication } from '../../core/applications/application-scope.ts';
import { EDITABLE_STATUSES } from '../../core/applications/editable-application.ts';
import { DomainError } from '../../core/errors.ts';
import { requirePermission } from '../../core/identity/permissions.ts';
import type { ApiEnv } from '../api-env.ts';
import { requireVersion } from '../optimistic-lock.ts';

/**
 * The version a section edit is based on: the If-Match header, else the body's `version`
 * (api/optimistic-lock.ts). Two people editing the same section must not silently overwrite each
 * other, so an edit without one is refused (428). Refusals that sending a version would not cure come
 * first, as the use-case gives them: no such application for you (404), not its coordinator (403), no
 * longer open for changes (409 `applicationLocked`); a 428 means "send the version and it will be saved".
 */
export async function applicationVersion(c: Context<ApiEnv>, id: string, bodyVersion: string | undefined): Promise<string> {
  const ifMatch = c.req.header('if-match');
  if (!ifMatch?.trim() && !bodyVersion?.trim()) {
    const ctx = c.var.core;
    const application = await findReadableApplication(ctx, id);
    requirePermission(ctx.actor, 'application:edit', { organisationId: application.coordinatorOrganisationId });
    if (!EDITABLE_STATUSES.includes(application.status)) throw new DomainError('applicationLocked', { status: 409, params: { status: application.status } });
  }
  return requireVersion(ifMatch, bodyVersion);
}
