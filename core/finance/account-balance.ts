import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { balanceSql } from './ledger-sums.ts';

/**
 * What an account holds now: the sum of what the ledger moved into it minus what it moved out, in minor
 * units. Run it after taking the lock that guards the account (core/finance/lock-*.ts) when the answer
 * decides whether money may leave it.
 */
export async function accountBalance(db: Database, account: string): Promise<number> {
  const [row] = await rawRows<{ balance: string | number | null }>(db, sql`
select ${balanceSql(account)} as balance`);
  return Number(row?.balance ?? 0);
}
