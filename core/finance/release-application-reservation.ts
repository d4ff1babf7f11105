import type { Database } from '../../db/database.ts';
import type { applications } from '../../db/schema/applications.ts';
import type { calls } from '../../db/schema/calls.ts';
import type { CoreContext } from '../context.ts';
import { accountBalance } from './account-balance.ts';
import { callBudgetYear } from './call-budget-year.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { moveMoney } from './move-money.ts';

/**
 * When the agency's review of an application ends (approved, rejected or returned), inside that
 * transaction: whatever is reserved for it goes back to the call, as a `release`. On approval this runs
 * before the granted stage's commitment, which then takes the approved amount from the call. Returns the
 * amount released (0 when nothing was reserved).
 */
export async function releaseApplicationReservation(tx: Database, ctx: CoreContext, application: typeof applications.$inferSelect, call: Pick<typeof calls.$inferSelect, 'id' | 'programmeId' | 'opensOn'>): Promise<number> {
  const account = ledgerAccount.reservation(application.id);
  const held = await accountBalance(tx, account);
  if (held <= 0) return 0;
  await moveMoney(tx, ctx, {
    kind: 'release',
    year: callBudgetYear(call),
    amountMinor: held,
    fromAccount: account,
    toAccount: ledgerAccount.call(call.id),
    programmeId: call.programmeId,
    callId: call.id,
    reason: '',
    documentType: 'application',
    documentRef: application.id,
  });
  return held;
}
