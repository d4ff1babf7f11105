import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { system } from '../identity/actor.ts';
import { matchUnmatchedOrganisationCities } from './match-unmatched-organisation-cities.ts';
import { organisationInput } from './organisation-input.ts';
import { CityAmbiguousError } from './organisation-place.ts';
import { registerOrganisation } from './register-organisation.ts';
import { updateOrganisation } from './update-organisation.ts';

const testDb = useTestDatabase();
let n = 0;
/** A form as posted; each a different name, so that no duplicate warning gets in the way. */
const form = (overrides: Record<string, string> = {}) =>
  organisationInput.parse({ legalName: `Fjordane Place Test ${++n}`, countryCode: 'NO', city: 'Bergen', organisationType: '22', ...overrides });
/** The names are alike on purpose; the duplicate warning is another test's business. */
const register = { notADuplicate: true };
const adviserContext = async () => coreContext({ db: testDb.db, actor: (await createUser(testDb.db, { agencyRoles: ['programme_adviser'] })).actor });
const row = async (id: string) => (await testDb.db.select().from(organisations).where(eq(organisations.id, id)))[0]!;
const registered = (result: Awaited<ReturnType<typeof registerOrganisation>>) => {
  if (result.kind !== 'registered') throw new Error(`not registered: ${result.kind}`);
  return result.id;
};

describe('registering matches the city to a place', () => {
  it('stores the one place of that name, spelt as the list does, with its coordinates, and audits it', async () => {
    const ctx = await adviserContext();
    const id = registered(await registerOrganisation(ctx, form({ city: 'Forde' }), register));
    expect(await row(id)).toMatchObject({ city: 'Forde', cityId: 3156804, matchedCityName: 'Førde', latitude: 61.45217, longitude: 5.85717 });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(entry?.after).toMatchObject({ city: 'Forde', cityId: 3156804, matchedCityName: 'Førde' });
  });

  it('asks which place when several are plausible, saving nothing, and stores the one chosen', async () => {
    const ctx = await adviserContext();
    const input = form({ city: 'Vik' });
    const refusal = await registerOrganisation(ctx, input, register).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CityAmbiguousError);
    expect(refusal).toMatchObject({ code: 'cityAmbiguous', field: 'city', status: 422, params: { city: 'Vik' } });
    expect((refusal as CityAmbiguousError).candidates.map((c) => [c.id, c.adminCode, c.population])).toEqual([
      [7288344, '46', 2899],
      [3131781, '09', 365],
      [7626338, '30', 0],
    ]);
    expect(await testDb.db.select().from(organisations).where(eq(organisations.legalName, input.legalName))).toEqual([]);

    const id = registered(await registerOrganisation(ctx, form({ city: 'Vik', cityId: '3131781' }), register));
    expect(await row(id)).toMatchObject({ city: 'Vik', cityId: 3131781, latitude: 65.31254 });
  });

  it('refuses a city not in the list, asking for the nearest town', async () => {
    const ctx = await adviserContext();
    await expect(registerOrganisation(ctx, form({ countryCode: 'NP', city: 'Lalitpur' }), register)).rejects.toMatchObject({ code: 'cityNotFound', field: 'city', status: 422, params: { city: 'Lalitpur' } });
  });

  it('refuses a chosen place in another country, or not called what was typed', async () => {
    const ctx = await adviserContext();
    // Bergen's id, for an organisation in Nepal.
    await expect(registerOrganisation(ctx, form({ countryCode: 'NP', city: 'Bergen', cityId: '3161732' }), register)).rejects.toMatchObject({ code: 'cityNotInCountry', field: 'cityId', status: 422 });
    await expect(registerOrganisation(ctx, form({ city: 'Bergen', cityId: '999999999' }), register)).rejects.toMatchObject({ code: 'cityNotInCountry' });
    // Oslo's id, for Bergen.
    await expect(registerOrganisation(ctx, form({ city: 'Bergen', cityId: '3143244' }), register)).rejects.toMatchObject({ code: 'cityNotCandidate', field: 'cityId' });
    expect(organisationInput.safeParse({ legalName: 'Vik Test', countryCode: 'NO', city: 'Vik', organisationType: '22', cityId: 'Oslo' }).error?.issues[0]).toMatchObject({ path: ['cityId'], message: 'chooseCity' });
  });
});

describe('editing keeps or matches the place', () => {
  it('keeps a chosen place while the city is unchanged, and matches again when it changes', async () => {
    const ctx = await adviserContext();
    const id = registered(await registerOrganisation(ctx, form({ city: 'Vik', cityId: '3131781' }), register));
    const saved = await row(id);
    await updateOrganisation(ctx, { organisationId: id, ...form({ legalName: saved.legalName, city: 'Vik', website: 'https://vik.example.no' }), version: saved.updatedAt.toISOString() });
    const kept = await row(id);
    expect(kept).toMatchObject({ website: 'https://vik.example.no', cityId: 3131781 });

    await expect(updateOrganisation(ctx, { organisationId: id, ...form({ legalName: saved.legalName, city: 'Sande' }), version: kept.updatedAt.toISOString() })).rejects.toBeInstanceOf(CityAmbiguousError);
    await updateOrganisation(ctx, { organisationId: id, ...form({ legalName: saved.legalName, city: 'Bergen' }), version: kept.updatedAt.toISOString() });
    expect(await row(id)).toMatchObject({ city: 'Bergen', cityId: 3161732, matchedCityName: 'Bergen' });
  });

  it('matches an organisation registered before matching when it is next saved', async () => {
    const ctx = await adviserContext();
    const old = await createOrganisation(testDb.db, { countryCode: 'ET', city: 'Addis Ababa' });
    expect(old.cityId).toBeNull();
    await updateOrganisation(ctx, { organisationId: old.id, ...form({ legalName: old.legalName, countryCode: 'ET', city: 'Addis Ababa' }), version: old.updatedAt.toISOString() });
    expect(await row(old.id)).toMatchObject({ cityId: 344979, matchedCityName: 'Addis Ababa' });
  });

  it('refuses a stale save as stale, before looking at its city', async () => {
    const ctx = await adviserContext();
    const org = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
    await expect(updateOrganisation(ctx, { organisationId: org.id, ...form({ city: 'Vik' }), version: '2020-01-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
  });
});

describe('matching the organisations registered before', () => {
  it('matches the unambiguous ones at start, leaves the others, and is idempotent', async () => {
    const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
    const vik = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Vik' });
    const lalitpur = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Lalitpur' });
    const ctx = coreContext({ db: testDb.db, actor: system('city-matching') });

    const first = await matchUnmatchedOrganisationCities(ctx);
    expect(first.matched).toBeGreaterThanOrEqual(1);
    expect(await row(bergen.id)).toMatchObject({ cityId: 3161732, matchedCityName: 'Bergen', latitude: 60.39299, longitude: 5.32415, updatedAt: bergen.updatedAt });
    expect(await row(vik.id)).toMatchObject({ cityId: null, latitude: null });
    expect(await row(lalitpur.id)).toMatchObject({ cityId: null });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, bergen.id));
    expect(entry).toMatchObject({ action: 'organisation.cityMatched', actorLabel: 'system:city-matching', after: { cityId: 3161732 } });

    const again = await matchUnmatchedOrganisationCities(ctx);
    expect(again.matched).toBe(0);
    expect(again.unmatched).toBe(first.unmatched);
  });
});
