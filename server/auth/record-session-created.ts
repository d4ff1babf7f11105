import { recordAudit } from '../../core/audit/record-audit.ts';
import { coreContext } from '../../core/context.ts';
import { loadActor } from '../../core/identity/load-actor.ts';
import type { Database } from '../../db/database.ts';

/** Every session opened, by password or single sign-on, goes into the audit trail, as done by that person. */
export async function recordSessionCreated(db: Database, { userId, ipAddress }: { userId: string; ipAddress?: string | null }) {
  const actor = (await loadActor(db, { userId })).actor;
  await db.transaction((tx) =>
    recordAudit(tx, coreContext({ db: tx, actor }), { action: 'session.signed-in', recordType: 'user', recordId: userId, after: { ip: ipAddress ?? null } }),
  );
}
