import { randomUUID } from 'node:crypto';
import { count, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit.ts';
import { iatiCheckProblems, iatiChecks } from '../../../db/schema/iati-checks.ts';
import { withSharedReadCache } from '../../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../../tests/support/test-database.ts';
import { coreContext } from '../../context.ts';
import { ForbiddenError, UnauthenticatedError } from '../../errors.ts';
import { system, visitor, type Actor } from '../../identity/actor.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import { checkIatiRules } from './check-iati-rules.ts';
import { listAllIatiCheckProblems } from './list-all-iati-check-problems.ts';
import { IATI_PROBLEMS_PAGE_SIZE, listIatiRuleProblems } from './list-iati-rule-problems.ts';
import { makeIatiCheck } from './make-iati-check.ts';
import { readIatiCheck } from './read-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER, iatiActivities } from './stream-iati-activities.ts';

const testDb = useTestDatabase({ withDemo: true });
const organisationIdentifier = DEFAULT_IATI_ORGANISATION_IDENTIFIER;
let clock = new Date('2026-11-29T10:00:00Z');
const ctx = (actor: Actor = system('test')) => coreContext({ db: testDb.db, actor, now: () => clock });
const audit = (recordType: string) => testDb.db.insert(auditLog).values({ actorLabel: 'test', action: 'test.changed', recordType, recordId: randomUUID() });

describe('the stored IATI check', () => {
  it('stores every problem the rules find in every activity, numbered within its rule, and the summary in the order the preview shows', async () => {
    // The demo template holds the check a started server makes: gone, as on a new installation.
    await testDb.db.delete(iatiChecks);
    expect((await readIatiCheck(ctx(), { organisationIdentifier })).check).toBeNull();
    const made = await makeIatiCheck(ctx(), { organisationIdentifier });
    expect(made.made).toBe(true);

    // The same rules applied here, activity by activity, without storing anything.
    const expected = new Map<string, { problems: number; activities: Set<string> }>();
    let activities = 0;
    for await (const activity of iatiActivities(ctx(), { organisationIdentifier })) {
      activities += 1;
      for (const p of checkIatiRules(activity, osloDate(clock))) {
        const e = expected.get(p.rule) ?? { problems: 0, activities: new Set() };
        expected.set(p.rule, e);
        e.problems += 1;
        e.activities.add(p.identifier);
      }
    }
    const { check, behind } = await readIatiCheck(ctx(), { organisationIdentifier });
    expect(behind).toBe(false);
    expect(check).toMatchObject({ activities, checkedOn: '2026-11-29' });
    expect(activities).toBeGreaterThan(10);
    expect(new Map(check!.rules.map((r) => [r.rule, { problems: r.problems, activities: r.activities }]))).toEqual(new Map([...expected].map(([rule, e]) => [rule, { problems: e.problems, activities: e.activities.size }])));
    expect(check!.errors + check!.warnings).toBe(made.problems);
    // Errors first, then the rules with most problems.
    const order = check!.rules.map((r) => [r.severity === 'warning' ? 1 : 0, -r.problems]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));

    // A page is a range of the rule's numbers; the whole list comes in the summary's order.
    const biggest = [...check!.rules].sort((a, b) => b.problems - a.problems)[0]!;
    const pages = Math.ceil(biggest.problems / IATI_PROBLEMS_PAGE_SIZE);
    const last = await listIatiRuleProblems(ctx(), { check: check!, rule: biggest.rule, page: pages });
    expect(last.problems).toHaveLength(biggest.problems - (pages - 1) * IATI_PROBLEMS_PAGE_SIZE);
    expect(last.problems.every((p) => p.rule === biggest.rule && p.title.length > 0)).toBe(true);
    const all = [];
    for await (const p of listAllIatiCheckProblems(ctx(), { check: check! })) all.push(p.rule);
    expect(all).toHaveLength(made.problems);
    expect([...new Set(all)]).toEqual(check!.rules.map((r) => r.rule));
  });

  it('is made again only after a change to what the export reads, or on a new day, and keeps only the latest', async () => {
    const idle = await makeIatiCheck(ctx(), { organisationIdentifier });
    expect(idle.made).toBe(false);

    // Sign-ins and participants are not in the export: the check is not behind.
    await audit('user');
    await audit('participant');
    expect((await readIatiCheck(ctx(), { organisationIdentifier })).behind).toBe(false);
    expect((await makeIatiCheck(ctx(), { organisationIdentifier })).made).toBe(false);

    // A partnership changed (or any record type not known to be outside the export): behind, and made again.
    const before = (await readIatiCheck(ctx(), { organisationIdentifier })).check!;
    await audit('partnership');
    expect((await readIatiCheck(ctx(), { organisationIdentifier })).behind).toBe(true);
    clock = new Date('2026-11-29T10:05:00Z');
    const again = await makeIatiCheck(ctx(), { organisationIdentifier });
    expect(again.made).toBe(true);
    const after = await readIatiCheck(ctx(), { organisationIdentifier });
    expect(after).toMatchObject({ behind: false, check: { id: again.checkId, finishedAt: clock } });
    // The one before is gone, with its problems.
    expect(await testDb.db.select({ n: count() }).from(iatiChecks)).toEqual([{ n: 1 }]);
    expect(await testDb.db.select({ n: count() }).from(iatiCheckProblems).where(eq(iatiCheckProblems.checkId, before.id))).toEqual([{ n: 0 }]);
    expect(await testDb.db.select({ n: count() }).from(iatiCheckProblems)).toEqual([{ n: again.problems }]);

    // Past midnight in Oslo the rules are applied with a new date ("an actual date in the future").
    clock = new Date('2026-11-29T23:30:00Z');
    expect((await readIatiCheck(ctx(), { organisationIdentifier })).behind).toBe(true);
    expect((await makeIatiCheck(ctx(), { organisationIdentifier })).made).toBe(true);
    expect((await readIatiCheck(ctx(), { organisationIdentifier })).check!.checkedOn).toBe('2026-11-30');
  });

  it('never shows a check still being made, and clears one its process left unfinished', async () => {
    const shown = (await readIatiCheck(ctx(), { organisationIdentifier })).check!;
    // A process stopped half-way two hours ago, and another is making one now.
    await testDb.db.insert(iatiChecks).values([
      { organisationIdentifier, checkedOn: '2026-11-29', auditUpTo: 0, startedAt: new Date(clock.getTime() - 2 * 3_600_000) },
      { organisationIdentifier, checkedOn: '2026-11-29', auditUpTo: 0, startedAt: clock },
    ]);
    expect((await readIatiCheck(ctx(), { organisationIdentifier })).check!.id).toBe(shown.id);
    await makeIatiCheck(ctx(), { organisationIdentifier, force: true });
    // The abandoned one is gone; the one in progress elsewhere is left to finish.
    expect(await testDb.db.select({ n: count() }).from(iatiChecks).where(isNull(iatiChecks.finishedAt))).toEqual([{ n: 1 }]);
  });

  it('leaves nothing half-made when a check fails on its way', async () => {
    const before = await testDb.db.select({ id: iatiChecks.id }).from(iatiChecks);
    // A database that refuses the problems' insert (a disk full, a lost connection).
    const failing = Object.create(testDb.db) as typeof testDb.db;
    failing.execute = (async () => {
      throw new Error('no space left on device');
    }) as unknown as typeof failing.execute;
    await expect(makeIatiCheck(coreContext({ db: failing, actor: system('test'), now: () => clock }), { organisationIdentifier, force: true })).rejects.toThrow('no space left');
    expect(await testDb.db.select({ id: iatiChecks.id }).from(iatiChecks)).toEqual(before);
  });

  it('is agency staff’s: partners and visitors may not read it', async () => {
    const partner: Actor = { kind: 'user', userId: randomUUID(), name: 'Sabitri Karki', email: 'sabitri@example.org', locale: 'en', agencyRoles: [], memberships: [{ organisationId: randomUUID(), role: 'partner_coordinator' }], participantIds: [] };
    const finance: Actor = { ...partner, agencyRoles: ['finance_officer'], memberships: [] };
    await expect(readIatiCheck(ctx(partner), { organisationIdentifier })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(makeIatiCheck(ctx(partner), { organisationIdentifier })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readIatiCheck(ctx(visitor), { organisationIdentifier })).rejects.toBeInstanceOf(UnauthenticatedError);
    const { check } = await readIatiCheck(ctx(finance), { organisationIdentifier });
    await expect(listIatiRuleProblems(ctx(partner), { check: check!, rule: 'descriptionMissing' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAllIatiCheckProblems(ctx(partner), { check: check! }).next()).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('is kept between writes for every member of staff, and a new check, or any write, ends what was kept', async () => {
    const cached = withSharedReadCache(testDb.db);
    const on = (db = cached) => coreContext({ db, actor: system('test'), now: () => clock });
    const first = await readIatiCheck(on(), { organisationIdentifier });
    // A change written elsewhere (another server) is not seen until this server writes, or a minute passes.
    await audit('organisation');
    expect(await readIatiCheck(on(), { organisationIdentifier })).toEqual(first);
    await cached.transaction(async () => undefined);
    expect((await readIatiCheck(on(), { organisationIdentifier })).behind).toBe(true);
    // The job, on the server's handle: its new check is what the next read shows.
    const made = await makeIatiCheck(on(), { organisationIdentifier });
    expect(made.made).toBe(true);
    expect(await readIatiCheck(on(), { organisationIdentifier })).toMatchObject({ behind: false, check: { id: made.checkId } });
  });
});
