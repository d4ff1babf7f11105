import { coreContext } from '../../core/context.ts';
import { callBudgetYear } from '../../core/finance/call-budget-year.ts';
import { ledgerAccount } from '../../core/finance/ledger-accounts.ts';
import { postLedgerEntry } from '../../core/finance/post-ledger-entry.ts';
import { system } from '../../core/identity/actor.ts';
import type { Database } from '../database.ts';

/**
 * Money for a call, as the finance officer would have moved it: appropriated for the call's year,
 * allocated to its programme and then to the call (by default its whole ceiling), so approvals against it
 * can commit. Posted through the ledger's own entry point, not by hand.
 */
export async function fundCall(db: Database, call: { id: string; programmeId: string; opensOn: string; budgetCeilingMinor: number }, amountMinor = call.budgetCeilingMinor) {
  const ctx = coreContext({ db, actor: system('factory') });
  const year = callBudgetYear(call);
  const common = { year, amountMinor, reason: 'Test funds', programmeId: call.programmeId };
  await db.transaction(async (tx) => {
    await postLedgerEntry(tx, ctx, { ...common, kind: 'appropriation', fromAccount: ledgerAccount.parliament, toAccount: ledgerAccount.year(year), programmeId: null });
    await postLedgerEntry(tx, ctx, { ...common, kind: 'allocation', fromAccount: ledgerAccount.year(year), toAccount: ledgerAccount.programme(call.programmeId, year) });
    await postLedgerEntry(tx, ctx, { ...common, kind: 'allocation', fromAccount: ledgerAccount.programme(call.programmeId, year), toAccount: ledgerAccount.call(call.id), callId: call.id });
  });
}
