import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall as insertCall } from '../../db/factories/call-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applicationScores } from '../../db/schema/applications.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { callInput } from './call-input.ts';
import { createCall } from './create-call.ts';
import { getCall } from './get-call.ts';
import { listCalls } from './list-calls.ts';
import { updateCall } from './update-call.ts';

const testDb = useTestDatabase();
const rows = (...given: [string, string][]) => [...given, ...Array.from({ length: 6 - given.length }, () => ['', ''])].map(([name, weight]) => ({ name, weight }));
const form = (programmeId: string, overrides: Record<string, unknown> = {}) => ({
  title: 'Health 2027: collaboration agreements',
  programmeId,
  opensOn: '2026-09-01',
  deadline: '2026-12-15',
  budgetCeiling: '30 000 000',
  priorities: 'Maternal and newborn health\nNursing education\n',
  stage: 'agreement',
  criteria: rows(['Relevance', '40'], ['Reciprocity and mutual learning', '35'], ['Feasibility and duty of care', '25']),
  ...overrides,
});
const errorsOf = (input: unknown) => {
  const result = callInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path[0], { code: i.message, ...(i as { params?: object }).params }]));
};
const adviser = async () => ({ db: testDb.db, actor: (await createUser(testDb.db, { agencyRoles: ['programme_adviser'] })).actor });

describe('a call as the adviser’s form sends it', () => {
  it('reads the ceiling in whole kroner into øre, one priority per line, and ignores empty criteria rows', async () => {
    const programme = await createProgramme(testDb.db);
    expect(callInput.parse(form(programme.id))).toMatchObject({
      budgetCeilingMinor: 3_000_000_000,
      currency: 'NOK',
      priorities: ['Maternal and newborn health', 'Nursing education'],
      criteria: [{ name: 'Relevance', weight: 40 }, { name: 'Reciprocity and mutual learning', weight: 35 }, { name: 'Feasibility and duty of care', weight: 25 }],
    });
    expect(callInput.parse(form(programme.id, { budgetCeiling: '30000000' })).budgetCeilingMinor).toBe(3_000_000_000);
  });

  it('names the sum when the weights do not add up to 100', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(errorsOf(form(id, { criteria: rows(['Relevance', '40'], ['Reciprocity', '25'], ['Feasibility', '25']) }))).toEqual({ criteria: { code: 'weightsSum', sum: 90 } });
    expect(errorsOf(form(id, { criteria: rows() }))).toEqual({ criteria: { code: 'criteriaRequired' } });
    expect(errorsOf(form(id, { criteria: rows(['Relevance', '60'], ['', '40']) }))).toEqual({ criteria: { code: 'criterionNameMissing', row: 2 } });
    expect(errorsOf(form(id, { criteria: rows(['Relevance', '60'], ['Reciprocity', '4.5']) }))).toEqual({ criteria: { code: 'criterionWeightInvalid', row: 2 } });
  });

  it('refuses a deadline before the opening date, impossible dates, an unreadable ceiling and an unknown stage', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(errorsOf(form(id, { opensOn: '2026-12-16', deadline: '2026-12-15' }))).toEqual({ deadline: { code: 'deadlineBeforeOpening' } });
    expect(errorsOf(form(id, { opensOn: '2026-02-30', budgetCeiling: '30,5', stage: 'grant', programmeId: '' }))).toEqual({
      opensOn: { code: 'invalidDate' },
      budgetCeiling: { code: 'invalidAmount' },
      stage: { code: 'chooseStage' },
      programmeId: { code: 'chooseProgramme' },
    });
  });
});

