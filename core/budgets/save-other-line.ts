import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationPartners, planFlows } from '../../db/schema/applications.ts';
import { budgetOtherLines } from '../../db/schema/budgets.ts';
import { lockEditableApplication, touchApplication, versionInstant } from '../applications/editable-application.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, FieldProblemsError, NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { otherLineInput, type OtherLineInput } from './other-line-input.ts';
import { recordBudgetVersions } from './record-budget-versions.ts';

const userIdOf = (ctx: CoreContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

function parseLine(input: OtherLineInput) {
  const parsed = otherLineInput.safeParse(input);
  if (!parsed.success) throw new FieldProblemsError(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), code: i.message as never })));
  return parsed.data;
}

/** The line, locked, if it belongs to the application (a guessed id is not found). */
async function lockLine(tx: Database, applicationId: string, lineId: string) {
  if (!isRecordId(lineId)) throw new NotFoundError('otherLine');
  const [line] = await tx.select().from(budgetOtherLines).where(and(eq(budgetOtherLines.id, lineId), eq(budgetOtherLines.applicationId, applicationId))).for('update');
  if (!line) throw new NotFoundError('otherLine');
  return line;
}

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

/** Changes an other line, against the version it was read at (`updatedAt`; stale → 409). Same rules as adding. */
export async function updateOtherLine(ctx: CoreContext, { applicationId, lineId, version, ...input }: OtherLineInput & { applicationId: string; lineId: string; version: string }) {
  return ctx.db.transaction(async (tx) => {
    const [peek] = isRecordId(lineId) ? await tx.select({ organisationId: budgetOtherLines.organisationId }).from(budgetOtherLines).where(and(eq(budgetOtherLines.id, lineId), eq(budgetOtherLines.applicationId, applicationId))) : [];
    await lockEditableApplication(ctx, tx, applicationId, undefined, { ownedBy: peek?.organisationId ?? null });
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

/** Removes an other line, against the version it was read at (stale → 409). */
export async function removeOtherLine(ctx: CoreContext, { applicationId, lineId, version }: { applicationId: string; lineId: string; version: string }) {
  await ctx.db.transaction(async (tx) => {
    const [peek] = isRecordId(lineId) ? await tx.select({ organisationId: budgetOtherLines.organisationId }).from(budgetOtherLines).where(and(eq(budgetOtherLines.id, lineId), eq(budgetOtherLines.applicationId, applicationId))) : [];
    await lockEditableApplication(ctx, tx, applicationId, undefined, { ownedBy: peek?.organisationId ?? null });
    const before = await lockLine(tx, applicationId, lineId);
    if (before.updatedAt.toISOString() !== versionInstant(version)) throw new DomainError('staleEdit', { status: 409 });
    await tx.delete(budgetOtherLines).where(eq(budgetOtherLines.id, lineId));
    await touchApplication(tx, applicationId);
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'budget.other-line-removed', recordType: 'application', recordId: applicationId, before: { lineId, round: before.round, organisationId: before.organisationId, label: before.label, amountMinor: before.amountMinor } });
    await recordBudgetVersions(tx, { applicationId, cause: 'otherLineChanged', userId: userIdOf(ctx), now: ctx.now() });
  });
}
