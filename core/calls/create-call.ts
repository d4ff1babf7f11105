import { eq } from 'drizzle-orm';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { visitor } from '../identity/actor.ts';
import { requirePermission } from '../identity/permissions.ts';
import type { CallInput } from './call-input.ts';

/** The weights must add up to 100 whoever calls (form or API): an application's score is their weighted mean. */
export function requireWeightsOf100(criteria: CallInput['criteria']): void {
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  if (criteria.length === 0) throw new DomainError('criteriaRequired', { field: 'criteria' });
  if (sum !== 100) throw new DomainError('weightsSum', { field: 'criteria', params: { sum } });
}

/** Opens a programme's call for applications, with its scoring criteria, in one transaction. */
export async function createCall(ctx: CoreContext, input: CallInput): Promise<{ id: string }> {
  requirePermission(ctx.actor ?? visitor, 'call:manage');
  requireWeightsOf100(input.criteria);
  return ctx.db.transaction(async (tx) => {
    const [programme] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, input.programmeId));
    if (!programme) throw new DomainError('chooseProgramme', { field: 'programmeId' });
    const { criteria, ...fields } = input;
    const [row] = await tx.insert(calls).values(fields).returning();
    const id = row!.id;
    await tx.insert(callCriteria).values(criteria.map((c, position) => ({ callId: id, name: c.name, weight: c.weight, position })));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'call.created', recordType: 'call', recordId: id, after: { ...input } });
    return { id };
  });
}
