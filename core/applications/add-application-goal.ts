import { and, eq, max } from 'drizzle-orm';
import { applicationGoals, applicationPartners, goalIndicators } from '../../db/schema/applications.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { lockEditableApplication, touchApplication } from './editable-application.ts';
import { resetConfirmations } from './reset-confirmations.ts';
import { confirmedPart } from './goal-owner.ts';
import type { ApplicationGoalInput } from './goal-input.ts';

export async function addApplicationGoal(ctx: CoreContext, { applicationId: id, ...input }: ApplicationGoalInput & { applicationId: string }) {
  await ctx.db.transaction(async (tx) => {
    const organisationId = input.owner === 'shared' ? null : input.owner;
    await lockEditableApplication(ctx, tx, id, undefined, { ownedBy: organisationId });
    if (organisationId) {
      const [partner] = await tx.select().from(applicationPartners).where(and(eq(applicationPartners.applicationId, id), eq(applicationPartners.organisationId, organisationId)));
      if (!partner) throw new DomainError('choosePartner', { field: 'owner' });
    }
    const [last] = await tx.select({ n: max(applicationGoals.position) }).from(applicationGoals).where(eq(applicationGoals.applicationId, id));
    const [goal] = await tx
      .insert(applicationGoals)
      .values({ applicationId: id, organisationId, description: input.description, position: (last?.n ?? -1) + 1 })
      .returning();
    await tx.insert(goalIndicators).values(input.indicators.map((i, position) => ({ ...i, goalId: goal!.id, position })));
    await touchApplication(tx, id);
    const confirmationsReset = await resetConfirmations({ ...ctx, db: tx }, id, confirmedPart(organisationId));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'application.goal-added', recordType: 'application', recordId: id, after: { goalId: goal!.id, organisationId, description: input.description, indicators: input.indicators, confirmationsReset } });
  });
}
