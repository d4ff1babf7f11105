import { and, asc, eq, sql } from 'drizzle-orm';
import { applicationScores } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import type { CallInput } from './call-input.ts';
import { refuseImplausibleCall } from './create-call.ts';

const sameCriteria = (a: CallInput['criteria'], b: CallInput['criteria']) =>
  a.length === b.length && a.every((c, i) => c.name === b[i]!.name && c.weight === b[i]!.weight);

/**
 * Saves a call if nobody saved it since the editor loaded it (`version`; stale → 409). Changed
 * criteria replace the old ones in the same transaction, unless an adviser has already scored an
 * application against them: then they are fixed (409 `criteriaInUse`), so no score loses its meaning.
 */
export async function updateCall(ctx: CoreContext, { callId: id, version, ...input }: CallInput & { callId: string; version: string }) {
  const now = ctx.now();
  requirePermission(ctx.actor, 'call:manage');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!before) throw new NotFoundError('call');
    await refuseImplausibleCall(tx, input, now);
    const { criteria, ...fields } = input;
    const [after] = await tx
      .update(calls)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(calls.id, id), isVersion(calls.updatedAt, version)))
      .returning();
    if (!after) throw new DomainError('staleEdit', { status: 409 });

    const oldCriteria = await tx
      .select({ id: callCriteria.id, name: callCriteria.name, weight: callCriteria.weight })
      .from(callCriteria)
      .where(eq(callCriteria.callId, id))
      .orderBy(asc(callCriteria.position));
    const criteriaChanged = !sameCriteria(oldCriteria, criteria);
    if (criteriaChanged) {
      const [scored] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(applicationScores)
        .innerJoin(callCriteria, eq(callCriteria.id, applicationScores.criterionId))
        .where(eq(callCriteria.callId, id));
      if ((scored?.n ?? 0) > 0) throw new DomainError('criteriaInUse', { field: 'criteria', status: 409 });
      await tx.delete(callCriteria).where(eq(callCriteria.callId, id));
      await tx.insert(callCriteria).values(criteria.map((c, position) => ({ callId: id, name: c.name, weight: c.weight, position })));
    }

    const { updatedAt: _b, createdAt: _c, ...beforeFields } = before;
    const { updatedAt: _a, createdAt: _d, ...afterFields } = after;
    const strip = (list: CallInput['criteria']) => list.map(({ name, weight }) => ({ name, weight }));
    await recordAudit(tx, { ...ctx, db: tx }, {
      action: 'call.updated',
      recordType: 'call',
      recordId: id,
      before: { ...beforeFields, criteria: strip(oldCriteria) },
      after: { ...afterFields, criteria: strip(criteria) },
    });
  });
}
