import { recordAudit } from '../../core/audit/record-audit.ts';
import { system } from '../../core/identity/actor.ts';
import type { Database } from '../../db/database.ts';

/** Every session opened, by password or single sign-on, goes into the audit trail. */
export async function recordSessionCreated(db: Database, { userId, ipAddress }: { userId: string; ipAddress?: string | null }) {
  await db.transaction((tx) =>
    recordAudit(tx, { db: tx, actor: system('sign-in') }, { action: 'session.signed-in', recordType: 'user', recordId: userId, after: { ip: ipAddress ?? null } }),
  );
}
