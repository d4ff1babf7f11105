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
import { FieldProblemsError, ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { callDateProblems, callYears } from './call-dates.ts';
import { callInput } from './call-input.ts';
import { createCall } from './create-call.ts';
import { getCall } from './get-call.ts';
import { listCalls } from './list-calls.ts';
import { updateCall } from './update-call.ts';
import { coreContext } from '../context.ts';

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
const adviser = async () => coreContext({ db: testDb.db, actor: (await createUser(testDb.db, { agencyRoles: ['programme_adviser'] })).actor });

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

describe('plausible dates for a call', () => {
  const id = '00000000-0000-4000-8000-000000000000';

  it('refuses an opening in 1066 and a deadline in 9999 together with every other refused field, naming the years allowed', () => {
    const window = { first: '2001', last: String(callYears(new Date()).last) };
    expect(errorsOf(form(id, { title: '', opensOn: '1066-10-14', deadline: '9999-12-31', budgetCeiling: 'a lot', criteria: rows(['Relevance', '90']) }))).toEqual({
      title: { code: 'required' },
      opensOn: { code: 'callDateOutOfRange', ...window },
      deadline: { code: 'callDateOutOfRange', ...window },
      budgetCeiling: { code: 'invalidAmount' },
      criteria: { code: 'weightsSum', sum: 90 },
    });
  });

  it('says the deadline is before the opening together with the other fields’ problems, not after they are fixed', () => {
    expect(errorsOf(form(id, { title: '', opensOn: '2026-12-16', deadline: '2026-12-15', stage: '' }))).toEqual({
      title: { code: 'required' },
      stage: { code: 'chooseStage' },
      deadline: { code: 'deadlineBeforeOpening' },
    });
  });

  it('allows 2001 to five years after the current year in Oslo, and only compares two plausible dates', () => {
    const now = new Date('2026-12-31T23:30:00Z'); // already 2027 in Oslo
    expect(callDateProblems({ opensOn: '2001-01-01', deadline: '2032-12-31' }, now)).toEqual([]);
    expect(callDateProblems({ opensOn: '2000-12-31', deadline: '2033-01-01' }, now)).toEqual([
      { field: 'opensOn', code: 'callDateOutOfRange', params: { first: '2001', last: '2032' } },
      { field: 'deadline', code: 'callDateOutOfRange', params: { first: '2001', last: '2032' } },
    ]);
    // A wrong opening does not also blame the deadline; a date not yet readable is left to the format check.
    expect(callDateProblems({ opensOn: '2099-01-01', deadline: '2027-03-01' }, now).map((p) => p.field)).toEqual(['opensOn']);
    expect(callDateProblems({ opensOn: '2027-02-30', deadline: '2027-03-01' }, now)).toEqual([]);
  });

  it('refuses implausible dates in core too, with the use-case’s clock, and every problem at once', async () => {
    const programme = await createProgramme(testDb.db);
    const ctx = await adviser();
    const input = callInput.parse(form(programme.id));
    const now = new Date('2026-06-01T12:00:00Z');
    const pinned = { ...ctx, now: () => now };
    const refused = await createCall(pinned, { ...input, opensOn: '1066-10-14', deadline: '9999-12-31', criteria: [{ name: 'Relevance', weight: 90 }] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems).toEqual([
      { field: 'opensOn', code: 'callDateOutOfRange', params: { first: '2001', last: '2031' } },
      { field: 'deadline', code: 'callDateOutOfRange', params: { first: '2001', last: '2031' } },
      { field: 'criteria', code: 'weightsSum', params: { sum: 90 } },
    ]);
    await expect(createCall(pinned, { ...input, deadline: '2032-01-15' })).rejects.toMatchObject({ code: 'callDateOutOfRange', field: 'deadline' });
    const { id } = await createCall(pinned, { ...input, deadline: '2031-12-31' });
    const [row] = await testDb.db.select().from(calls).where(eq(calls.id, id));
    await expect(updateCall(pinned, { callId: id, ...input, opensOn: '2027-01-10', deadline: '2027-01-09', version: row!.updatedAt.toISOString() })).rejects.toMatchObject({
      problems: [{ field: 'deadline', code: 'deadlineBeforeOpening' }],
    });
  });
});

describe('managing calls', () => {
  it('creates a call with its criteria in order, audited; refuses roles without call:manage', async () => {
    const programme = await createProgramme(testDb.db);
    const ctx = await adviser();
    const { id } = await createCall(ctx, callInput.parse(form(programme.id)));
    const page = await getCall(coreContext({ db: testDb.db, now: () => new Date('2026-10-01T12:00:00Z') }), { callId: id });
    expect(page).toMatchObject({ phase: 'open', call: { title: 'Health 2027: collaboration agreements', budgetCeilingMinor: 3_000_000_000 }, programme: { id: programme.id } });
    expect(page.criteria.map((c) => [c.name, c.weight, c.position])).toEqual([['Relevance', 40, 0], ['Reciprocity and mutual learning', 35, 1], ['Feasibility and duty of care', 25, 2]]);
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(entry).toMatchObject({ action: 'call.created', after: { stage: 'agreement', budgetCeilingMinor: 3_000_000_000 } });

    const input = callInput.parse(form(programme.id));
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(createCall(coreContext({ db: testDb.db, actor: finance.actor }), input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCall(coreContext({ db: testDb.db, actor: finance.actor }), { callId: id, ...input, version: new Date().toISOString() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCall(coreContext({ db: testDb.db }), input)).rejects.toBeInstanceOf(UnauthenticatedError);
    // The API path gets the same rule as the form.
    await expect(createCall(ctx, { ...input, criteria: [{ name: 'Relevance', weight: 90 }] })).rejects.toMatchObject({ code: 'weightsSum', params: { sum: 90 } });
    await expect(createCall(ctx, { ...input, programmeId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'chooseProgramme', field: 'programmeId' });
  });

  it('saves an edit with the version seen, replacing the criteria, and refuses a stale one', async () => {
    const call = await insertCall(testDb.db);
    const ctx = await adviser();
    const seen = call.updatedAt.toISOString();
    await updateCall(ctx, { callId: call.id, ...callInput.parse(form(call.programmeId, { criteria: rows(['Relevance', '50'], ['Learning', '50']) })), version: seen });
    const criteria = await testDb.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(asc(callCriteria.position));
    expect(criteria.map((c) => [c.name, c.weight])).toEqual([['Relevance', 50], ['Learning', 50]]);
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'call.updated'));
    expect(entry?.after).toMatchObject({ title: 'Health 2027: collaboration agreements', criteria: [{ name: 'Relevance', weight: 50 }, { name: 'Learning', weight: 50 }] });

    await expect(updateCall(ctx, { callId: call.id, ...callInput.parse(form(call.programmeId, { title: 'Lost edit' })), version: seen })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    const [row] = await testDb.db.select().from(calls).where(eq(calls.id, call.id));
    expect(row?.title).toBe('Health 2027: collaboration agreements');
  });

  it('refuses to change criteria that applications have been scored against, but saves other changes', async () => {
    const call = await insertCall(testDb.db);
    const application = await createApplication(testDb.db, { callId: call.id });
    const scorer = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    await testDb.db.insert(applicationScores).values({ applicationId: application.id, criterionId: call.criteria[0]!.id, adviserId: scorer.id, score: 4 });
    const ctx = coreContext({ db: testDb.db, actor: scorer.actor });
    const same = call.criteria.map((c) => [c.name, String(c.weight)] as [string, string]);
    await expect(updateCall(ctx, { callId: call.id, ...callInput.parse(form(call.programmeId, { criteria: rows(['Relevance', '100']) })), version: call.updatedAt.toISOString() })).rejects.toMatchObject({ code: 'criteriaInUse', status: 409 });
    await updateCall(ctx, { callId: call.id, ...callInput.parse(form(call.programmeId, { title: 'Renamed', criteria: rows(...same) })), version: call.updatedAt.toISOString() });
    const kept = await testDb.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, call.id));
    expect(kept.map((c) => c.id).sort()).toEqual(call.criteria.map((c) => c.id).sort());
    expect((await getCall(coreContext({ db: testDb.db }), { callId: call.id })).call.title).toBe('Renamed');
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
    const mine = await listCalls(coreContext({ db: testDb.db, now: () => now }), { programme: programme.id });
    expect(mine.map((c) => [c.title, c.phase, c.programmeName])).toEqual([
      ['Open one', 'open', 'Listed programme'],
      ['Coming', 'upcoming', 'Listed programme'],
      ['Past', 'closed', 'Listed programme'],
    ]);
    for (const phase of ['open', 'upcoming', 'closed'] as const) {
      const listed = await listCalls(coreContext({ db: testDb.db, now: () => now }), { programme: programme.id, phase });
      expect(listed.map((c) => c.phase)).toEqual([phase]);
    }
    expect((await listCalls(coreContext({ db: testDb.db, now: () => now }), { phase: 'open' })).map((c) => c.title)).toContain('Elsewhere');
  });
});
