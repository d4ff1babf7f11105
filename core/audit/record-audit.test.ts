import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { ForbiddenError } from '../errors.ts';
import { listAuditLog } from './list-audit-log.ts';
import { changedFields, recordAudit } from './record-audit.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
/** Drizzle wraps the database's error; the reason is in its cause. */
const refusedAsAppendOnly = (error: unknown) => /append-only/.test(String((error as { cause?: Error }).cause?.message ?? error));

describe('audit trail', () => {
  it('keeps only changed fields and masks sensitive values', () => {
    expect(changedFields({ name: 'A', city: 'Oslo', password: 'x' }, { name: 'B', city: 'Oslo', password: 'y' })).toEqual({
      before: { name: 'A', password: '***' },
      after: { name: 'B', password: '***' },
    });
  });

  it('is append-only: the database refuses updates, deletes and truncation', async () => {
    await recordAudit(testDb.db, coreContext({ db: testDb.db, actor: { kind: 'system', label: 'test' } }), { action: 'test.done', recordType: 'test', recordId: 'r1', after: { a: 1 } });
    await expect(testDb.db.update(auditLog).set({ action: 'tampered' }).where(eq(auditLog.recordId, 'r1'))).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(testDb.db.delete(auditLog).where(eq(auditLog.recordId, 'r1'))).rejects.toSatisfy(refusedAsAppendOnly);
    await expect(testDb.db.execute(sql`truncate audit_log`)).rejects.toSatisfy(refusedAsAppendOnly);
    const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, 'r1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'test.done', actorLabel: 'system:test' });
  });

  it('is readable and filterable by administrators only', async () => {
    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    await recordAudit(testDb.db, coreContext({ db: testDb.db, actor: adviser.actor }), { action: 'thing.changed', recordType: 'thing', recordId: 't9', before: { n: 1 }, after: { n: 2 } });
    const page = await listAuditLog(coreContext({ db: testDb.db, actor: admin.actor }), { actor: adviser.email });
    expect(page.items).toEqual([expect.objectContaining({ action: 'thing.changed', before: { n: 1 }, after: { n: 2 } })]);
    await expect(listAuditLog(coreContext({ db: testDb.db, actor: adviser.actor }), {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
