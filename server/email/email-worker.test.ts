import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueEmail, type EmailRequest } from '../../core/email/enqueue-email.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import nb from '../../i18n/messages/nb.json' with { type: 'json' };
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { retryDelaySeconds, startEmailWorker, type EmailWorker, type EmailWorkerOptions } from './email-worker.ts';
import { createMailTransport, type MailTransport } from './mail-transport.ts';

const testDb = useTestDatabase();
const silent = pino({ level: 'silent' });
const from = '"Norec utveksling" <ikke-svar@example.no>';
/** Long enough that the polling loop never fires during a test that drives runOnce by hand. */
const manualOnly = 60 * 60_000;

interface Delivery {
  envelopeTo: string[];
  mail: ParsedMail;
}

/** A real SMTP server on a random port, as a mail relay would be, that can be told to refuse mail. */
async function startSmtpServer() {
  const state = { deliveries: [] as Delivery[], refuse: false };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!state.refuse) return callback();
      // 450 is a temporary refusal ("try again later"), what a relay says when it is throttling.
      callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 450 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        state.deliveries.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    state,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

const invitation = (overrides: Partial<EmailRequest> = {}): EmailRequest => ({
  to: 'kari.nordmann@example.no',
  locale: 'nb',
  name: 'Kari',
  template: 'invitation',
  params: {
    inviter: 'Ola Nordmann',
    role: 'partnerkoordinator',
    organisation: 'Bergen kommune',
    url: 'https://utveksling.example.no/invitasjon/3f9c2a7e',
    expires: '1. juli 2026',
  },
  agencyName: 'Norec',
  ...overrides,
});

const enqueue = (...requests: EmailRequest[]) =>
  testDb.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const request of requests) ids.push(await enqueueEmail(tx, request));
    return ids;
  });

const rowOf = async (id: string) => (await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

/** Stands in for the clock moving past a retry's next_attempt_at. */
const makeDue = (id: string) =>
  testDb.db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: MailTransport;
const workers: EmailWorker[] = [];

function worker(overrides: Partial<EmailWorkerOptions> = {}): EmailWorker {
  const started = startEmailWorker({ db: testDb.db, transport, logger: silent, from, pollIntervalMs: manualOnly, ...overrides });
  workers.push(started);
  return started;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  transport = createMailTransport(smtp.url, silent);
});
beforeEach(async () => {
  await testDb.db.delete(emailOutbox);
  smtp.state.deliveries.length = 0;
  smtp.state.refuse = false;
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  transport?.close();
  await smtp?.close();
});

