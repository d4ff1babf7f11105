import { and, eq } from 'drizzle-orm';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';
import { EDITABLE_STATUSES } from './editable-application.ts';

/** A coordinator of a partner organisation confirms that it takes part, as the application stands. */
export async function confirmApplicationPartner(ctx: CoreContext, { applicationId: id, organisationId }: { applicationId: string; organisationId: string }) {
  const now = ctx.now();
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'application:confirm', { organisationId });
  await findReadableApplication(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!application) throw new NotFoundError('application');
    if (!EDITABLE_STATUSES.includes(application.status)) throw new DomainError('applicationLocked', { status: 409, params: { status: application.status } });
    const [row] = await tx
      .update(applicationPartners)
      .set({ confirmedAt: now, confirmedBy: actor.userId })
      .where(and(eq(applicationPartners.applicationId, id), eq(applicationPartners.organisationId, organisationId)))
      .returning();
    if (!row) throw new NotFoundError('application');
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.partner-confirmed', recordType: 'application', recordId: id, after: { organisationId } });
  });
}
