import { desc } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';

/** One outgoing email as the administrators' mail viewer shows it (no HTML: the text is what is read). */
export interface OutboxEntry {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  locale: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

/** The viewer shows one screenful; anything older is for the database, not a page. */
const MAX_LIMIT = 200;

/**
 * The newest emails, for administrators. Without SMTP (development) this is where an invitation link
 * is found; in production it shows what failed and why. The bodies hold one-time links, hence the
 * administrator-only permission.
 */
export async function listOutbox(ctx: CoreContext, { limit = 50 }: { limit?: number } = {}): Promise<OutboxEntry[]> {
  requirePermission(ctx.actor, 'email:read-outbox');
  return ctx.db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      locale: emailOutbox.locale,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      lastError: emailOutbox.lastError,
    })
    .from(emailOutbox)
    // id breaks ties between rows written in one transaction (same now()), so the order is stable.
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT));
}
