import { and, asc, eq, ne } from 'drizzle-orm';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { resultReports } from '../../db/schema/result-reports.ts';
import type { CoreContext } from '../context.ts';
import { isRecordId } from '../records/record-id.ts';

/**
 * The lessons learned a partnership's partners chose to publish: from round reports the adviser
 * **accepted** whose partner opted in (`publish_lessons`), with the partner and the round, oldest round
 * first. A report not accepted, or not opted in, never shows. Public, like the partnership page (which
 * checks the partnership is public before calling this); the open results dataset applies the same rule.
 */
export async function listPublishedLessons(ctx: CoreContext, { partnershipId }: { partnershipId: string }) {
  if (!isRecordId(partnershipId)) return [];
  const rows = await ctx.db
    .select({
      reportId: resultReports.id,
      organisationId: organisations.id,
      organisation: organisations.legalName,
      roundNumber: partnershipStages.roundNumber,
      periodStart: partnershipStages.startsOn,
      periodEnd: partnershipStages.endsOn,
      lessons: resultReports.lessons,
    })
    .from(resultReports)
    .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
    .innerJoin(organisations, eq(organisations.id, resultReports.organisationId))
    .where(and(eq(partnershipStages.partnershipId, partnershipId), eq(resultReports.status, 'accepted'), eq(resultReports.publishLessons, true), ne(resultReports.lessons, '')))
    .orderBy(asc(partnershipStages.startsOn), asc(organisations.legalName));
  return rows.filter((r) => r.lessons.trim() !== '').map((r) => ({ ...r, roundNumber: r.roundNumber ?? 1 }));
}
export type PublishedLesson = Awaited<ReturnType<typeof listPublishedLessons>>[number];
