import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { signInFailures } from '../../db/schema/access.ts';
import { rateLimit } from '../../db/schema/auth.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { system } from './actor.ts';

/** Five wrong passwords within 15 minutes lock the account for 15 minutes. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/**
 * Failed sign-ins per IP address per window, across all accounts (stops password spraying). Only
 * failures count: a whole office behind one address signing in every morning is not an attack.
 */
export const MAX_ATTEMPTS_PER_IP = 30;

const normalise = (email: string) => email.trim().toLowerCase();
const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

/** Before checking a password: refuses a locked account (saying for how long) and an IP address that has failed too often. */
export async function checkSignInAllowed(ctx: CoreContext, { email, ip }: { email: string; ip: string }) {
  const { db } = ctx;
  const now = ctx.now();
  const [lock] = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, normalise(email)), gt(signInFailures.lockedUntil, now)));
  if (lock?.lockedUntil) {
    throw new DomainError('signInLocked', { field: 'email', params: { minutes: minutesUntil(lock.lockedUntil, now) }, status: 429 });
  }
  const [row] = await db
    .select({ count: rateLimit.count, lastRequest: rateLimit.lastRequest })
    .from(rateLimit)
    .where(eq(rateLimit.key, `sign-in:${ip}`));
  if (row && row.count >= MAX_ATTEMPTS_PER_IP && row.lastRequest >= now.getTime() - FAILURE_WINDOW_MS) {
    throw new DomainError('tooManyAttempts', { params: { minutes: minutesUntil(new Date(row.lastRequest + FAILURE_WINDOW_MS), now) }, status: 429 });
  }
}

/** Counts a failure against an IP address; the window restarts after 15 quiet minutes. */
async function countIpFailure(db: Database, ip: string, now: Date) {
  const key = `sign-in:${ip}`;
  const windowStart = now.getTime() - FAILURE_WINDOW_MS;
  await db
    .insert(rateLimit)
    .values({ id: key, key, count: 1, lastRequest: now.getTime() })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} < ${windowStart} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now.getTime(),
      },
    });
}

/** After a wrong password: counts it, and locks the account at the fifth failure in the window. */
export async function recordSignInFailure(
  ctx: CoreContext,
  { email, ip = 'unknown' }: { email: string; ip?: string },
): Promise<{ locked: boolean }> {
  const { db } = ctx;
  const now = ctx.now();
  const address = normalise(email);
  await countIpFailure(db, ip, now);
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(signInFailures)
      .values({ email: address, failures: 1, firstFailureAt: now })
      .onConflictDoUpdate({
        target: signInFailures.email,
        set: {
          failures: sql`case when ${signInFailures.firstFailureAt} < ${windowStart} then 1 else ${signInFailures.failures} + 1 end`,
          firstFailureAt: sql`case when ${signInFailures.firstFailureAt} < ${windowStart} then ${now} else ${signInFailures.firstFailureAt} end`,
        },
      })
      .returning({ failures: signInFailures.failures });
    if (!row || row.failures < MAX_FAILURES) return { locked: false };
    const lockedUntil = new Date(now.getTime() + LOCK_MS);
    await tx.update(signInFailures).set({ lockedUntil, failures: 0 }).where(eq(signInFailures.email, address));
    await recordAudit(tx, { ...ctx, db: tx, actor: system('sign-in') }, {
      action: 'account.locked',
      recordType: 'account',
      recordId: address,
      after: { lockedUntil: lockedUntil.toISOString(), failures: MAX_FAILURES },
    });
    return { locked: true };
  });
}

export async function clearSignInFailures(db: Database, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.email, normalise(email)));
}
