import { and, eq, ne } from 'drizzle-orm';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isVersion } from '../records/expected-version.ts';
import { programmeMoneyColumns, type ProgrammeInput } from './programme-input.ts';

/**
 * Saves a programme's rules if nobody saved them since the editor loaded the form (`version`):
 * a stale save is refused (409) and changes nothing. The audit entry holds the fields that changed.
 */
export async function updateProgramme(ctx: CoreContext, { programmeId: id, version, trancheShares, varianceThreshold, ...input }: ProgrammeInput & { programmeId: string; version: string }) {
  requirePermission(ctx.actor, 'programme:manage');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(programmes).where(eq(programmes.id, id)).for('update');
    if (!before) throw new NotFoundError('programme');
    const [taken] = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(and(eq(programmes.code, input.code), ne(programmes.id, id)));
    if (taken) throw new DomainError('programmeCodeTaken', { field: 'code', params: { code: input.code }, status: 409 });
    const [after] = await tx
      .update(programmes)
      .set({ ...input, ...programmeMoneyColumns({ trancheShares, varianceThreshold }), updatedAt: new Date() })
      .where(and(eq(programmes.id, id), isVersion(programmes.updatedAt, version)))
      .returning();
    if (!after) throw new DomainError('staleEdit', { status: 409 });
    const { updatedAt: _b, createdAt: _c, ...beforeFields } = before;
    const { updatedAt: _a, createdAt: _d, ...afterFields } = after;
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'programme.updated', recordType: 'programme', recordId: id, before: beforeFields, after: afterFields });
  });
}

