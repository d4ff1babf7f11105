import { and, eq, or } from 'drizzle-orm';
import { applicationGoals, applicationPartners, planFlows } from '../../db/schema/applications.ts';
import { recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lockEditableApplication } from './editable-application.ts';
import { refreshShape } from './refresh-shape.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { isRecordId } from '../records/record-id.ts';

/** Removes a partner with its goals and every flow it sends or hosts. The coordinator stays. */
export async function removeApplicationPartner(ctx: CoreContext, { applicationId: id, organisationId }: { applicationId: string; organisationId: string }) {
  await ctx.db.transaction(async (tx) => {
    const application = await lockEditableApplication(ctx, tx, id);
    if (organisationId === application.coordinatorOrganisationId) throw new DomainError('cannotRemoveCoordinator', { field: 'organisationId' });
    // Not an organisation's id: no partner of this application, so nothing to remove.
    if (!isRecordId(organisationId)) return;
    const removed = await tx
      .delete(applicationPartners)
      .where(and(eq(applicationPartners.applicationId, id), eq(applicationPartners.organisationId, organisationId)))
      .returning();
    if (removed.length === 0) return;
    await tx.delete(planFlows).where(and(eq(planFlows.applicationId, id), or(eq(planFlows.sendingOrganisationId, organisationId), eq(planFlows.hostOrganisationId, organisationId))));
    await tx.delete(budgetOtherLines).where(and(eq(budgetOtherLines.applicationId, id), eq(budgetOtherLines.organisationId, organisationId)));
    await tx.delete(applicationGoals).where(and(eq(applicationGoals.applicationId, id), eq(applicationGoals.organisationId, organisationId)));
    await refreshShape(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, { part: 'partners' });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.partner-removed', recordType: 'application', recordId: id, before: { organisationId }, after: { confirmationsReset } });
    await recordBudgetVersions(tx, { applicationId: id, cause: 'planChanged', userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, now: ctx.now() });
  });
}
