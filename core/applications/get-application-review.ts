import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { applicationComments, applicationScores, applications } from '../../db/schema/applications.ts';
import { user } from '../../db/schema/auth.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import { fromJsonRows, jsonList, type JsonRow } from '../../db/json-rows.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { applicationScope } from './application-scope.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { accountBalance } from '../finance/account-balance.ts';
import { ledgerAccount } from '../finance/ledger-accounts.ts';

const criterionColumns = getTableColumns(callCriteria);
const scoreColumns = { criterionId: applicationScores.criterionId, adviserId: applicationScores.adviserId, adviser: user.name, score: applicationScores.score };
const commentColumns = { id: applicationComments.id, body: applicationComments.body, createdAt: applicationComments.createdAt, author: user.name };

/**
 * The agency's side of an application: every adviser's scores, the weighted mean (weights of the
 * call's criteria), the internal comments, and what the call's money holds reserved for it while it is
 * reviewed. Never reachable by partners.
 */
export async function getApplicationReview(ctx: CoreContext, { applicationId: id }: { applicationId: string }) {
  const actor = ctx.actor;
  requirePermission(actor, 'application:read-internal');
  const scope = applicationScope(actor);
  if (scope === null || !isRecordId(id)) throw new NotFoundError('application');
  // The application, if the actor may read it (the scope inside the query), with the call's criteria, every
  // adviser's scores and the comments in one statement (db/json-rows.ts); the reservation beside it.
  const [[head], reservedMinor] = await Promise.all([
    ctx.db
      .select({
        criteria: jsonList(criterionColumns, { from: sql`from ${callCriteria} where ${callCriteria.callId} = ${applications.callId}`, orderBy: sql`${callCriteria.position}` }),
        scores: jsonList(scoreColumns, { from: sql`from ${applicationScores} inner join ${user} on ${user.id} = ${applicationScores.adviserId} where ${applicationScores.applicationId} = ${applications.id}` }),
        comments: jsonList(commentColumns, { from: sql`from ${applicationComments} left join ${user} on ${user.id} = ${applicationComments.authorId} where ${applicationComments.applicationId} = ${applications.id}`, orderBy: sql`${applicationComments.createdAt} desc` }),
      })
      .from(applications)
      .where(and(eq(applications.id, id), scope)),
    accountBalance(ctx.db, ledgerAccount.reservation(id)),
  ]);
  if (!head) throw new NotFoundError('application');
  const criteria = fromJsonRows(criterionColumns, head.criteria);
  const scores = fromJsonRows(scoreColumns, head.scores);
  // The author through a left join: null when their account is gone.
  const comments = fromJsonRows(commentColumns, head.comments) as (Omit<JsonRow<typeof commentColumns>, 'author'> & { author: string | null })[];
  const weightOf = new Map(criteria.map((c) => [c.id, c.weight]));
  const totalWeight = scores.reduce((sum, s) => sum + (weightOf.get(s.criterionId) ?? 0), 0);
  const weightedMean = totalWeight ? scores.reduce((sum, s) => sum + s.score * (weightOf.get(s.criterionId) ?? 0), 0) / totalWeight : null;
  const myScores = actor.kind === 'user' ? Object.fromEntries(scores.filter((s) => s.adviserId === actor.userId).map((s) => [s.criterionId, s.score])) : {};
  return { criteria, scores, comments, weightedMean, myScores, reservedMinor };
}
