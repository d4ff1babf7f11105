import { z } from 'zod';
import { text } from '../input/text.ts';
import { applicationComments } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission, requireUser } from '../identity/permissions.ts';
import { findReadableApplication } from './application-scope.ts';

export const commentInput = z.object({ body: text().trim().min(2, 'commentRequired').max(4000, 'tooLong') });

/** A note for the agency only: partners never see it, not even through the API. */
export async function commentOnApplication(ctx: CoreContext, { applicationId: id, body }: { applicationId: string; body: string }) {
  const actor = requireUser(ctx.actor);
  requirePermission(actor, 'application:review');
  await findReadableApplication(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(applicationComments).values({ applicationId: id, authorId: actor.userId, body }).returning({ id: applicationComments.id });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.commented', recordType: 'application', recordId: id, after: { commentId: row!.id } });
  });
}