describe('managing calls', () => {
  it('creates a call with its criteria in order, audited; refuses roles without call:manage', async () => {
    const programme = await createProgramme(testDb.db);
    const ctx = await adviser();
    const { id } = await createCall(ctx, callInput.parse(form(programme.id)));
    const page = await getCall({ db: testDb.db }, id, new Date('2026-10-01T12:00:00Z'));
    expect(page).toMatchObject({ phase: 'open', call: { title: 'Health 2027: collaboration agreements', budgetCeilingMinor: 3_000_000_000 }, programme: { id: programme.id } });
    expect(page.criteria.map((c) => [c.name, c.weight, c.position])).toEqual([['Relevance', 40, 0], ['Reciprocity and mutual learning', 35, 1], ['Feasibility and duty of care', 25, 2]]);
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(entry).toMatchObject({ action: 'call.created', after: { stage: 'agreement', budgetCeilingMinor: 3_000_000_000 } });

    const input = callInput.parse(form(programme.id));
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(createCall({ db: testDb.db, actor: finance.actor }, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCall({ db: testDb.db, actor: finance.actor }, id, input, new Date().toISOString())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCall({ db: testDb.db }, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    // The API path gets the same rule as the form.
    await expect(createCall(ctx, { ...input, criteria: [{ name: 'Relevance', weight: 90 }] })).rejects.toMatchObject({ code: 'weightsSum', params: { sum: 90 } });
    await expect(createCall(ctx, { ...input, programmeId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'chooseProgramme', field: 'programmeId' });
  });

  it('saves an edit with the version seen, replacing the criteria, and refuses a stale one', async () => {
    const call = await insertCall(testDb.db);
    const ctx = await adviser();
    const seen = call.updatedAt.toISOString();
    await updateCall(ctx, call.id, callInput.parse(form(call.programmeId, { criteria: rows(['Relevance', '50'], ['Learning', '50']) })), seen);
    const criteria = await testDb.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(asc(callCriteria.position));
    expect(criteria.map((c) => [c.name, c.weight])).toEqual([['Relevance', 50], ['Learning', 50]]);
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'call.updated'));
    expect(entry?.after).toMatchObject({ title: 'Health 2027: collaboration agreements', criteria: [{ name: 'Relevance', weight: 50 }, { name: 'Learning', weight: 50 }] });

    await expect(updateCall(ctx, call.id, callInput.parse(form(call.programmeId, { title: 'Lost edit' })), seen)).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    const [row] = await testDb.db.select().from(calls).where(eq(calls.id, call.id));
    expect(row?.title).toBe('Health 2027: collaboration agreements');
  });

  it('refuses to change criteria that applications have been scored against, but saves other changes', async () => {
    const call = await insertCall(testDb.db);
    const application = await createApplication(testDb.db, { callId: call.id });
    const scorer = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    await testDb.db.insert(applicationScores).values({ applicationId: application.id, criterionId: call.criteria[0]!.id, adviserId: scorer.id, score: 4 });
    const ctx = { db: testDb.db, actor: scorer.actor };
    const same = call.criteria.map((c) => [c.name, String(c.weight)] as [string, string]);
    await expect(updateCall(ctx, call.id, callInput.parse(form(call.programmeId, { criteria: rows(['Relevance', '100']) })), call.updatedAt.toISOString())).rejects.toMatchObject({ code: 'criteriaInUse', status: 409 });
    await updateCall(ctx, call.id, callInput.parse(form(call.programmeId, { title: 'Renamed', criteria: rows(...same) })), call.updatedAt.toISOString());
    const kept = await testDb.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, call.id));
    expect(kept.map((c) => c.id).sort()).toEqual(call.criteria.map((c) => c.id).sort());
    expect((await getCall({ db: testDb.db }, call.id)).call.title).toBe('Renamed');
  });
});

describe('the public list of calls', () => {
  it('gives every call its programme and phase, filtered by programme and phase', async () => {
    const now = new Date('2026-06-15T10:00:00Z');
    const programme = await createProgramme(testDb.db, { name: 'Listed programme' });
    const other = await createProgramme(testDb.db);
    await insertCall(testDb.db, { programmeId: programme.id, title: 'Open one', opensOn: '2026-06-01', deadline: '2026-06-15' });
    await insertCall(testDb.db, { programmeId: programme.id, title: 'Coming', opensOn: '2026-06-16', deadline: '2026-09-01' });
    await insertCall(testDb.db, { programmeId: programme.id, title: 'Past', opensOn: '2026-01-01', deadline: '2026-06-14' });
    await insertCall(testDb.db, { programmeId: other.id, title: 'Elsewhere', opensOn: '2026-06-01', deadline: '2026-07-01' });
    const mine = await listCalls({ db: testDb.db }, { programme: programme.id }, now);
    expect(mine.map((c) => [c.title, c.phase, c.programmeName])).toEqual([
      ['Open one', 'open', 'Listed programme'],
      ['Coming', 'upcoming', 'Listed programme'],
      ['Past', 'closed', 'Listed programme'],
    ]);
    for (const phase of ['open', 'upcoming', 'closed'] as const) {
      const listed = await listCalls({ db: testDb.db }, { programme: programme.id, phase }, now);
      expect(listed.map((c) => c.phase)).toEqual([phase]);
    }
    expect((await listCalls({ db: testDb.db }, { phase: 'open' }, now)).map((c) => c.title)).toContain('Elsewhere');
  });
});
