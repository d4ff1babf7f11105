import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications } from '../../db/schema/applications.ts';
import { budgetYears } from '../../db/schema/ledger.ts';
import { calls } from '../../db/schema/calls.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { NotFoundError } from '../errors.ts';
import { parseLedgerAccount } from './ledger-accounts.ts';

/**
 * Locks the row that guards an account until the transaction ends, so that reading its balance and
 * moving money out of it cannot interleave with another transaction doing the same: the year's row for
 * `year:…`, the programme's for `programme:…`, the call's for `call:…`, the application's for
 * `reservation:…`, the stage's for `stage:…` and
 * `partner:…:stage:…`. A year's row is made on first use. Throws NotFoundError when the record is gone.
 *
 * FOR NO KEY UPDATE, not FOR UPDATE: it still makes movements out of one account wait for each other, but
 * not for the key-share locks that inserting a row referencing the record takes (an approval inserts
 * several in the same transaction); with FOR UPDATE, twenty approvals at once deadlocked on PostgreSQL.
 */
export async function lockLedgerAccount(tx: Database, account: string): Promise<void> {
  const parsed = parseLedgerAccount(account);
  if (!parsed) throw new RangeError(`Not a ledger account: ${account}`);
  switch (parsed.kind) {
    case 'parliament':
      return;
    case 'year': {
      await tx.insert(budgetYears).values({ year: parsed.year! }).onConflictDoNothing();
      await tx.select({ year: budgetYears.year }).from(budgetYears).where(eq(budgetYears.year, parsed.year!)).for('no key update');
      return;
    }
    case 'programme': {
      const [row] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, parsed.id!)).for('no key update');
      if (!row) throw new NotFoundError('programme');
      return;
    }
    case 'call': {
      const [row] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, parsed.id!)).for('no key update');
      if (!row) throw new NotFoundError('call');
      return;
    }
    case 'reservation': {
      const [row] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, parsed.id!)).for('no key update');
      if (!row) throw new NotFoundError('application');
      return;
    }
    case 'stage':
    case 'partner': {
      const stageId = account.slice(account.lastIndexOf(':') + 1);
      const [row] = await tx.select({ id: partnershipStages.id }).from(partnershipStages).where(eq(partnershipStages.id, sql`${stageId}::uuid`)).for('no key update');
      if (!row) throw new NotFoundError('stage');
      return;
    }
  }
}
