import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { stageReportSettlement } from '../../core/finance/stage-report-settlement.ts';
import { financialReportLines, financialReportReceipts, financialReports } from '../schema/financial-reports.ts';
import { organisations } from '../schema/organisations.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';

// The demo as every run seeds it once (tests/support/global-database.ts), not seeded again here.
const testDb = useTestDatabase({ withDemo: true });

describe('the demo’s financial reports', () => {
  it('has Kathmandu’s approved report on an older round, its submitted one awaiting review and its partner’s draft, with PDF receipts', async () => {
    const [kathmandu] = await testDb.db.select().from(organisations).where(like(organisations.legalName, 'Kathmandu Model%'));
    const reports = await testDb.db.select().from(financialReports);
    const mine = reports.filter((r) => r.organisationId === kathmandu!.id);
    expect(mine.map((r) => r.status).sort()).toEqual(['approved', 'submitted']);
    expect(reports.filter((r) => r.organisationId !== kathmandu!.id).map((r) => r.status)).toEqual(['draft']);
    const approved = mine.find((r) => r.status === 'approved')!;
    expect((await stageReportSettlement(testDb.db, approved.stageId)).approved).toBe(1);
    const lines = await testDb.db.select().from(financialReportLines).where(eq(financialReportLines.reportId, approved.id));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.actualMinor !== null)).toBe(true);
    const receipts = await testDb.db.select().from(financialReportReceipts);
    expect(receipts.map((r) => r.contentType)).toEqual(['application/pdf', 'application/pdf']);
    // Nothing is dated after the day the demo was made (a round still running is reported on as of yesterday).
    const dates = reports.flatMap((r) => [r.createdAt, r.submittedAt, r.decidedAt]).filter((d): d is Date => d !== null);
    expect(dates.filter((d) => d.getTime() > Date.now())).toEqual([]);
  });
});
