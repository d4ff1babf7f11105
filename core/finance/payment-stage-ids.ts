import { and, eq, inArray } from 'drizzle-orm';
import { applicationPartners } from '../../db/schema/applications.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import type { CoreContext } from '../context.ts';
import { can, organisationScope } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * The stages of a partnership whose payments page the actor may open (core/finance/stage-payments-access.ts):
 * all of them for the agency's finance readers, those its organisations are partners of for partner
 * staff, none for anyone else. For the partnership page's links.
 */
export async function paymentStageIds(ctx: CoreContext, { partnershipId }: { partnershipId: string }): Promise<string[]> {
  if (!isRecordId(partnershipId) || !can(ctx.actor, 'stage-payments:read')) return [];
  const scope = organisationScope(ctx.actor, 'stage-payments:read');
  if (scope !== null && scope.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ id: partnershipStages.id })
    .from(partnershipStages)
    .innerJoin(applicationPartners, eq(applicationPartners.applicationId, partnershipStages.applicationId))
    .where(and(eq(partnershipStages.partnershipId, partnershipId), scope === null ? undefined : inArray(applicationPartners.organisationId, scope)));
  return rows.map((r) => r.id);
}
