import { and, asc, count, eq } from 'drizzle-orm';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { commitStageBudget } from '../finance/commit-stage-budget.ts';
import { planStageTranches } from '../finance/plan-stage-tranches.ts';
import { requireContinuable } from './partnership-continuation.ts';

type ApplicationRow = typeof applications.$inferSelect;
type CallRow = typeof calls.$inferSelect;

/**
 * On approval: the first application creates the partnership (its partners, shape, sector, SDGs);
 * every approval adds its stage to the partnership's agreement chain and commits its amount from the call's
 * allocation (core/finance/commit-stage-budget.ts). Runs in the approval's transaction.
 */
export async function grantStage(ctx: CoreContext, row: ApplicationRow, call: CallRow) {
  const tx = ctx.db;
  let partnershipId = row.partnershipId;
  // The chain's rule once more, as it stands at approval (an agreement may have ended since submission).
  if (partnershipId) await requireContinuable(tx, partnershipId, call, ctx.now(), { status: 409 });
  else if (call.stage === 'round') throw new DomainError('roundNeedsPartnership', { status: 409 });
  if (!partnershipId) {
    const [created] = await tx
      .insert(partnerships)
      .values({
        title: row.title,
        programmeId: call.programmeId,
        shape: row.shape ?? 'north_south',
        status: 'active',
        sectorCode: row.sectorCode,
        sdgGoals: row.sdgGoals,
        startsOn: row.approvedStartsOn,
        endsOn: row.approvedEndsOn,
      })
      .returning({ id: partnerships.id });
    partnershipId = created!.id;
    const partners = await tx.select().from(applicationPartners).where(eq(applicationPartners.applicationId, row.id)).orderBy(asc(applicationPartners.position));
    await tx.insert(partnershipPartners).values(partners.map((p) => ({ partnershipId: partnershipId!, organisationId: p.organisationId, isCoordinator: p.isCoordinator })));
    await tx.update(applications).set({ partnershipId }).where(eq(applications.id, row.id));
    await recordAudit(tx, ctx, { action: 'partnership.created', recordType: 'partnership', recordId: partnershipId, after: { title: row.title, applicationId: row.id, partners: partners.map((p) => p.organisationId) } });
  }
  let roundNumber: number | null = null;
  if (call.stage === 'round') {
    const [rounds] = await tx.select({ n: count() }).from(partnershipStages).where(and(eq(partnershipStages.partnershipId, partnershipId), eq(partnershipStages.kind, 'round')));
    roundNumber = (rounds?.n ?? 0) + 1;
  }
  const [stage] = await tx.insert(partnershipStages).values({
    partnershipId,
    applicationId: row.id,
    kind: call.stage,
    roundNumber,
    startsOn: row.approvedStartsOn!,
    endsOn: row.approvedEndsOn!,
    amountCeilingMinor: row.approvedAmountMinor!,
    currency: row.approvedCurrency!,
  }).returning();
  const { createdAt: _c, ...granted } = stage!;
  await recordAudit(tx, ctx, { action: 'partnership.stage-granted', recordType: 'partnership', recordId: partnershipId, after: granted });
  await commitStageBudget(ctx, stage!, call);
  // Paid in tranches by the programme's shares (core/finance/plan-stage-tranches.ts), planned with the commitment.
  const tranches = await planStageTranches(tx, stage!, call.programmeId);
  await recordAudit(tx, ctx, { action: 'stage.tranches-planned', recordType: 'partnership_stage', recordId: stage!.id, after: { tranches: tranches.map((t) => ({ number: t.number, amountMinor: t.amountMinor, condition: t.condition })) } });
  if (row.partnershipId && call.stage === 'agreement') {
    await tx.update(partnerships).set({ endsOn: row.approvedEndsOn, status: 'active', updatedAt: new Date() }).where(eq(partnerships.id, partnershipId));
  }
}

/** The partnership runs while its latest granted stage runs: its status follows that application. */
export async function syncPartnershipStatus(ctx: CoreContext, row: ApplicationRow) {
  if (!row.partnershipId) return;
  const status = row.status === 'closing' ? 'closing' : row.status === 'closed' ? 'closed' : 'active';
  const [before] = await ctx.db.select({ status: partnerships.status }).from(partnerships).where(eq(partnerships.id, row.partnershipId));
  if (before?.status === status) return;
  await ctx.db.update(partnerships).set({ status, updatedAt: new Date() }).where(eq(partnerships.id, row.partnershipId));
  await recordAudit(ctx.db, ctx, { action: 'partnership.status-changed', recordType: 'partnership', recordId: row.partnershipId, before, after: { status } });
}
