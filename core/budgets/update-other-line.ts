import { eq } from 'drizzle-orm';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { lockEditableApplication, touchApplication, versionInstant } from '../applications/editable-application.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { OtherLineInput } from './other-line-input.ts';
import { lineOwner, lockLine, parseLine, userIdOf } from './other-line-record.ts';
import { recordBudgetVersions } from './record-budget-versions.ts';

/** Changes an other line, against the version it was read at (`updatedAt`; stale → 409). Same rules as adding. */
export async function updateOtherLine(ctx: CoreContext, { applicationId, lineId, version, ...input }: OtherLineInput & { applicationId: string; lineId: string; version: string }) {
  return ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, applicationId, undefined, { ownedBy: await lineOwner(tx, applicationId, lineId) });
    const before = await lockLine(tx, applicationId, lineId);
    const line = parseLine(input);
    if (before.updatedAt.toISOString() !== versionInstant(version)) throw new DomainError('staleEdit', { status: 409 });
    const now = new Date(Math.max(ctx.now().getTime(), before.updatedAt.getTime() + 1));
    const [row] = await tx.update(budgetOtherLines).set({ label: line.label, amountMinor: line.amount, justification: line.justification, updatedAt: now }).where(eq(budgetOtherLines.id, lineId)).returning();
    await touchApplication(tx, applicationId);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'budget.other-line-changed', recordType: 'application', recordId: applicationId, before: { lineId, label: before.label, amountMinor: before.amountMinor, justification: before.justification }, after: { lineId, label: line.label, amountMinor: line.amount, justification: line.justification } });
    await recordBudgetVersions(tx, { applicationId, cause: 'otherLineChanged', userId: userIdOf(ctx), now });
    return row!;
  });
}
