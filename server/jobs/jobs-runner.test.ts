import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { iatiChecks } from '../../db/schema/iati-checks.ts';
import { reportReminders } from '../../db/schema/participants.ts';
import { participantWorld } from '../../tests/support/participant-world.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { createLogger } from '../logger.ts';
import { startJobsRunner } from './jobs-runner.ts';

const testDb = useTestDatabase();

describe('the jobs runner', () => {
  it('runs the reminders; a restarted runner on the same database sends nothing twice', async () => {
    const w = await participantWorld(testDb.db);
    const row = await createParticipant(testDb.db, {
      partnershipId: w.partnership.id,
      homeOrganisationId: w.kathmandu.id,
      hostOrganisationId: w.bergen.id,
      homeCountry: 'NP',
      status: 'in_placement',
      startsOn: '2026-03-01',
      endsOn: '2026-08-31',
      actualStartsOn: '2026-03-03',
      locale: 'es',
    });
    const now = () => new Date('2026-04-05T09:00:00Z');
    const logger = createLogger('silent');
    const options = { db: testDb.db, logger, publicUrl: 'https://exchange.example', now, firstRunAfterMs: 60_000, intervalMs: 60_000 };

    const first = startJobsRunner(options);
    const ran = await first.runOnce();
    expect(ran.reminders?.details).toMatchObject({ sent: [expect.objectContaining({ participantId: row.id, kind: 'arrival', step: 'overdue' })] });
    await first.stop();

    // The server restarts: a new runner, the same database.
    const second = startJobsRunner(options);
    const again = await second.runOnce();
    expect(again.reminders?.details).toMatchObject({ sent: [], alreadySent: 1 });
    await second.stop();

    const mails = await testDb.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, row.email!), eq(emailOutbox.template, 'reportReminder')));
    expect(mails).toHaveLength(1);
    // No account yet: the nomination's language.
    expect(mails[0]!.locale).toBe('es');
  });

  it('runs on its own after start, and stop() waits for the run in flight', async () => {
    const w = await participantWorld(testDb.db);
    const row = await createParticipant(testDb.db, {
      partnershipId: w.partnership.id,
      homeOrganisationId: w.kathmandu.id,
      hostOrganisationId: w.bergen.id,
      homeCountry: 'NP',
      status: 'in_placement',
      startsOn: '2026-05-01',
      endsOn: '2026-10-31',
      actualStartsOn: '2026-05-04',
    });
    const runner = startJobsRunner({ db: testDb.db, logger: createLogger('silent'), publicUrl: 'https://exchange.example', now: () => new Date('2026-06-10T09:00:00Z'), firstRunAfterMs: 5, intervalMs: 3_600_000 });
    const reminded = async () => (await testDb.db.select().from(reportReminders).where(eq(reportReminders.participantId, row.id))).length;
    for (let i = 0; i < 100 && (await reminded()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await runner.stop();
    expect(await reminded()).toBe(1);
  });

  it('brings the planner’s statistics up to date: a table that grew is known at its new size', async () => {
    const w = await participantWorld(testDb.db);
    const reltuples = async () => Number((await rawRows<{ n: number }>(testDb.db, sql`select reltuples::float8 as n from pg_class where relname = 'participants'`))[0]!.n);
    await testDb.db.execute(sql`analyze participants`);
    const before = await reltuples();
    for (let i = 0; i < 3; i++) await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', startsOn: '2026-05-01', endsOn: '2026-10-31' });
    const runner = startJobsRunner({ db: testDb.db, logger: createLogger('silent'), publicUrl: 'https://exchange.example', names: ['analyse'], firstRunAfterMs: 3_600_000 });
    const ran = await runner.runOnce();
    await runner.stop();
    expect(ran.analyse?.summary).toContain('analyse');
    expect(await reltuples()).toBe(Math.max(before, 0) + 3);
  });

  it('checks the IATI export on its own at start, and again only when something changed, quietly when nothing did', async () => {
    // The runs above (every job, at other dates) stored checks of their own.
    await testDb.db.delete(iatiChecks);
    const runner = startJobsRunner({ db: testDb.db, logger: createLogger('silent'), publicUrl: 'https://exchange.example', names: ['iatiCheck'] });
    const stored = async () => (await testDb.db.select({ id: iatiChecks.id }).from(iatiChecks).where(isNotNull(iatiChecks.finishedAt))).length;
    // Its own schedule: at start, not 30 seconds later as the hourly jobs.
    for (let i = 0; i < 200 && (await stored()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await stored()).toBe(1);
    const idle = await runner.runOnce();
    expect(idle.iatiCheck).toMatchObject({ idle: true, details: { made: false } });
    await testDb.db.insert(auditLog).values({ actorLabel: 'test', action: 'organisation.updated', recordType: 'organisation', recordId: 'o' });
    const again = await runner.runOnce();
    expect(again.iatiCheck).toMatchObject({ details: { made: true } });
    expect(again.iatiCheck?.idle).toBeUndefined();
    await runner.stop();
    expect(await stored()).toBe(1);
  });
});
