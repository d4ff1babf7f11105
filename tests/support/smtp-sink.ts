import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server for end-to-end tests: every message it accepts is written as JSON into `dir`,
 * where tests read it (tests run in other processes than the server).
 */
export function startSmtpSink(port: number, dir: string): Promise<SMTPServer> {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address).join(',');
          const received: ReceivedMail = { to, subject: mail.subject ?? '', text: mail.text ?? '' };
          writeFileSync(join(dir, `${Date.now()}-${++n}.json`), JSON.stringify(received));
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Waits for a message to `to` to arrive in the sink's directory (the worker polls every 2 s). */
export async function waitForMail(dir: string, to: string, timeoutMs = 20_000, containing = ''): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // not created yet
    }
    for (const name of names.sort().reverse()) {
      const mail = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ReceivedMail;
      if (mail.to === to.toLowerCase() && mail.text.includes(containing)) return mail;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} within ${timeoutMs} ms`);
}
