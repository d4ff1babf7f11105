import { and, asc, desc, eq, getTableColumns } from 'drizzle-orm';
import { applicationComments, applicationScores, applications } from '../../db/schema/applications.ts';
import { user } from '../../db/schema/auth.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { applicationScope, findReadableApplication } from './application-scope.ts';
import { NotFoundError } from '../errors.ts';
import { isRecordId } from '../records/record-id.ts';
import { accountBalance } from '../finance/account-balance.ts';
import { ledgerAccount } from '../finance/ledger-accounts.ts';

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
  // The call's criteria through the application, with the actor's scope inside the query; the rest at
  // once, kept only if that finds the application readable (looked up alone when a call has no criteria).
  const [criteria, scores, comments, reservedMinor] = await Promise.all([
    ctx.db
      .select(getTableColumns(callCriteria))
      .from(callCriteria)
      .innerJoin(applications, eq(applications.callId, callCriteria.callId))
      .where(and(eq(applications.id, id), scope))
      .orderBy(asc(callCriteria.position)),
    ctx.db
      .select({ criterionId: applicationScores.criterionId, adviserId: applicationScores.adviserId, adviser: user.name, score: applicationScores.score })
      .from(applicationScores)
      .innerJoin(user, eq(user.id, applicationScores.adviserId))
      .where(eq(applicationScores.applicationId, id)),
    ctx.db
      .select({ id: applicationComments.id, body: applicationComments.body, createdAt: applicationComments.createdAt, author: user.name })
      .from(applicationComments)
      .leftJoin(user, eq(user.id, applicationComments.authorId))
      .where(eq(applicationComments.applicationId, id))
      .orderBy(desc(applicationComments.createdAt)),
    accountBalance(ctx.db, ledgerAccount.reservation(id)),
  ]);
  if (criteria.length === 0) await findReadableApplication(ctx, id);
  const weightOf = new Map(criteria.map((c) => [c.id, c.weight]));
  const totalWeight = scores.reduce((sum, s) => sum + (weightOf.get(s.criterionId) ?? 0), 0);
  const weightedMean = totalWeight ? scores.reduce((sum, s) => sum + s.score * (weightOf.get(s.criterionId) ?? 0), 0) / totalWeight : null;
  const myScores = actor.kind === 'user' ? Object.fromEntries(scores.filter((s) => s.adviserId === actor.userId).map((s) => [s.criterionId, s.score])) : {};
  return { criteria, scores, comments, weightedMean, myScores, reservedMinor };
}
