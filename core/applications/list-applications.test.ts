import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { applicationPartners, applications } from '../../db/schema/applications.ts';
import { calls } from '../../db/schema/calls.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import type { Actor } from '../identity/actor.ts';
import { APPLICATION_STATUSES } from '../partnerships/application-status.ts';
import { listApplications, type ApplicationFilter } from './list-applications.ts';

const testDb = useTestDatabase();
const as = (actor: Actor) => coreContext({ db: testDb.db, actor });

describe('the application list', () => {
  it('pages through exactly the applications each reader may see that match any combination of filters, by title then id', async () => {
    const db = testDb.db;
    const oslo = await createOrganisation(db, { countryCode: 'NO', legalName: 'Oslo universitetssykehus' });
    const dhulikhel = await createOrganisation(db, { countryCode: 'NP', legalName: 'Dhulikhel Hospital' });
    const lilongwe = await createOrganisation(db, { countryCode: 'MW', legalName: 'Kamuzu Central Hospital' });
    const sucre = await createOrganisation(db, { countryCode: 'BO', legalName: 'Hospital Santa Bárbara' });
    const health = await createProgramme(db);
    const schools = await createProgramme(db);
    const callIds = [(await createCall(db, { programmeId: health.id })).id, (await createCall(db, { programmeId: schools.id })).id];
    const pairs = [
      [oslo, dhulikhel],
      [dhulikhel, lilongwe],
      [sucre, oslo, lilongwe],
      [lilongwe, sucre],
    ];
    // 64 applications; titles repeat (the order then falls to the id), every status, shapes from the partners' countries.
    for (let i = 0; i < 64; i++) {
      await createApplication(db, {
        callId: callIds[i % 2]!,
        partners: pairs[i % 4]!,
        title: `Exchange ${String(i % 40).padStart(2, '0')}${i % 3 ? ' nurses' : ' teachers'}`,
        status: APPLICATION_STATUSES[i % APPLICATION_STATUSES.length]!,
        sectorCode: i % 5 ? '12220' : '11220',
        sdgGoals: i % 2 ? ['3'] : ['3', '4'],
      });
    }
    const rows = await db
      .select({ id: applications.id, title: applications.title, status: applications.status, shape: applications.shape, sector: applications.sectorCode, sdgs: applications.sdgGoals, call: applications.callId, programme: programmes.code })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .innerJoin(programmes, eq(programmes.id, calls.programmeId));
    const partnerRows = await db.select({ applicationId: applicationPartners.applicationId, organisationId: applicationPartners.organisationId, country: organisations.countryCode }).from(applicationPartners).innerJoin(organisations, eq(organisations.id, applicationPartners.organisationId));
    const partnersOf = (id: string) => partnerRows.filter((p) => p.applicationId === id);

    const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
    const staff = await createUser(db, { memberships: [{ organisationId: lilongwe.id, role: 'partner_coordinator' }] });
    const readers = [
      { actor: adviser.actor, sees: (r: (typeof rows)[number]) => r.status !== 'draft' },
      { actor: staff.actor, sees: (r: (typeof rows)[number]) => partnersOf(r.id).some((p) => p.organisationId === lilongwe.id) },
    ];
    const filters = fc.record(
      {
        q: fc.constantFrom('nurses', 'TEACH', 'Exchange 1', 'none such'),
        call: fc.constantFrom(...callIds),
        programme: fc.constantFrom(health.code, schools.code),
        country: fc.constantFrom('NO', 'NP', 'BO'),
        shape: fc.constantFrom('north_south' as const, 'south_south' as const, 'triangular' as const),
        status: fc.constantFrom(...APPLICATION_STATUSES),
        sector: fc.constantFrom('12220', '11220'),
        sdg: fc.constantFrom('3', '4'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...readers), filters, async (reader, filter: ApplicationFilter) => {
        const expected = rows
          .filter(
            (r) =>
              reader.sees(r) &&
              (!filter.q || r.title.toLowerCase().includes(filter.q.toLowerCase())) &&
              (!filter.call || r.call === filter.call) &&
              (!filter.programme || r.programme === filter.programme) &&
              (!filter.country || partnersOf(r.id).some((p) => p.country === filter.country)) &&
              (!filter.shape || r.shape === filter.shape) &&
              (!filter.status || r.status === filter.status) &&
              (!filter.sector || r.sector === filter.sector) &&
              (!filter.sdg || r.sdgs.includes(filter.sdg)),
          )
          .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1))
          .map((r) => r.id);
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await listApplications(as(reader.actor), { ...filter, after });
          expect(page.total).toBe(expected.length);
          seen.push(...page.items.map((a) => a.id));
          after = page.next ?? undefined;
        } while (after);
        expect(seen).toEqual(expected);
      }),
      // Unfiltered and lightly filtered first: more than a page, so the cursor's statements are read too.
      { numRuns: 40, seed: 20261130, examples: [[readers[0]!, {}], [readers[1]!, {}], [readers[0]!, { sdg: '3' }], [readers[0]!, { q: 'nurses' }]] },
    );
  });
});
