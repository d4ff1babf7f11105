import { eq } from 'drizzle-orm';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { refuseProblems, type FieldProblem } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { callDateProblems } from './call-dates.ts';
import type { CallInput } from './call-input.ts';

/** The weights must add up to 100 whoever calls (form or API): an application's score is their weighted mean. */
function weightProblems(criteria: CallInput['criteria']): FieldProblem[] {
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  if (criteria.length === 0) return [{ field: 'criteria', code: 'criteriaRequired' }];
  if (sum !== 100) return [{ field: 'criteria', code: 'weightsSum', params: { sum } }];
  return [];
}

/**
 * What create-call and update-call refuse whoever calls them (form or API), all at once, in the form's
 * order: a programme that does not exist, dates outside 2001 to five years after `now` or in the
 * wrong order, weights that do not add up to 100.
 */
export async function refuseImplausibleCall(db: Database, input: CallInput, now: Date): Promise<void> {
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, input.programmeId));
  refuseProblems([
    ...(programme ? [] : [{ field: 'programmeId', code: 'chooseProgramme' as const }]),
    ...callDateProblems(input, now),
    ...weightProblems(input.criteria),
  ]);
}

/** Opens a programme's call for applications, with its scoring criteria, in one transaction. */
export async function createCall(ctx: CoreContext, input: CallInput): Promise<{ id: string }> {
  const now = ctx.now();
  requirePermission(ctx.actor, 'call:manage');
  return ctx.db.transaction(async (tx) => {
    await refuseImplausibleCall(tx, input, now);
    const { criteria, ...fields } = input;
    const [row] = await tx.insert(calls).values(fields).returning();
    const id = row!.id;
    await tx.insert(callCriteria).values(criteria.map((c, position) => ({ callId: id, name: c.name, weight: c.weight, position })));
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'call.created', recordType: 'call', recordId: id, after: { ...input } });
    return { id };
  });
}
