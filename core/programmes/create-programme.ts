import { eq } from 'drizzle-orm';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { programmeMoneyColumns, type ProgrammeInput } from './programme-input.ts';

/** Adds a programme (a funding line with its rules). Codes are unique: they name the programme in data and URLs. */
export async function createProgramme(ctx: CoreContext, { trancheShares, varianceThreshold, ...input }: ProgrammeInput): Promise<{ id: string }> {
  requirePermission(ctx.actor, 'programme:manage');
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, input.code));
    if (taken) throw new DomainError('programmeCodeTaken', { field: 'code', params: { code: input.code }, status: 409 });
    const [row] = await tx.insert(programmes).values({ ...input, ...programmeMoneyColumns({ trancheShares, varianceThreshold }) }).returning();
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'programme.created', recordType: 'programme', recordId: row!.id, after: { ...input, trancheSharesBasisPoints: row!.trancheSharesBasisPoints, varianceThresholdBasisPoints: row!.varianceThresholdBasisPoints } });
    return { id: row!.id };
  });
}
