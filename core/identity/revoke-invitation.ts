import { and, eq, isNull } from 'drizzle-orm';
import { invitations } from '../../db/schema/access.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from './permissions.ts';
import { isRecordId } from '../records/record-id.ts';

/** Withdraws an open invitation; its link stops working. Coordinators only their own organisation's. */
export async function revokeInvitation(ctx: CoreContext, { invitationId }: { invitationId: string }) {
  const now = ctx.now();
  const actor = ctx.actor;
  requirePermission(actor, 'invitation:revoke');
  if (!isRecordId(invitationId)) throw new NotFoundError('invitation');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: invitations.id, organisationId: invitations.organisationId })
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    if (!row) throw new NotFoundError('invitation');
    // Scoped: outside the actor's organisations the invitation does not exist for them.
    requirePermission(actor, 'invitation:revoke', row.organisationId ? { organisationId: row.organisationId } : {});
    if (!row.organisationId && actor.kind === 'user' && actor.agencyRoles.length === 0) throw new NotFoundError('invitation');
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, invitationId));
    await recordAudit(tx, ctx, { action: 'invitation.revoked', recordType: 'invitation', recordId: invitationId, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
  });
}
