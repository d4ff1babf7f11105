import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { LIST_TOTAL_CAP } from '../pagination/list-total-cap.ts';
import { listApplications } from './list-applications.ts';

const testDb = useTestDatabase();

describe('the application list’s total', () => {
  it('is exact up to the cap, and above it says so and stops counting', async () => {
    const db = testDb.db;
    const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
    const as = coreContext({ db, actor: adviser.actor });
    const first = await createApplication(db, { title: 'Cap 0000', status: 'submitted', submittedAt: new Date('2026-03-01T10:00:00Z') });
    const copies = (from: number, to: number) =>
      db.execute(sql`insert into applications (call_id, coordinator_organisation_id, title, status, shape, submitted_at)
        select call_id, coordinator_organisation_id, 'Cap ' || lpad(g::text, 4, '0'), status, shape, submitted_at
        from applications, generate_series(${from}::int, ${to}::int) g where id = ${first.id}`);
    const call = first.callId;

    await copies(1, LIST_TOTAL_CAP - 1);
    expect(await listApplications(as, { call })).toMatchObject({ total: LIST_TOTAL_CAP, totalCapped: false });

    await copies(LIST_TOTAL_CAP, LIST_TOTAL_CAP);
    const capped = await listApplications(as, { call });
    expect(capped).toMatchObject({ total: LIST_TOTAL_CAP, totalCapped: true });
    expect(capped.items[0]?.title).toBe('Cap 0000');
    // A filter that narrows it below the cap counts exactly again.
    expect(await listApplications(as, { call, q: 'Cap 00' })).toMatchObject({ total: 100, totalCapped: false });
  });
});
