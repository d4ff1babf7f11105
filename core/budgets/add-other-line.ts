import { and, eq } from 'drizzle-orm';
import { applicationPartners, planFlows } from '../../db/schema/applications.ts';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { lockEditableApplication, touchApplication } from '../applications/editable-application.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { FieldProblemsError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import type { OtherLineInput } from './other-line-input.ts';
import { parseLine, userIdOf } from './other-line-record.ts';
import { recordBudgetVersions } from './record-budget-versions.ts';

/**
 * Adds an other line to a partner's part of a round (issue 11, point 6): a cost outside the unit costs,
 * in whole NOK, with its justification. While the application is editable (draft, returned), by a
 * coordinator of that partner or of the coordinating partner (lockEditableApplication's `ownedBy`). The
 * round must be in the plan. The round's budget is recorded again in the same transaction (cause
 * `otherLineChanged`).
 */
export async function addOtherLine(ctx: CoreContext, { applicationId, round, organisationId, ...input }: OtherLineInput & { applicationId: string; round: number; organisationId: string }) {
  return ctx.db.transaction(async (tx) => {
    await lockEditableApplication(ctx, tx, applicationId, undefined, { ownedBy: isRecordId(organisationId) ? organisationId : null });
    const problems = [];
    const [partner] = isRecordId(organisationId) ? await tx.select({ id: applicationPartners.organisationId }).from(applicationPartners).where(and(eq(applicationPartners.applicationId, applicationId), eq(applicationPartners.organisationId, organisationId))) : [];
    if (!partner) problems.push({ field: 'organisationId', code: 'choosePartner' as const });
    const [flow] = Number.isSafeInteger(round) ? await tx.select({ id: planFlows.id }).from(planFlows).where(and(eq(planFlows.applicationId, applicationId), eq(planFlows.round, round))).limit(1) : [];
    if (!flow) problems.push({ field: 'round', code: 'roundNotInPlan' as const, params: { round: String(round) } });
    let line: ReturnType<typeof parseLine> | null = null;
    try {
      line = parseLine(input);
    } catch (error) {
      if (!(error instanceof FieldProblemsError)) throw error;
      problems.push(...error.problems);
    }
    if (problems.length > 0 || !line) throw new FieldProblemsError(problems);
    const now = ctx.now();
    const [row] = await tx.insert(budgetOtherLines).values({ applicationId, round, organisationId, label: line.label, amountMinor: line.amount, justification: line.justification, createdBy: userIdOf(ctx), createdAt: now, updatedAt: now }).returning();
    await touchApplication(tx, applicationId);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'budget.other-line-added', recordType: 'application', recordId: applicationId, after: { lineId: row!.id, round, organisationId, label: line.label, amountMinor: line.amount, justification: line.justification } });
    await recordBudgetVersions(tx, { applicationId, cause: 'otherLineChanged', userId: userIdOf(ctx), now });
    return row!;
  });
}