describe('email worker, through a real SMTP server', () => {
  it('delivers a Norwegian invitation with its subject from the nb catalog and the link in the body', async () => {
    const [id] = await enqueue(invitation());
    expect(await worker().runOnce()).toBe(1);

    expect(smtp.state.deliveries).toHaveLength(1);
    const { envelopeTo, mail } = smtp.state.deliveries[0]!;
    expect(envelopeTo).toEqual(['kari.nordmann@example.no']);
    expect(mail.subject).toBe(nb['email.invitation.subject'].replace('{agency}', 'Norec'));
    expect(mail.subject).toBe('Invitasjon til utvekslingsplattformen til Norec');
    expect(mail.from?.text).toContain('ikke-svar@example.no');
    expect(mail.text).toContain('Hei Kari,');
    expect(mail.text).toContain('Ola Nordmann har invitert deg');
    expect(mail.text).toContain('som partnerkoordinator for Bergen kommune.');
    expect(mail.text).toContain('https://utveksling.example.no/invitasjon/3f9c2a7e');
    expect(mail.text).toContain('Lenken virker én gang og går ut 1. juli 2026.');

    const row = await rowOf(id!);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, messageId: mail.messageId });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('leaves out the organisation when there is none', async () => {
    await enqueue(invitation({ params: { ...invitation().params, organisation: 'none' } }));
    await worker().runOnce();
    expect(smtp.state.deliveries[0]!.mail.text).toContain('som partnerkoordinator.');
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const rollback = testDb.db.transaction(async (tx) => {
      await enqueueEmail(tx, invitation());
      throw new Error('the invitation itself failed');
    });
    await expect(rollback).rejects.toThrow('the invitation itself failed');

    expect(await worker().runOnce()).toBe(0);
    expect(smtp.state.deliveries).toHaveLength(0);
    expect(await testDb.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it('puts a refused email back with backoff, then sends it exactly once when the server accepts', async () => {
    const [id] = await enqueue(invitation());
    const w = worker();
    smtp.state.refuse = true;
    expect(await w.runOnce()).toBe(0);

    const [retry] = await testDb.db
      .select({
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        waitSeconds: sql<number>`extract(epoch from (${emailOutbox.nextAttemptAt} - now()))::float8`,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, id!));
    expect(retry).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retry!.lastError).toMatch(/Mailbox temporarily unavailable/);
    expect(retry!.waitSeconds).toBeGreaterThan(20);
    expect(retry!.waitSeconds).toBeLessThanOrEqual(30);

    // Accepting again changes nothing until the retry is due.
    smtp.state.refuse = false;
    expect(await w.runOnce()).toBe(0);
    expect(smtp.state.deliveries).toHaveLength(0);

    await makeDue(id!);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(smtp.state.deliveries).toHaveLength(1);
    expect(await rowOf(id!)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks an email failed after maxAttempts and stops trying', async () => {
    const [id] = await enqueue(invitation());
    const w = worker({ maxAttempts: 2 });
    smtp.state.refuse = true;
    await w.runOnce();
    await makeDue(id!);
    await w.runOnce();
    expect(await rowOf(id!)).toMatchObject({ status: 'failed', attempts: 2 });

    smtp.state.refuse = false;
    await makeDue(id!);
    expect(await w.runOnce()).toBe(0);
    expect(smtp.state.deliveries).toHaveLength(0);
  });

  it('never delivers a row twice, with runs repeated or two workers at once', async () => {
    const addresses = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@example.no`);
    await enqueue(...addresses.map((to) => invitation({ to })));
    const first = worker({ batchSize: 2 });
    const second = worker({ batchSize: 2 });

    let sent = 0;
    for (let round = 0; round < 4; round += 1) {
      const counts = await Promise.all([first.runOnce(), second.runOnce(), first.runOnce()]);
      sent += counts.reduce((sum, count) => sum + count, 0);
    }
    expect(sent).toBe(5);
    const delivered = smtp.state.deliveries.flatMap((delivery) => delivery.envelopeTo);
    expect(delivered.toSorted()).toEqual(addresses);
  });

  it('sends again a row whose worker died mid-send, but not one another worker is still sending', async () => {
    const [crashed, inProgress] = await enqueue(invitation({ to: 'crashed@example.no' }), invitation({ to: 'busy@example.no' }));
    await testDb.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: sql`now() - interval '1 minute'` })
      .where(eq(emailOutbox.id, crashed!));
    await testDb.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: sql`now() + interval '5 minutes'` })
      .where(eq(emailOutbox.id, inProgress!));

    expect(await worker().runOnce()).toBe(1);
    expect(smtp.state.deliveries.map((delivery) => delivery.envelopeTo)).toEqual([['crashed@example.no']]);
    expect(await rowOf(crashed!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await rowOf(inProgress!)).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('polls on its own until stopped', async () => {
    const [id] = await enqueue(invitation());
    worker({ pollIntervalMs: 20 });
    await vi.waitFor(() => expect(smtp.state.deliveries).toHaveLength(1), { timeout: 120_000 });
    await vi.waitFor(async () => expect((await rowOf(id!)).status).toBe('sent'));
  });
});

describe('email worker, without SMTP (development)', () => {
  it('writes the message to the log and marks the row sent', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logTransport = createMailTransport(undefined, logger);
    expect(logTransport.kind).toBe('log');

    const [id] = await enqueue(invitation());
    expect(await worker({ transport: logTransport, logger }).runOnce()).toBe(1);

    expect(smtp.state.deliveries).toHaveLength(0);
    const row = await rowOf(id!);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@mail-log\.invalid>$/);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.messageId === row.messageId);
    expect(logged).toMatchObject({ to: 'kari.nordmann@example.no', subject: 'Invitasjon til utvekslingsplattformen til Norec' });
    expect(logged?.text).toContain('https://utveksling.example.no/invitasjon/3f9c2a7e');
  });
});

describe('stop()', () => {
  it('waits for the send in flight and hands the rest of the batch back untouched', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sendStarted = () => {};
    const started = new Promise<void>((resolve) => (sendStarted = resolve));
    const slow: MailTransport = {
      kind: 'log',
      async send() {
        sendStarted();
        await gate;
        return { messageId: '<slow@example.test>' };
      },
      close: () => {},
    };
    const [firstId, secondId] = await enqueue(invitation({ to: 'first@example.no' }), invitation({ to: 'second@example.no' }));
    const w = worker({ transport: slow, pollIntervalMs: 10 });
    await started;

    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);

    release();
    await stopping;
    const rows = [await rowOf(firstId!), await rowOf(secondId!)];
    expect(rows.map((row) => [row.status, row.attempts]).toSorted()).toEqual([
      ['pending', 0],
      ['sent', 1],
    ]);
  });
});

describe('retryDelaySeconds', () => {
  it('doubles from 30 seconds and stops at one hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
  });
});
