import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '../input/text.ts';
import { applications } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { lockEditableApplication } from './editable-application.ts';

export const emergencyPlanInput = z.object({ emergencyPlan: text().trim().max(8000, 'tooLong') });

/** Duty of care (docs/architecture.md#duty-of-care): how partners act in a health or security emergency, before approval. */
export async function updateEmergencyPlan(ctx: CoreContext, { applicationId: id, version, ...input }: z.infer<typeof emergencyPlanInput> & { applicationId: string; version?: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockEditableApplication(ctx, tx, id, version);
    await tx.update(applications).set({ emergencyPlan: input.emergencyPlan, updatedAt: new Date() }).where(eq(applications.id, id));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.emergency-plan-updated', recordType: 'application', recordId: id, before: { emergencyPlan: before.emergencyPlan }, after: input });
  });
}
