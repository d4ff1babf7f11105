import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { stageTranches, type TrancheStatus } from '../../db/schema/disbursements.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { lockLedgerAccount } from './lock-ledger-account.ts';

/**
 * A tranche about to change, inside the caller's transaction: its stage's account is locked first (so the
 * approvals, payments and refunds of one stage run one after the other), then its row; refused when the
 * version given is not the row's (someone changed it meanwhile) or the tranche is no longer `expected`.
 */
export async function lockTranche(tx: Database, trancheId: string, version: number, expected: TrancheStatus, notExpected: 'trancheNotPlanned' | 'trancheNotApproved') {
  const [found] = await tx.select({ stageId: stageTranches.stageId }).from(stageTranches).where(eq(stageTranches.id, trancheId));
  if (!found) throw new NotFoundError('stage_tranche');
  await lockLedgerAccount(tx, ledgerAccount.stage(found.stageId));
  const [row] = await tx.select().from(stageTranches).where(eq(stageTranches.id, trancheId)).for('update');
  if (!row) throw new NotFoundError('stage_tranche');
  if (row.version !== version) throw new DomainError('staleEdit', { status: 409 });
  if (row.status !== expected) throw new DomainError(notExpected, { status: 409 });
  return row;
}
