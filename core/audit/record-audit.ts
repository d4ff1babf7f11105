import type { Database } from '../../db/database.ts';
import { auditLog } from '../../db/schema/audit.ts';
import type { CoreContext } from '../context.ts';
import type { Actor } from '../identity/actor.ts';

/** Fields whose values never enter the audit trail: only the fact that they changed. */
const maskedFields = new Set(['password', 'tokenHash', 'token', 'birthDate', 'passportNumber', 'phone', 'healthNotes']);

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export function actorIdentity(actor: Actor | undefined): { actorId: string | null; actorLabel: string } {
  if (!actor || actor.kind === 'visitor') return { actorId: null, actorLabel: 'visitor' };
  if (actor.kind === 'system') return { actorId: null, actorLabel: `system:${actor.label}` };
  return { actorId: actor.userId, actorLabel: actor.email };
}

/** Only the fields that changed, with sensitive values masked. */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    const old = before?.[key];
    const neu = after?.[key];
    if (JSON.stringify(old) === JSON.stringify(neu)) continue;
    const mask = maskedFields.has(key);
    if (before) b[key] = mask && old != null ? '***' : (old ?? null);
    if (after) a[key] = mask && neu != null ? '***' : (neu ?? null);
  }
  return { before: before ? b : null, after: after ? a : null };
}

/**
 * Appends one entry to the audit trail, inside the caller's transaction (`tx`), so the change and its
 * record commit or roll back together. There is no update or delete path; the database refuses both.
 */
export async function recordAudit(tx: Database, ctx: CoreContext, entry: AuditEntry): Promise<void> {
  const { before, after } = changedFields(entry.before, entry.after);
  await tx.insert(auditLog).values({
    ...actorIdentity(ctx.actor),
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    before,
    after,
    requestId: ctx.requestId ?? null,
  });
}
