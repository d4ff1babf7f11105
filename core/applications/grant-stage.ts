import { and, asc, count, eq } from 'drizzle-orm';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import type { CallStage } from '../../db/schema/calls.ts';
import { calls } from '../../db/schema/calls.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';

type ApplicationRow = typeof applications.$inferSelect;
type CallRow = typeof calls.$inferSelect;

/** The ISO date `months` months after `date` (UTC calendar arithmetic; 31 Jan + 1 month rolls into March). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The length a stage may have (DESIGN.md §3): a feasibility study and a round last at most a year;
 * a collaboration agreement two to five years. Returns the problem, or null when the period fits.
 */
export function stagePeriodProblem(stage: CallStage, startsOn: string, endsOn: string): { code: string; params: Record<string, number> } | null {
  // Periods run to the end of their last day: 2027-01-01 to 2028-12-31 is exactly two years.
  const end = dayAfter(endsOn);
  if (stage === 'agreement' && (end < addMonths(startsOn, 24) || end > addMonths(startsOn, 60))) return { code: 'agreementPeriod', params: { min: 2, max: 5 } };
  if (stage !== 'agreement' && end > addMonths(startsOn, 12)) return { code: 'stagePeriodTooLong', params: { max: 12 } };
  return null;
}

/**
 * On approval: the first application creates the partnership (its partners, shape, sector, SDGs);
 * every approval adds its stage to the partnership's agreement chain. Runs in the approval's transaction.
 */
export async function grantStage(ctx: CoreContext, row: ApplicationRow, call: CallRow) {
  const tx = ctx.db;
  let partnershipId = row.partnershipId;
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
    const stages = await tx.select().from(partnershipStages).where(eq(partnershipStages.partnershipId, partnershipId));
    if (!stages.some((s) => s.kind === 'agreement')) throw new DomainError('roundNeedsAgreement', { status: 409 });
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
