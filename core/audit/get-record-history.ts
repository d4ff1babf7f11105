import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/audit.ts';
import type { CoreContext } from '../context.ts';
import { can } from '../identity/permissions.ts';

/** A record's own history, newest first, for administrators (others get an empty list, not an error). */
export async function getRecordHistory(ctx: CoreContext, { recordType, recordId, limit = 20 }: { recordType: string; recordId: string; limit?: number }) {
  if (!can(ctx.actor, 'audit:read')) return [];
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.recordType, recordType), eq(auditLog.recordId, recordId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
