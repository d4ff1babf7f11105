import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCall } from '../../db/factories/call-factory.ts';
import { createProgramme as insertProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { createProgramme } from './create-programme.ts';
import { getProgramme } from './get-programme.ts';
import { listProgrammes } from './list-programmes.ts';
import { programmeInput } from './programme-input.ts';
import { updateProgramme } from './update-programme.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const form = (overrides: Record<string, unknown> = {}) => ({
  code: 'Health-2027',
  name: 'Health (ESTHER)',
  minAge: '22',
  maxAge: '40',
  stayMonths: ['12', '6'],
  allowedShapes: ['north_south', 'triangular'],
  documents: 'Signed contract\r\n\r\n  Insurance  \nSigned contract\nPolice certificate',
  ...overrides,
});
const staff = async (role: 'administrator' | 'programme_adviser' | 'finance_officer') =>
  coreContext({ db: testDb.db, actor: (await createUser(testDb.db, { agencyRoles: [role] })).actor });

describe('a programme’s rules as a form sends them', () => {
  it('reads checkboxes, ages and one document per line', () => {
    expect(programmeInput.parse(form())).toEqual({
      code: 'health-2027',
      name: 'Health (ESTHER)',
      minAge: 22,
      maxAge: 40,
      stayMonths: [6, 12],
      allowedShapes: ['north_south', 'triangular'],
      documents: ['Signed contract', 'Insurance', 'Police certificate'],
    });
    // A single ticked box arrives as a single value.
    expect(programmeInput.parse(form({ stayMonths: '12', allowedShapes: 'south_south' }))).toMatchObject({ stayMonths: [12], allowedShapes: ['south_south'] });
  });

  it('names each refused field with its error code', () => {
    const result = programmeInput.safeParse({ code: 'Not a slug!', name: '', minAge: '12', maxAge: 'old', documents: '' });
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({ code: 'invalidProgrammeCode', name: 'required', minAge: 'ageOutOfRange', maxAge: 'ageOutOfRange', stayMonths: 'chooseStayMonths', allowedShapes: 'chooseShape' });
  });

  it('refuses an age range upside down and a stay longer than two years', () => {
    const result = programmeInput.safeParse(form({ minAge: '35', maxAge: '25', stayMonths: ['36'] }));
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({ stayMonths: 'chooseStayMonths', maxAge: 'ageRangeReversed' });
  });
});

describe('managing programmes', () => {
  it('lets administrators and advisers create one, audited, and refuses others', async () => {
    const adviser = await staff('programme_adviser');
    const { id } = await createProgramme(adviser, programmeInput.parse(form()));
    const [row] = await testDb.db.select().from(programmes).where(eq(programmes.id, id));
    expect(row).toMatchObject({ code: 'health-2027', stayMonths: [6, 12], documents: ['Signed contract', 'Insurance', 'Police certificate'] });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(entry).toMatchObject({ action: 'programme.created', actorId: adviser.actor.kind === 'user' ? adviser.actor.userId : null });

    await expect(createProgramme(await staff('finance_officer'), programmeInput.parse(form({ code: 'other' })))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createProgramme(coreContext({ db: testDb.db }), programmeInput.parse(form({ code: 'other' })))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createProgramme(await staff('administrator'), programmeInput.parse(form()))).rejects.toMatchObject({ code: 'programmeCodeTaken', field: 'code', status: 409 });
  });

  it('saves an edit with the version seen, audits what changed, and refuses a stale one', async () => {
    const programme = await insertProgramme(testDb.db, { code: 'volunteer-youth-x', name: 'Volunteer/Youth', minAge: 18, maxAge: 25 });
    const admin = await staff('administrator');
    const seen = programme.updatedAt.toISOString();
    await updateProgramme(admin, { programmeId: programme.id, ...programmeInput.parse(form({ code: 'volunteer-youth-x', name: 'Volunteer/Youth', minAge: '18', maxAge: '30' })), version: seen });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'programme.updated'));
    expect(entry?.before).toMatchObject({ maxAge: 25 });
    expect(entry?.after).toMatchObject({ maxAge: 30 });
    expect(entry?.after).not.toHaveProperty('name');

    await expect(updateProgramme(admin, { programmeId: programme.id, ...programmeInput.parse(form({ code: 'volunteer-youth-x', maxAge: '28' })), version: seen })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    await expect(updateProgramme(admin, { programmeId: programme.id, ...programmeInput.parse(form({ code: 'volunteer-youth-x' })), version: 'not a date' })).rejects.toMatchObject({ code: 'staleEdit' });
    const [row] = await testDb.db.select().from(programmes).where(eq(programmes.id, programme.id));
    expect(row?.maxAge).toBe(30);
    await expect(updateProgramme(await staff('finance_officer'), { programmeId: programme.id, ...programmeInput.parse(form()), version: row!.updatedAt.toISOString() })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists programmes with their number of calls, and shows one with its calls', async () => {
    const programme = await insertProgramme(testDb.db, { code: 'listed', name: 'AAA listed first' });
    await createCall(testDb.db, { programmeId: programme.id, title: 'Older call', opensOn: '2025-01-01' });
    await createCall(testDb.db, { programmeId: programme.id, title: 'Newer call', opensOn: '2026-01-01' });
    const listed = await listProgrammes(coreContext({ db: testDb.db }));
    expect(listed[0]).toMatchObject({ name: 'AAA listed first', callCount: 2 });
    const page = await getProgramme(coreContext({ db: testDb.db }), { programmeId: programme.id });
    expect(page.calls.map((c) => c.title)).toEqual(['Newer call', 'Older call']);
    await expect(getProgramme(coreContext({ db: testDb.db }), { programmeId: 'nope' })).rejects.toMatchObject({ code: 'notFound' });
  });
});
