import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { participantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError } from '../errors.ts';
import { runReportRemindersNow } from './run-report-reminders.ts';

const testDb = useTestDatabase();
const april = () => new Date('2026-04-10T08:00:00Z');

describe('running the report reminders from the admin page', () => {
  it('sends what is due once, only for an administrator, and audits the run', async () => {
    const w = await participantWorld(testDb.db);
    const row = await createParticipant(testDb.db, { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', status: 'in_placement', startsOn: '2026-03-01', endsOn: '2026-08-31', actualStartsOn: '2026-03-03' });
    await createUser(testDb.db, { participantIds: [row.id] });

    await expect(runReportRemindersNow(w.as(w.adviser, april))).rejects.toBeInstanceOf(ForbiddenError);
    const first = await runReportRemindersNow(w.as(w.admin, april));
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(first.emails).toBeGreaterThanOrEqual(first.sent);
    // The same reminders are not sent twice.
    expect(await runReportRemindersNow(w.as(w.admin, april))).toMatchObject({ sent: 0, alreadySent: first.sent + first.alreadySent });
    const runs = await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'job.reminders.run'), eq(auditLog.actorId, w.admin.id)));
    expect(runs).toHaveLength(2);
  });
});
