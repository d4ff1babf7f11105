import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError } from '../errors.ts';
import { getOrganisation } from './get-organisation.ts';
import { organisationInput } from './organisation-input.ts';
import { registerOrganisation } from './register-organisation.ts';
import { updateOrganisation } from './update-organisation.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const form = (overrides: Record<string, string> = {}) =>
  organisationInput.parse({ legalName: 'Hawassa Youth Development Association', countryCode: 'et', city: 'Hawassa', organisationType: '24', sectorCode: '15150', ...overrides });

describe('registering an organisation', () => {
  it('checks codes against the IATI lists and names the field', () => {
    const result = organisationInput.safeParse({ legalName: 'X', countryCode: 'XX', city: '', organisationType: '99', sectorCode: '1', registrationScheme: 'NO-XYZ', website: 'not a url' });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({
      legalName: 'required',
      countryCode: 'chooseCountry',
      city: 'required',
      organisationType: 'chooseOrganisationType',
      sectorCode: 'chooseSector',
      registrationScheme: 'unknownRegistrationScheme',
      website: 'invalidWebsite',
    });
  });

  it('warns about a closely resembling name in the same country, and saves when told it is different', async () => {
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    const ctx = coreContext({ db: testDb.db, actor: adviser.actor });
    await createOrganisation(testDb.db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
    const similar = await registerOrganisation(ctx, form({ legalName: 'Kathmandu Model Hospital Pvt. Ltd.', countryCode: 'NP', city: 'Kathmandu' }));
    expect(similar).toMatchObject({ kind: 'similar', similar: [{ legalName: 'Kathmandu Model Hospital' }] });
    // The same name in another country is not a duplicate.
    expect(await registerOrganisation(ctx, form({ legalName: 'Kathmandu Model Hospital', countryCode: 'BD', city: 'Dhaka' }))).toMatchObject({ kind: 'registered' });
    const saved = await registerOrganisation(ctx, form({ legalName: 'Kathmandu Model Hospital Pvt. Ltd.', countryCode: 'NP', city: 'Kathmandu' }), { notADuplicate: true });
    expect(saved.kind).toBe('registered');
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, (saved as { id: string }).id));
    expect(entry).toMatchObject({ action: 'organisation.registered', actorId: adviser.id });
  });

  it('is for agency staff only', async () => {
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(registerOrganisation(coreContext({ db: testDb.db, actor: finance.actor }), form())).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('editing an organisation', () => {
  it('lets its coordinator edit it, not another organisation’s, and audits the changed fields', async () => {
    const org = await createOrganisation(testDb.db, { legalName: 'Gulu Women’s Economic Network', countryCode: 'UG', city: 'Gulu', organisationType: '24' });
    const other = await createOrganisation(testDb.db, { countryCode: 'UG' });
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: org.id, role: 'partner_coordinator' }] });
    const ctx = coreContext({ db: testDb.db, actor: coordinator.actor });
    const input = form({ legalName: org.legalName, countryCode: 'UG', city: 'Gulu', website: 'https://gwen.example.ug' });
    await updateOrganisation(ctx, { organisationId: org.id, ...input, version: org.updatedAt.toISOString() });
    await expect(updateOrganisation(ctx, { organisationId: other.id, ...input, version: other.updatedAt.toISOString() })).rejects.toBeInstanceOf(ForbiddenError);
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.updated'));
    expect(entry?.after).toMatchObject({ website: 'https://gwen.example.ug', sectorCode: '15150' });
    expect(entry?.after).not.toHaveProperty('legalName');
  });

  it('refuses a save based on a version someone else has changed since', async () => {
    const org = await createOrganisation(testDb.db, { countryCode: 'BO', city: 'La Paz' });
    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    const ctx = coreContext({ db: testDb.db, actor: admin.actor });
    const seen = org.updatedAt.toISOString();
    await updateOrganisation(ctx, { organisationId: org.id, ...form({ legalName: 'Fundación Ayni', countryCode: 'BO', city: 'La Paz' }), version: seen });
    await expect(updateOrganisation(ctx, { organisationId: org.id, ...form({ legalName: 'Fundacion Ayni', countryCode: 'BO', city: 'El Alto' }), version: seen })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    const [row] = await testDb.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(row).toMatchObject({ legalName: 'Fundación Ayni', city: 'La Paz' });
  });
});

describe('the public organisation page', () => {
  it('lists running and finished partnerships only', async () => {
    const a = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const b = await createOrganisation(testDb.db, { countryCode: 'TZ', city: 'Moshi' });
    await createPartnership(testDb.db, { partners: [a, b], title: 'Running', status: 'active' });
    await createPartnership(testDb.db, { partners: [a, b], title: 'Draft', status: 'draft' });
    const page = await getOrganisation(coreContext({ db: testDb.db }), { organisationId: a.id });
    expect(page.partnerships.map((p) => p.title)).toEqual(['Running']);
  });
});
