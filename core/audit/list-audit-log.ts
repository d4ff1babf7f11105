import { and, desc, eq, gte, ilike, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { auditLog } from '../../db/schema/audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { containsPattern } from '../records/contains-pattern.ts';

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterInput = z.object({
  actor: text().trim().max(254, 'tooLong').optional(),
  action: text().trim().max(100, 'tooLong').optional(),
  recordType: text().trim().max(100, 'tooLong').optional(),
  recordId: text().trim().max(100, 'tooLong').optional(),
  from: z.iso.date('invalidDate').optional().or(z.literal('').transform(() => undefined)),
  to: z.iso.date('invalidDate').optional().or(z.literal('').transform(() => undefined)),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditFilter = z.infer<typeof auditFilterInput>;

/** The audit trail, newest first, filtered; keyset-paginated by id. Administrators only. */
export async function listAuditLog(ctx: CoreContext, filter: AuditFilter) {
  requirePermission(ctx.actor, 'audit:read');
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditLog.actorLabel, containsPattern(filter.actor)));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.recordType) where.push(eq(auditLog.recordType, filter.recordType));
  if (filter.recordId) where.push(eq(auditLog.recordId, filter.recordId));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lte(auditLog.at, new Date(`${filter.to}T23:59:59.999Z`)));
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const items = rows.slice(0, AUDIT_PAGE_SIZE);
  return { items, next: rows.length > AUDIT_PAGE_SIZE ? (items.at(-1)?.id ?? null) : null };
}
