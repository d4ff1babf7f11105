import { and, asc, eq, exists, ilike, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationPartners, applicationScores, applications } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { decodeCursor } from '../pagination/keyset-cursor.ts';
import { cappedTotal, LIST_TOTAL_CAP } from '../pagination/list-total-cap.ts';
import { afterCursor, keysetPage } from '../pagination/keyset-page.ts';
import { APPLICATION_STATUSES } from '../partnerships/application-status.ts';
import { applicationScope } from './application-scope.ts';
import { containsPattern } from '../records/contains-pattern.ts';

export const APPLICATION_PAGE_SIZE = 25;
const empty = z.literal('').transform(() => undefined);

export const applicationFilter = z.object({
  q: text().trim().max(100, 'tooLong').optional(),
  call: z.uuid('chooseCall').optional().or(empty),
  programme: text().trim().max(60, 'tooLong').optional().or(empty),
  country: text().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'chooseCountry').optional().or(empty),
  shape: z.enum(['north_south', 'south_south', 'triangular'], { message: 'invalid' }).optional().or(empty),
  status: z.enum(APPLICATION_STATUSES, { message: 'invalid' }).optional().or(empty),
  sector: text().regex(/^\d{5}$/, 'chooseSector').optional().or(empty),
  sdg: text().regex(/^\d{1,2}$/, 'chooseSdg').optional().or(empty),
  after: text().max(400).optional(),
});
export type ApplicationFilter = z.infer<typeof applicationFilter>;

/**
 * Applications the actor may see, filtered; every filter uses an index (migration 0006), pages are
 * keyset by (title, id). The agency also gets the weighted mean score of all advisers (0–5). `total` is exact
 * up to LIST_TOTAL_CAP; above it `totalCapped` is true and `total` is the cap.
 */
export async function listApplications(ctx: CoreContext, filter: ApplicationFilter) {
  const actor = ctx.actor;
  requirePermission(actor, 'application:read');
  const scope = applicationScope(actor);
  if (scope === null) return { items: [], total: 0, totalCapped: false, next: null };
  const where: (SQL | undefined)[] = [scope];
  if (filter.q) where.push(ilike(applications.title, containsPattern(filter.q)));
  if (filter.call) where.push(eq(applications.callId, filter.call));
  if (filter.programme) where.push(eq(programmes.code, filter.programme));
  if (filter.shape) where.push(eq(applications.shape, filter.shape));
  if (filter.status) where.push(eq(applications.status, filter.status));
  if (filter.sector) where.push(eq(applications.sectorCode, filter.sector));
  if (filter.sdg) where.push(sql`${applications.sdgGoals} @> array[${filter.sdg}]::text[]`);
  if (filter.country) {
    where.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(applicationPartners)
          .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
          .where(and(eq(applicationPartners.applicationId, applications.id), eq(organisations.countryCode, filter.country))),
      ),
    );
  }
  const cursor = decodeCursor(filter.after);
  const page = afterCursor(applications.title, applications.id, cursor);
  const internal = can(actor, 'application:read-internal');
  const score = internal
    ? sql<number | null>`(select sum(${applicationScores.score} * ${callCriteria.weight})::float / nullif(sum(${callCriteria.weight}), 0)
        from ${applicationScores} join ${callCriteria} on ${callCriteria.id} = ${applicationScores.criterionId}
        where ${applicationScores.applicationId} = ${applications.id})`
    : sql<null>`null`;

  // The total rides along with the page as an uncorrelated subquery (counted once, by the same
  // filters and scope: inside it `applications` is its own); a query of its own only for a page past the end.
  // It counts one past LIST_TOTAL_CAP at most: at 100,000 applications the exact count was most of the page.
  const count = () =>
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(
        ctx.db
          .select({ one: sql`1` })
          .from(applications)
          .innerJoin(calls, eq(calls.id, applications.callId))
          .innerJoin(programmes, eq(programmes.id, calls.programmeId))
          .where(and(...where))
          .limit(LIST_TOTAL_CAP + 1)
          .as('limited'),
      );
  const rows = await ctx.db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      shape: applications.shape,
      submittedAt: applications.submittedAt,
      callTitle: calls.title,
      coordinator: organisations.legalName,
      score,
      total: sql<number>`(${count()})`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .innerJoin(organisations, eq(organisations.id, applications.coordinatorOrganisationId))
    .where(and(...where, page))
    .orderBy(asc(applications.title), asc(applications.id))
    .limit(APPLICATION_PAGE_SIZE + 1);
  const listed = await keysetPage(rows, { size: APPLICATION_PAGE_SIZE, cursor, count, key: (item) => [item.title, item.id] });
  return { ...listed, ...cappedTotal(listed.total) };
}
