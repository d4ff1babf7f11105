import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { applicationPartners } from '../../db/schema/applications.ts';
import { financialReports } from '../../db/schema/financial-reports.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import type { CoreContext } from '../context.ts';
import { organisationScope } from '../identity/permissions.ts';

/**
 * The granted rounds the actor's organisations report on (those it is coordinator or finance staff of), each
 * with its report's status, or none yet (then the page offers to start it). Latest rounds first. Agency
 * staff who are not partner staff have none.
 */
export async function listReportableRounds(ctx: CoreContext) {
  if (ctx.actor.kind !== 'user') return [];
  const mine = ctx.actor.memberships.length > 0 ? (organisationScope({ ...ctx.actor, agencyRoles: [] }, 'financial-report:write') ?? []) : [];
  if (mine.length === 0) return [];
  const rows = await ctx.db
    .select({
      stageId: partnershipStages.id,
      roundNumber: partnershipStages.roundNumber,
      startsOn: partnershipStages.startsOn,
      endsOn: partnershipStages.endsOn,
      partnershipId: partnerships.id,
      partnershipTitle: partnerships.title,
      organisationId: organisations.id,
      organisationName: organisations.legalName,
      reportId: financialReports.id,
      status: financialReports.status,
    })
    .from(partnershipStages)
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(applicationPartners, eq(applicationPartners.applicationId, partnershipStages.applicationId))
    .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
    .leftJoin(financialReports, and(eq(financialReports.stageId, partnershipStages.id), eq(financialReports.organisationId, applicationPartners.organisationId)))
    .where(and(eq(partnershipStages.kind, 'round'), inArray(applicationPartners.organisationId, mine)))
    .orderBy(desc(partnershipStages.startsOn), asc(partnerships.title), asc(organisations.legalName))
    .limit(500);
  return rows.map((r) => ({ ...r, roundNumber: r.roundNumber ?? 1 }));
}
export type ReportableRound = Awaited<ReturnType<typeof listReportableRounds>>[number];
