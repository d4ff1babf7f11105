import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import type { Logger } from '../logger.ts';
import type { MailTransport } from './mail-transport.ts';

/*
 * Delivery guarantee: at-least-once, with a duplicate only after a crash.
 *
 * A row is claimed (status 'sending') in a short transaction and sent after it commits, so only the
 * worker that claimed a row sends it. If the process dies between the SMTP server accepting a message
 * and the row being marked 'sent', nobody can know whether it went out. Leaving it in 'sending'
 * forever (at-most-once) would silently lose an invitation or a password reset; instead the claim is a
 * lease: after LEASE_MINUTES the row goes back to 'pending' and is sent again. A rare duplicate
 * after a crash is the accepted price.
 *
 * The table has no "claimed at" column, so the lease expiry is kept in next_attempt_at while a row is
 * 'sending' (it means "retry from" in both states). Sends time out long before the lease ends
 * (mail-transport.ts), and a batch stops at half the lease, so a live worker never loses its rows.
 */
const LEASE_MINUTES = 10;
const BACKOFF_BASE_SECONDS = 30;
const BACKOFF_MAX_SECONDS = 60 * 60;

export interface EmailWorkerOptions {
  db: Database;
  transport: MailTransport;
  logger: Logger;
  /** The From header of every message, e.g. `"Mutual Exchange" <no-reply@example.org>`. */
  from: string;
  pollIntervalMs?: number;
  batchSize?: number;
  /** After this many failed attempts a row is 'failed' and left for a person to look at. */
  maxAttempts?: number;
}

export interface EmailWorker {
  /** Claims and sends one batch of due emails; resolves to the number sent. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the batch in flight (its unsent rows are handed back). */
  stop(): Promise<void>;
}

/** Seconds to wait before the next try, after `attempts` tries: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(attempts - 1, 0), BACKOFF_MAX_SECONDS);
}

type ClaimedEmail = Awaited<ReturnType<typeof claimDue>>[number];

/** Starts polling. The caller owns the transport and closes it after stop(). */
export function startEmailWorker(options: EmailWorkerOptions): EmailWorker {
  const { db, transport, logger, from, pollIntervalMs = 2000, batchSize = 10, maxAttempts = 8 } = options;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function runBatch(): Promise<{ claimed: number; sent: number }> {
    if (stopped) return { claimed: 0, sent: 0 };
    const abandoned = await releaseExpiredLeases(db, maxAttempts);
    if (abandoned > 0) logger.warn({ count: abandoned }, 'email worker: retrying emails left in sending by a stopped worker');

    const claimed = await claimDue(db, batchSize);
    const leaseCheckAt = Date.now() + (LEASE_MINUTES * 60_000) / 2;
    let sent = 0;
    for (const [index, email] of claimed.entries()) {
      if (stopped || Date.now() > leaseCheckAt) {
        await handBack(db, claimed.slice(index));
        break;
      }
      if (await deliver(email)) sent += 1;
    }
    return { claimed: claimed.length, sent };
  }

  /** Sends one claimed row and records the outcome. A database error here is thrown, not recorded. */
  async function deliver(email: ClaimedEmail): Promise<boolean> {
    let outcome: { messageId: string } | { error: string };
    try {
      outcome = await transport.send({
        from,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        ...(email.htmlBody ? { html: email.htmlBody } : {}),
      });
    } catch (error) {
      outcome = { error: (error instanceof Error ? error.message : String(error)).slice(0, 1000) };
    }
    const mine = and(eq(emailOutbox.id, email.id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.attempts, email.attempts));
    const log = { emailId: email.id, attempts: email.attempts };

    if ('messageId' in outcome) {
      const updated = await db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: sql`now()`, messageId: outcome.messageId })
        .where(mine)
        .returning({ id: emailOutbox.id });
      if (updated.length === 0) logger.warn(log, 'email worker: sent after its lease ran out; it may be sent twice');
      else logger.info({ ...log, messageId: outcome.messageId }, 'email sent');
      return true;
    }

    const giveUp = email.attempts >= maxAttempts;
    await db
      .update(emailOutbox)
      .set({
        status: giveUp ? 'failed' : 'pending',
        nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(email.attempts)})`,
        lastError: outcome.error,
      })
      .where(mine);
    if (giveUp) logger.error({ ...log, error: outcome.error }, 'email failed for good');
    else logger.warn({ ...log, error: outcome.error }, 'email not sent; will retry');
    return false;
  }

  // Every run is tracked so stop() can wait for it, whether the loop or a caller started it.
  function track<T>(run: Promise<T>): Promise<T> {
    inFlight.add(run);
    const forget = () => void inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  async function poll(): Promise<void> {
    let backlog = false;
    try {
      const { claimed } = await track(runBatch());
      backlog = claimed === batchSize;
    } catch (error) {
      // A database outage must not kill the process: log it and try again at the next poll.
      logger.error({ err: error }, 'email worker: poll failed');
    }
    // setTimeout after each run, not setInterval: runs never overlap, however slow the SMTP server.
    if (!stopped) schedule(backlog ? 0 : pollIntervalMs);
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => void poll(), delayMs);
    // The worker alone must not keep the process alive: shutdown is decided by the HTTP server.
    timer.unref();
  }

  schedule(pollIntervalMs);

  return {
    runOnce: async () => (await track(runBatch())).sent,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * Claims due rows in one short transaction and commits before any network I/O: PGlite has a single
 * connection, and on PostgreSQL a transaction held across SMTP would pin a pooled connection.
 * SKIP LOCKED lets several workers (or processes) claim disjoint batches without waiting.
 */
async function claimDue(db: Database, batchSize: number) {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({
        status: 'sending',
        attempts: sql`${emailOutbox.attempts} + 1`,
        nextAttemptAt: sql`now() + make_interval(mins => ${LEASE_MINUTES})`,
      })
      .where(
        inArray(
          emailOutbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning({
        id: emailOutbox.id,
        toAddress: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        textBody: emailOutbox.textBody,
        htmlBody: emailOutbox.htmlBody,
        attempts: emailOutbox.attempts,
        createdAt: emailOutbox.createdAt,
      });
  });
  // RETURNING has no order; send oldest first, as claimed.
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Rows whose lease ran out (their worker died mid-send) become due again, or failed when out of tries. */
async function releaseExpiredLeases(db: Database, maxAttempts: number): Promise<number> {
  const released = await db
    .update(emailOutbox)
    .set({
      status: sql`case when ${emailOutbox.attempts} >= ${maxAttempts} then 'failed' else 'pending' end`,
      lastError: 'interrupted while sending (worker stopped or crashed); it may already have been delivered',
    })
    .where(and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
    .returning({ id: emailOutbox.id });
  return released.length;
}

/** Rows claimed but not tried (stop() or a slow batch) go back as they were, due now, with the try undone. */
async function handBack(db: Database, emails: ClaimedEmail[]): Promise<void> {
  for (const email of emails) {
    await db
      .update(emailOutbox)
      .set({ status: 'pending', attempts: email.attempts - 1, nextAttemptAt: sql`now()` })
      .where(and(eq(emailOutbox.id, email.id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.attempts, email.attempts)));
  }
}
