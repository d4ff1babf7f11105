import type { Context, MiddlewareHandler } from 'hono';
import { requirePermission, type Permission } from '../core/identity/permissions.ts';
import type { ApiEnv } from './api-env.ts';

/**
 * Route middleware: refuses (401/403 problem) before the body is even validated, so a visitor gets
 * "sign in" rather than a list of invalid fields. The core use-case checks the permission again.
 */
export function permitted(permission: Permission, scope?: (c: Context<ApiEnv>) => { organisationId?: string }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    requirePermission(c.var.core.actor, permission, scope?.(c) ?? {});
    await next();
  };
}
