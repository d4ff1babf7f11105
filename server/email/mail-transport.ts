import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger.ts';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** What the email worker needs from a mail server; the worker owns retries, not the transport. */
export interface MailTransport {
  kind: 'smtp' | 'log';
  /** Resolves once the server accepted the message; rejects when it refused or could not be reached. */
  send(message: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * nodemailer's defaults let one send hang for up to 10 minutes (socket inactivity) plus 2 minutes to
 * connect. The worker leases a claimed row for 10 minutes (email-worker.ts), so a send must fail well
 * inside that, or another poll could take the row back and send it a second time.
 */
const smtpTimeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * SMTP when a URL is configured (`smtp://host:2525`, `smtps://user:pass@host:465`); otherwise, in
 * development, each message is written to the log and counts as sent, so the outbox page shows it.
 */
export function createMailTransport(smtpUrl: string | undefined, logger: Logger): MailTransport {
  if (smtpUrl) return createSmtpTransport(smtpUrl);
  // Said once at start-up, so a production server without SMTP_URL is noticed before anyone waits for mail.
  logger.warn('no SMTP server configured: emails are written to the log instead of being sent');
  return createLogTransport(logger);
}

function createSmtpTransport(url: string): MailTransport {
  // The URL carries the credentials: it is handed to nodemailer and never logged.
  const transporter = nodemailer.createTransport({ url, ...smtpTimeouts });
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

function createLogTransport(logger: Logger): MailTransport {
  return {
    kind: 'log',
    async send(message) {
      // Same shape as a Message-ID header; `.invalid` (RFC 2606) marks it as never having left the machine.
      const messageId = `<${randomUUID()}@mail-log.invalid>`;
      // The full text is logged on purpose: in development this is how the invitation link is reached.
      logger.info({ messageId, to: message.to, subject: message.subject, text: message.text }, 'email (not sent: no SMTP server)');
      return { messageId };
    },
    close: () => {},
  };
}
