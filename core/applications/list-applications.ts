import { and, asc, eq, exists, ilike, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationPartners, applicationScores, applications } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { sendQuery, type Bind } from '../../db/prepared-per-handle.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { decodeCursor } from '../pagination/keyset-cursor.ts';
import { cappedTotal, LIST_TOTAL_CAP } from '../pagination/list-total-cap.ts';
import { afterCursor, keysetPage } from '../pagination/keyset-page.ts';
import { APPLICATION_STATUSES } from '../partnerships/application-status.ts';
import { applicationScope, isSharedApplicationScope } from './application-scope.ts';
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

/** The filters a request uses, in a fixed order: each combination (with the cursor) is a statement of its own. */
const filterNames = ['q', 'call', 'programme', 'shape', 'status', 'sector', 'sdg', 'country'] as const;
/** Each filter's letter in a statement's name: PostgreSQL keeps 63 characters of a name, so names stay short. */
const filterLetters: Record<(typeof filterNames)[number], string> = { q: 'q', call: 'c', programme: 'p', shape: 'h', status: 's', sector: 'e', sdg: 'g', country: 'n' };

/**
 * The page's statement and the count for a page past the end, written once: `bind` gives each value as it is
 * or as a placeholder of its name (db/prepared-per-handle.ts).
 */
function listQueries(db: Database, scope: SQL | undefined, filter: ApplicationFilter, cursor: [string, string] | null, internal: boolean, bind: Bind) {
  const where: (SQL | undefined)[] = [scope];
  if (filter.q) where.push(ilike(applications.title, bind('q', containsPattern(filter.q))));
  if (filter.call) where.push(eq(applications.callId, bind('call', filter.call)));
  if (filter.programme) where.push(eq(programmes.code, bind('programme', filter.programme)));
  if (filter.shape) where.push(eq(applications.shape, bind('shape', filter.shape)));
  if (filter.status) where.push(eq(applications.status, bind('status', filter.status)));
  if (filter.sector) where.push(eq(applications.sectorCode, bind('sector', filter.sector)));
  if (filter.sdg) where.push(sql`${applications.sdgGoals} @> array[${bind('sdg', filter.sdg)}]::text[]`);
  if (filter.country) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(applicationPartners)
          .innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId))
          .where(and(eq(applicationPartners.applicationId, applications.id), eq(organisations.countryCode, bind('country', filter.country)))),
      ),
    );
  }
  const page = afterCursor(applications.title, applications.id, cursor && [bind('afterTitle', cursor[0]), bind('afterId', cursor[1])]);
  const score = internal
    ? sql<number | null>`(select sum(${applicationScores.score} * ${callCriteria.weight})::float / nullif(sum(${callCriteria.weight}), 0)
        from ${applicationScores} join ${callCriteria} on ${callCriteria.id} = ${applicationScores.criterionId}
        where ${applicationScores.applicationId} = ${applications.id})`
    : sql<null>`null`;

  // The total rides along with the page as an uncorrelated subquery (counted once, by the same
  // filters and scope: inside it `applications` is its own); a query of its own only for a page past the end.
  // It counts one past LIST_TOTAL_CAP at most: at 100,000 applications the exact count was most of the page.
  const count = db
    .select({ total: sql<number>`count(*)::int` })
    .from(
      db
        .select({ one: sql`1` })
        .from(applications)
        .innerJoin(calls, eq(calls.id, applications.callId))
        .innerJoin(programmes, eq(programmes.id, calls.programmeId))
        .where(and(...where))
        .limit(LIST_TOTAL_CAP + 1)
        .as('limited'),
    );
  const list = db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      shape: applications.shape,
      submittedAt: applications.submittedAt,
      callTitle: calls.title,
      coordinator: organisations.legalName,
      score,
      total: sql<number>`(${count})`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .innerJoin(organisations, eq(organisations.id, applications.coordinatorOrganisationId))
    .where(and(...where, page))
    .orderBy(asc(applications.title), asc(applications.id))
    .limit(APPLICATION_PAGE_SIZE + 1);
  return { list, count };
}

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
  const cursor = decodeCursor(filter.after);
  const internal = can(actor, 'application:read-internal');
  // The agency's scope is the same for everyone in it (every application, or every one sent): its statements are
  // prepared once per handle and shape. Partner staff's names their organisations: built for each request.
  const used = filterNames.filter((name) => filter[name]);
  const shape = isSharedApplicationScope(actor) ? `${scope ? 'sent' : 'all'}_${internal ? 'scored' : 'plain'}_${used.map((name) => filterLetters[name]).join('')}${cursor ? 'a' : ''}` : null;
  const values = {
    ...Object.fromEntries(used.map((name) => [name, name === 'q' ? containsPattern(filter.q!) : filter[name]])),
    ...(cursor ? { afterTitle: cursor[0], afterId: cursor[1] } : {}),
  };
  const rows = await sendQuery(ctx.db, shape && `list_applications_${shape}`, (bind) => listQueries(ctx.db, scope, filter, cursor, internal, bind).list, values);
  const count = () => sendQuery(ctx.db, shape && `count_applications_${shape}`, (bind) => listQueries(ctx.db, scope, filter, cursor, internal, bind).count, values);
  const listed = await keysetPage(rows, { size: APPLICATION_PAGE_SIZE, cursor, count, key: (item) => [item.title, item.id] });
  return { ...listed, ...cappedTotal(listed.total) };
}
