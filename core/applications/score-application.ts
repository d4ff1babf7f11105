import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationScores } from '../../db/schema/applications.ts';
import { callCriteria } from '../../db/schema/calls.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';

export const SCORE_MAX = 5;

export const scoresInput = z.record(text(), z.coerce.number({ message: 'chooseScore' }).int('chooseScore').min(0, 'chooseScore').max(SCORE_MAX, 'chooseScore'));

/** The adviser's own scores (0–5) per criterion of the call; saving again replaces them. */
export async function scoreApplication(ctx: CoreContext, { applicationId: id, scores }: { applicationId: string; scores: Record<string, number> }) {
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
