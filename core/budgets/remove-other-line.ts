import { eq } from 'drizzle-orm';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { lockEditableApplication, touchApplication, versionInstant } from '../applications/editable-application.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lineOwner, lockLine, userIdOf } from './other-line-record.ts';
import { recordBudgetVersions } from './record-budget-versions.ts';

/** Removes an other line, against the version it was read at (stale → 409). */
export async function removeOtherLine(ctx: CoreContext, { applicationId, lineId, version }: { applicationId: string; lineId: string; version: string }) {
  await ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, applicationId, undefined, { ownedBy: await lineOwner(tx, applicationId, lineId) });
    const before = await lockLine(tx, applicationId, lineId);
    if (before.updatedAt.toISOString() !== versionInstant(version)) throw new DomainError('staleEdit', { status: 409 });
    await tx.delete(budgetOtherLines).where(eq(budgetOtherLines.id, lineId));
    await touchApplication(tx, applicationId);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'budget.other-line-removed', recordType: 'application', recordId: applicationId, before: { lineId, round: before.round, organisationId: before.organisationId, label: before.label, amountMinor: before.amountMinor } });
    await recordBudgetVersions(tx, { applicationId, cause: 'otherLineChanged', userId: userIdOf(ctx), now: ctx.now() });
  });
}
