import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationComments, applicationScores } from '../../db/schema/applications.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';
import { changeApplicationStatus } from './change-application-status.ts';

/** An adviser takes a submitted application into review. */
export async function startReview(ctx: CoreContext, id: string, { publicUrl }: { publicUrl: string }) {
  requirePermission(ctx.actor, 'application:review');
  await findReadableApplication(ctx, id);
  return changeApplicationStatus(ctx, id, { to: 'in_review', publicUrl });
}

export const SCORE_MAX = 5;
export const scoresInput = z.record(text(), z.coerce.number({ message: 'chooseScore' }).int('chooseScore').min(0, 'chooseScore').max(SCORE_MAX, 'chooseScore'));

/** The adviser's own scores (0–5) per criterion of the call; saving again replaces them. */
export async function scoreApplication(ctx: CoreContext, id: string, scores: Record<string, number>) {
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'application:review');
  const application = await findReadableApplication(ctx, id);
  if (application.status !== 'in_review') throw new DomainError('notInReview', { status: 409 });
  await ctx.db.transaction(async (tx) => {
    const criteria = await tx.select().from(callCriteria).where(eq(callCriteria.callId, application.callId));
    const missing = criteria.find((c) => scores[c.id] === undefined);
    if (missing) throw new DomainError('chooseScore', { field: `score-${missing.id}`, params: { criterion: missing.name } });
    await tx.delete(applicationScores).where(and(eq(applicationScores.applicationId, id), eq(applicationScores.adviserId, actor.userId), inArray(applicationScores.criterionId, criteria.map((c) => c.id))));
    if (criteria.length) {
      await tx.insert(applicationScores).values(criteria.map((c) => ({ applicationId: id, criterionId: c.id, adviserId: actor.userId, score: scores[c.id]! })));
    }
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.scored', recordType: 'application', recordId: id, after: Object.fromEntries(criteria.map((c) => [c.name, scores[c.id]])) });
  });
}

export const commentInput = z.object({ body: text().trim().min(2, 'commentRequired').max(4000, 'tooLong') });

/** A note for the agency only: partners never see it, not even through the API. */
export async function commentOnApplication(ctx: CoreContext, id: string, body: string) {
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'application:review');
  await findReadableApplication(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(applicationComments).values({ applicationId: id, authorId: actor.userId, body }).returning({ id: applicationComments.id });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.commented', recordType: 'application', recordId: id, after: { commentId: row!.id } });
  });
}
