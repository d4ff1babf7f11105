import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applications } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { isVersion } from '../records/expected-version.ts';
import { lockEditableApplication } from './editable-application.ts';

export const applicationBasicsInput = z.object({
  title: text().trim().min(3, 'titleRequired').max(200, 'tooLong'),
  summary: text().trim().max(4000, 'tooLong'),
});
export type ApplicationBasicsInput = z.infer<typeof applicationBasicsInput>;

/** Title and summary. `version` is the updatedAt the editor saw: a stale save is refused, not merged. */
export async function updateApplicationBasics(ctx: CoreContext, { applicationId: id, version, ...input }: ApplicationBasicsInput & { applicationId: string; version: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockEditableApplication(ctx, tx, id);
    const [after] = await tx
      .update(applications)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(applications.id, id), isVersion(applications.updatedAt, version)))
      .returning();
    if (!after) throw new DomainError('staleEdit', { status: 409, field: 'title' });
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'application.basics-updated',
      recordType: 'application',
      recordId: id,
      before: { title: before.title, summary: before.summary },
      after: { title: after.title, summary: after.summary },
    });
  });
}
