import type { Database } from '../../db/database.ts';
import type { applications } from '../../db/schema/applications.ts';
import type { calls } from '../../db/schema/calls.ts';
import { latestRoundVersions, recordBudgetVersions } from '../budgets/record-budget-versions.ts';
import type { CoreContext } from '../context.ts';
import { callBudgetYear } from './call-budget-year.ts';
import { FundsShortError } from './funds-short-error.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { sumMinor } from './money.ts';
import { moveMoney } from './move-money.ts';

/** What taking an application into review set aside: the amount, or why nothing (no budget yet, or the call short of it). */
export type ReservationOutcome = { reservedMinor: number } | { reservedMinor: 0; short: { neededMinor: number; leftMinor: number } };

/**
 * When the agency takes an application into review, inside that transaction: its round budget as last
 * recorded (the sum of its rounds' latest versions, core/budgets/record-budget-versions.ts) is reserved
 * from the call's money, so the year view's "remaining" no longer counts money that applications in
 * review may need. A call that cannot cover the budget does not stop the review: nothing is reserved,
 * the outcome says how much was needed and left, and approval later commits only what is there then.
 * An application without a computed budget (an agreement, or no published unit costs) reserves nothing.
 */
export async function reserveApplicationBudget(tx: Database, ctx: CoreContext, application: typeof applications.$inferSelect, call: Pick<typeof calls.$inferSelect, 'id' | 'programmeId' | 'opensOn'>): Promise<ReservationOutcome> {
  let versions = await latestRoundVersions(tx, application.id);
  // A budget nobody has opened yet has no recorded version: recorded now, as its first.
  if (versions.size === 0 && (await recordBudgetVersions(tx, { applicationId: application.id, cause: 'created', userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, now: ctx.now() })).length > 0) versions = await latestRoundVersions(tx, application.id);
  const neededMinor = sumMinor([...versions.values()].map((v) => v.totalMinor ?? 0));
  if (neededMinor <= 0) return { reservedMinor: 0 };
  try {
    await moveMoney(tx, ctx, {
      kind: 'reservation',
      year: callBudgetYear(call),
      amountMinor: neededMinor,
      fromAccount: ledgerAccount.call(call.id),
      toAccount: ledgerAccount.reservation(application.id),
      programmeId: call.programmeId,
      callId: call.id,
      // Said by the document: this application's review (pages name it in the reader's language).
      reason: '',
      documentType: 'application',
      documentRef: application.id,
    });
    return { reservedMinor: neededMinor };
  } catch (error) {
    if (error instanceof FundsShortError) return { reservedMinor: 0, short: { neededMinor, leftMinor: error.leftMinor } };
    throw error;
  }
}
