import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { assignAdviser } from '../../db/factories/programme-adviser-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { participants } from '../../db/schema/participants.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { encodeCursor } from '../pagination/keyset-cursor.ts';
import { exportParticipantsCsv } from './export-participants-csv.ts';
import { ageOn } from './check-eligibility.ts';
import { AGE_BANDS, listParticipants, participantConditions, participantFilter, resolveFilterValues, type ParticipantFilter } from './list-participants.ts';

const testDb = useTestDatabase();

/**
 * Two partnerships in two programmes: Kathmandu–Bergen (health, with two rounds) and Lilongwe–Tromsø
 * (youth), and people who differ in one thing at a time.
 */
async function world() {
  const db = testDb.db;
  const health = await createProgramme(db, { code: `health-${crypto.randomUUID()}`, name: 'Health' });
  const youth = await createProgramme(db, { code: `youth-${crypto.randomUUID()}`, name: 'Youth' });
  const kathmandu = await createOrganisation(db, { countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(db, { countryCode: 'NO', city: 'Bergen' });
  const lilongwe = await createOrganisation(db, { countryCode: 'MW', city: 'Lilongwe' });
  const tromso = await createOrganisation(db, { countryCode: 'NO', city: 'Tromsø' });
  const hospitals = await createPartnership(db, { partners: [bergen, kathmandu], programmeId: health.id });
  const schools = await createPartnership(db, { partners: [tromso, lilongwe], programmeId: youth.id });
  const round1 = await createPartnershipStage(db, { partnership: hospitals, kind: 'round', roundNumber: 1 });
  const round2 = await createPartnershipStage(db, { partnership: hospitals, kind: 'round', roundNumber: 2 });
  const fromKathmandu = { partnershipId: hospitals.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' };
  const fromBergen = { partnershipId: hospitals.id, homeOrganisationId: bergen.id, hostOrganisationId: kathmandu.id, homeCountry: 'NO' };
  const fromLilongwe = { partnershipId: schools.id, homeOrganisationId: lilongwe.id, hostOrganisationId: tromso.id, homeCountry: 'MW' };
  const sita = await createParticipant(db, { ...fromKathmandu, givenName: 'Sita', familyName: 'Shrestha', gender: 'female', birthDate: '2000-05-01', startsOn: '2024-08-01', endsOn: '2025-07-31', stageId: round1.id, status: 'returned' });
  const ramesh = await createParticipant(db, { ...fromKathmandu, givenName: 'Ramesh', familyName: 'Thapa', gender: 'male', birthDate: '1990-01-15', startsOn: '2025-08-01', endsOn: '2026-07-31', stageId: round2.id });
  const ingrid = await createParticipant(db, { ...fromBergen, givenName: 'Ingrid', familyName: 'Berg', gender: 'female', birthDate: '1996-03-03', startsOn: '2025-08-01', endsOn: '2026-01-31', stageId: round2.id, status: 'alumni' });
  const chikondi = await createParticipant(db, { ...fromLilongwe, givenName: 'Chikondi', familyName: 'Banda', gender: 'other', birthDate: '2003-09-09', startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'nominated' });
  const admin = await createUser(db, { agencyRoles: ['administrator'] });
  return { health, youth, kathmandu, bergen, lilongwe, hospitals, schools, round1, round2, sita, ramesh, ingrid, chikondi, admin };
}

const names = (page: { items: { givenName: string }[] }) => page.items.map((p) => p.givenName);

describe('the participant list', () => {
  it('filters by each filter, and by several at once', async () => {
    const w = await world();
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    const mine = async (filter: ParticipantFilter) => {
      const page = await listParticipants(ctx, participantFilter.parse(filter));
      // The tests of this file share a database: keep this world's people.
      const ours = new Set([w.sita.id, w.ramesh.id, w.ingrid.id, w.chikondi.id]);
      return page.items.filter((p) => ours.has(p.id)).map((p) => p.givenName);
    };
    expect(await mine({ programme: w.health.code })).toEqual(['Ingrid', 'Sita', 'Ramesh']);
    expect(await mine({ programme: w.youth.code })).toEqual(['Chikondi']);
    expect(await mine({ partnership: w.schools.id })).toEqual(['Chikondi']);
    expect(await mine({ round: w.round2.id })).toEqual(['Ingrid', 'Ramesh']);
    expect(await mine({ homeCountry: 'np' })).toEqual(['Sita', 'Ramesh']);
    expect(await mine({ hostCountry: 'NO' })).toEqual(['Chikondi', 'Sita', 'Ramesh']);
    expect(await mine({ status: 'alumni' })).toEqual(['Ingrid']);
    expect(await mine({ year: '2025' })).toEqual(['Ingrid', 'Ramesh']);
    expect(await mine({ gender: 'other' })).toEqual(['Chikondi']);
    // Ages on the planned start: Sita 24, Ramesh 35, Ingrid 29, Chikondi 22.
    expect(await mine({ age: 'up-to-25' })).toEqual(['Chikondi', 'Sita']);
    expect(await mine({ age: '26-30' })).toEqual(['Ingrid']);
    expect(await mine({ age: '31-35' })).toEqual(['Ramesh']);
    expect(await mine({ age: '36-plus' })).toEqual([]);
    expect(await mine({ q: 'shrest' })).toEqual(['Sita']);
    expect(await mine({ q: 'Thapa Ramesh' })).toEqual(['Ramesh']);
    expect(await mine({ q: 'ramesh thapa' })).toEqual(['Ramesh']);
    // Combined: everything must hold.
    expect(await mine({ programme: w.health.code, gender: 'female', year: '2025' })).toEqual(['Ingrid']);
    expect(await mine({ homeCountry: 'NP', status: 'in_placement', age: '31-35', round: w.round2.id })).toEqual(['Ramesh']);
    expect(await mine({ homeCountry: 'NP', hostCountry: 'MW' })).toEqual([]);
  });

  it('searches by the beginning of the given or family name, each word, in any order and any case', async () => {
    const w = await world();
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    const ours = new Set([w.sita.id, w.ramesh.id, w.ingrid.id, w.chikondi.id]);
    const mine = async (q: string) => (await listParticipants(ctx, participantFilter.parse({ q }))).items.filter((p) => ours.has(p.id)).map((p) => p.givenName);
    expect(await mine('SITA')).toEqual(['Sita']);
    expect(await mine('tha ram')).toEqual(['Ramesh']);
    expect(await mine('  ram   THA ')).toEqual(['Ramesh']);
    expect(await mine('b')).toEqual(['Chikondi', 'Ingrid']); // Banda, and Berg
    expect(await mine('sita thapa')).toEqual([]); // every word must match the same person
    expect(await mine('resth')).toEqual([]); // the middle of a name is not its beginning
    expect(await mine('%')).toEqual([]); // LIKE's wildcards are plain characters
    expect(await mine('_ita')).toEqual([]);
  });

  it('finds every name a prefix begins, however the names differ in case only or share their beginning (the skip scan of the prefix indexes)', async () => {
    const w = await world();
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    // Names from a small alphabet, so that prefixes are shared, case variants of one another, and repeated.
    const spelled = ['Ab', 'AB', 'ab', 'aB', 'Aba', 'Abb', 'ABBA', 'B', 'b', 'Ba', 'BAB', 'bab', 'Bb', 'A', 'a', 'Aab'];
    const people: { id: string; givenName: string; familyName: string }[] = [];
    for (const [i, familyName] of spelled.entries()) {
      const givenName = spelled[(i * 7 + 3) % spelled.length]!;
      for (let twice = 0; twice < (i % 3 === 0 ? 2 : 1); twice++) {
        const p = await createParticipant(testDb.db, { partnershipId: w.schools.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.lilongwe.id, homeCountry: 'MW', givenName, familyName });
        people.push({ id: p.id, givenName, familyName });
      }
    }
    const ids = new Set(people.map((p) => p.id));
    const begins = (name: string, word: string) => name.toLowerCase().startsWith(word.toLowerCase());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[aAbB]{1,3}$/), { minLength: 1, maxLength: 2 }), async (words) => {
        const expected = people.filter((p) => words.every((word) => begins(p.familyName, word) || begins(p.givenName, word))).map((p) => p.id).sort();
        const found: string[] = [];
        let after: string | undefined;
        do {
          const page = await listParticipants(ctx, participantFilter.parse({ q: words.join(' '), partnership: w.schools.id, ...(after ? { after } : {}) }));
          found.push(...page.items.map((p) => p.id).filter((id) => ids.has(id)));
          after = page.next ?? undefined;
        } while (after);
        expect(found.sort(), words.join(' ')).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('knows each participant\'s programme from the partnership, also after the partnership moves', async () => {
    const w = await world();
    const programmeOf = async (id: string) => (await testDb.db.select({ p: participants.programmeId }).from(participants).where(eq(participants.id, id)))[0]!.p;
    expect(await programmeOf(w.sita.id)).toBe(w.health.id);
    expect(await programmeOf(w.chikondi.id)).toBe(w.youth.id);
    // Written directly, it is still the partnership's.
    await testDb.db.update(participants).set({ programmeId: w.youth.id }).where(eq(participants.id, w.sita.id));
    expect(await programmeOf(w.sita.id)).toBe(w.health.id);
    await testDb.db.update(partnerships).set({ programmeId: w.youth.id }).where(eq(partnerships.id, w.hospitals.id));
    expect(await programmeOf(w.sita.id)).toBe(w.youth.id);
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    expect((await listParticipants(ctx, { programme: w.youth.code })).items.map((p) => p.givenName)).toEqual(['Chikondi', 'Ingrid', 'Sita', 'Ramesh']);
  });

  it('refuses filters that are not choices, in the words of the catalogs', () => {
    for (const bad of [{ status: 'gone' }, { gender: 'x' }, { age: '99' }, { year: '1900' }, { year: '20x5' }, { homeCountry: 'Norway' }, { partnership: 'not-an-id' }, { round: "1' or 1=1" }]) {
      expect(participantFilter.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    // Empty values (an untouched select) mean "any".
    expect(participantFilter.parse({ status: '', gender: '', year: '' })).toEqual({});
  });

  it('an unrelated coordinator sees none of them, whatever the filters', async () => {
    const w = await world();
    const elsewhere = await createOrganisation(testDb.db, { countryCode: 'UG', city: 'Gulu' });
    const stranger = await createUser(testDb.db, { memberships: [{ organisationId: elsewhere.id, role: 'partner_coordinator' }] });
    const ctx = coreContext({ db: testDb.db, actor: stranger.actor });
    expect(await listParticipants(ctx, {})).toMatchObject({ items: [], total: 0, next: null });
    expect((await listParticipants(ctx, { partnership: w.hospitals.id })).items).toEqual([]);
    // The Kathmandu coordinator sees their own, and only them.
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: w.kathmandu.id, role: 'partner_coordinator' }] });
    expect(names(await listParticipants(coreContext({ db: testDb.db, actor: coordinator.actor }), {}))).toEqual(['Ingrid', 'Sita', 'Ramesh']);
  });

  it('pages by name with a stable keyset: every row once, in order, whatever is added before the cursor', async () => {
    const w = await world();
    for (let i = 0; i < 30; i++) {
      await createParticipant(testDb.db, { partnershipId: w.schools.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.lilongwe.id, homeCountry: 'MW', givenName: `Person ${String(i).padStart(2, '0')}`, familyName: i % 3 === 0 ? 'Phiri' : 'Mwale' });
    }
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    const filter = { partnership: w.schools.id };
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listParticipants(ctx, { ...filter, after }, { pageSize: 7 });
      if (pages === 0) expect(page.total).toBe(31);
      seen.push(...page.items.map((p) => `${p.familyName}, ${p.givenName}`));
      pages++;
      if (pages === 2) await createParticipant(testDb.db, { partnershipId: w.schools.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.lilongwe.id, homeCountry: 'MW', givenName: 'Aaron', familyName: 'Aardvark' });
      if (!page.next) break;
      after = page.next;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe('Banda, Chikondi');
  });

  it('refuses a damaged or forged cursor as invalidCursor on `after`', async () => {
    const w = await world();
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    for (const after of ['not a cursor', encodeCursor('plain text, not a name pair', crypto.randomUUID()), encodeCursor('[1,2]', crypto.randomUUID()), Buffer.from('["a"]').toString('base64url')]) {
      const refused = await listParticipants(ctx, { after }).catch((e: unknown) => e);
      expect(refused, after).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ code: 'invalidCursor', field: 'after' });
    }
  });

  it('caps the total and says so', async () => {
    const w = await world();
    const page = await listParticipants(coreContext({ db: testDb.db, actor: w.admin.actor }), { partnership: w.hospitals.id });
    expect(page).toMatchObject({ total: 3, totalCapped: false });
  });
});

describe('the age band, from the stored age on the planned start (participants.age_at_start)', () => {
  /** The bands (of this world's people only) that list a participant. */
  async function bandsOf(ctx: ReturnType<typeof coreContext>, participantId: string, partnershipId: string) {
    const bands: string[] = [];
    for (const age of AGE_BANDS) {
      const page = await listParticipants(ctx, participantFilter.parse({ partnership: partnershipId, age }));
      if (page.items.some((p) => p.id === participantId)) bands.push(age);
    }
    return bands;
  }

  it('counts a birthday on the start day as the new age, the day before as the old, and follows a moved start or a corrected birth date', async () => {
    const w = await world();
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    const onTheDay = { partnershipId: w.schools.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.lilongwe.id, homeCountry: 'MW', startsOn: '2026-08-01', endsOn: '2027-07-31' };
    // 36 on the start day itself; 35 until the day after the start; 25 on the start day; 26 the day after the start.
    const turns36 = await createParticipant(testDb.db, { ...onTheDay, givenName: 'Turns', familyName: 'Thirtysix', birthDate: '1990-08-01' });
    const still35 = await createParticipant(testDb.db, { ...onTheDay, givenName: 'Still', familyName: 'Thirtyfive', birthDate: '1990-08-02' });
    const turns26 = await createParticipant(testDb.db, { ...onTheDay, givenName: 'Turns', familyName: 'Twentysix', birthDate: '2000-08-01' });
    const still25 = await createParticipant(testDb.db, { ...onTheDay, givenName: 'Still', familyName: 'Twentyfive', birthDate: '2000-08-02' });
    expect([turns36.ageAtStart, still35.ageAtStart, turns26.ageAtStart, still25.ageAtStart]).toEqual([36, 35, 26, 25]);
    expect(await bandsOf(ctx, turns36.id, w.schools.id)).toEqual(['36-plus']);
    expect(await bandsOf(ctx, still35.id, w.schools.id)).toEqual(['31-35']);
    expect(await bandsOf(ctx, turns26.id, w.schools.id)).toEqual(['26-30']);
    expect(await bandsOf(ctx, still25.id, w.schools.id)).toEqual(['up-to-25']);
    // The planned start moves a day earlier: the birthday is no longer reached, whoever writes the date.
    await testDb.db.update(participants).set({ startsOn: '2026-07-31' }).where(eq(participants.id, turns36.id));
    expect(await bandsOf(ctx, turns36.id, w.schools.id)).toEqual(['31-35']);
    // … and a day later again, past the birthday of the one who was still 35.
    await testDb.db.update(participants).set({ startsOn: '2026-08-02' }).where(eq(participants.id, still35.id));
    expect(await bandsOf(ctx, still35.id, w.schools.id)).toEqual(['36-plus']);
    // A corrected date of birth counts too.
    await testDb.db.update(participants).set({ birthDate: '2000-08-03' }).where(eq(participants.id, turns26.id));
    expect(await bandsOf(ctx, turns26.id, w.schools.id)).toEqual(['up-to-25']);
    // The actual start does not move the band: the list's age, like its year, is on the planned start.
    await testDb.db.update(participants).set({ actualStartsOn: '2026-09-01' }).where(eq(participants.id, still25.id));
    expect(await bandsOf(ctx, still25.id, w.schools.id)).toEqual(['up-to-25']);
    // The four filters of the (status, gender, year, age) index together, at the edge.
    const page = await listParticipants(ctx, participantFilter.parse({ partnership: w.schools.id, status: 'in_placement', gender: turns36.gender, year: '2026', age: '31-35' }));
    expect(page.items.map((p) => p.id)).toContain(turns36.id);
  });

  it('names the programmes as values (the filter\'s and an adviser\'s) and still lists exactly the same people', async () => {
    const w = await world();
    const db = testDb.db;
    const ours = new Set([w.sita.id, w.ramesh.id, w.ingrid.id, w.chikondi.id]);
    const mine = async (actor: Parameters<typeof coreContext>[0]['actor'], filter: ParticipantFilter) => {
      const ctx = coreContext({ db, actor });
      const resolved = await resolveFilterValues(ctx, filter);
      const page = await listParticipants(ctx, participantFilter.parse(filter));
      return { resolved, names: page.items.filter((p) => ours.has(p.id)).map((p) => p.givenName) };
    };
    // The filter's programme, as its id; an unknown code matches no one.
    expect(await mine(w.admin.actor, { programme: w.youth.code, age: 'up-to-25' })).toEqual({ resolved: { programme: w.youth.id }, names: ['Chikondi'] });
    expect(await mine(w.admin.actor, { programme: w.youth.code, age: '36-plus' })).toEqual({ resolved: { programme: w.youth.id }, names: [] });
    expect(await mine(w.admin.actor, { programme: 'no-such-programme' })).toEqual({ resolved: { programme: null }, names: [] });
    expect(await resolveFilterValues(coreContext({ db, actor: w.admin.actor }), {})).toEqual({});
    // An adviser of both programmes, of one, of none.
    const both = await createUser(db, { agencyRoles: ['programme_adviser'] });
    await assignAdviser(db, both.id, w.health.id);
    await assignAdviser(db, both.id, w.youth.id);
    const health = await createUser(db, { agencyRoles: ['programme_adviser'] });
    await assignAdviser(db, health.id, w.health.id);
    const none = await createUser(db, { agencyRoles: ['programme_adviser'] });
    const bothAnswer = await mine(both.actor, {});
    expect(bothAnswer.resolved.advised?.sort()).toEqual([w.health.id, w.youth.id].sort());
    expect(bothAnswer.names).toEqual(['Chikondi', 'Ingrid', 'Sita', 'Ramesh']);
    expect(await mine(health.actor, { age: '31-35' })).toEqual({ resolved: { advised: [w.health.id] }, names: ['Ramesh'] });
    expect(await mine(health.actor, { programme: w.youth.code })).toEqual({ resolved: { programme: w.youth.id, advised: [w.health.id] }, names: [] });
    expect(await mine(none.actor, {})).toEqual({ resolved: { advised: [] }, names: [] });
    // The scope as a subquery (other callers) and as values give the same rows.
    for (const actor of [both.actor, health.actor, none.actor]) {
      const ctx = coreContext({ db, actor });
      const bySubquery = await db.select({ id: participants.id }).from(participants).where(participantConditions(ctx, {}));
      const byValues = await db.select({ id: participants.id }).from(participants).where(participantConditions(ctx, {}, await resolveFilterValues(ctx, {})));
      expect(byValues.map((r) => r.id).sort()).toEqual(bySubquery.map((r) => r.id).sort());
    }
  });

  it('filters by the organisations\' countries as copied onto the row, and the copies follow an organisation\'s move and a participant\'s change of organisation', async () => {
    const w = await world();
    const db = testDb.db;
    const ctx = coreContext({ db, actor: w.admin.actor });
    const ours = [w.sita.id, w.ramesh.id, w.ingrid.id, w.chikondi.id];
    // Every page (the tests of this file share a database), this world's people.
    const listed = async (filter: ParticipantFilter) => {
      const found: string[] = [];
      let after: string | undefined;
      do {
        const page = await listParticipants(ctx, participantFilter.parse({ ...filter, after }), { pageSize: 500 });
        found.push(...page.items.map((p) => p.id).filter((id) => ours.includes(id)));
        after = page.next ?? undefined;
      } while (after);
      return found.sort();
    };
    // What the filter must find: the organisations' countries now, by a join.
    const home = alias(organisations, 'home');
    const host = alias(organisations, 'host');
    const truth = async (filter: { homeCountry?: string; hostCountry?: string }) =>
      (await db.select({ id: participants.id, home: home.countryCode, host: host.countryCode }).from(participants)
        .innerJoin(home, eq(home.id, participants.homeOrganisationId)).innerJoin(host, eq(host.id, participants.hostOrganisationId))
        .where(inArray(participants.id, ours)))
        .filter((r) => (!filter.homeCountry || r.home === filter.homeCountry) && (!filter.hostCountry || r.host === filter.hostCountry)).map((r) => r.id).sort();
    const countries = ['NP', 'NO', 'MW', 'ZM'];
    const allAgree = async () => {
      for (const country of countries) {
        expect(await listed({ homeCountry: country }), `home ${country}`).toEqual(await truth({ homeCountry: country }));
        expect(await listed({ hostCountry: country }), `host ${country}`).toEqual(await truth({ hostCountry: country }));
      }
      expect(await listed({ homeCountry: 'NP', hostCountry: 'NO' })).toEqual(await truth({ homeCountry: 'NP', hostCountry: 'NO' }));
    };
    expect(await listed({ homeCountry: 'NP' })).toEqual([w.sita.id, w.ramesh.id].sort());
    expect(await listed({ homeCountry: 'ZZ' })).toEqual([]);
    expect(await listed({ programme: w.health.code, homeCountry: 'NO', year: '2025', gender: 'female' })).toEqual([w.ingrid.id]);
    await allAgree();
    // Lilongwe moves to Zambia: Chikondi, whom it sends, is sent from Zambia.
    await db.update(organisations).set({ countryCode: 'ZM' }).where(eq(organisations.id, w.lilongwe.id));
    expect(await listed({ homeCountry: 'MW' })).toEqual([]);
    expect(await listed({ homeCountry: 'ZM' })).toEqual([w.chikondi.id]);
    await allAgree();
    // Sita is hosted by Lilongwe instead of Bergen; Ingrid is sent by Kathmandu instead of Bergen.
    await db.update(participants).set({ hostOrganisationId: w.lilongwe.id }).where(eq(participants.id, w.sita.id));
    await db.update(participants).set({ homeOrganisationId: w.kathmandu.id }).where(eq(participants.id, w.ingrid.id));
    expect(await listed({ hostCountry: 'ZM' })).toEqual([w.sita.id]);
    expect(await listed({ homeCountry: 'NP' })).toEqual([w.sita.id, w.ramesh.id, w.ingrid.id].sort());
    expect(await listed({ programme: w.health.code, homeCountry: 'NP', year: '2025', gender: 'female' })).toEqual([w.ingrid.id]);
    expect(await listed({ programme: w.health.code, homeCountry: 'NO', year: '2025', gender: 'female' })).toEqual([]);
    await allAgree();
    // Kathmandu moves, with both organisations of one person (Ramesh is hosted by Bergen, Ingrid sent by Kathmandu and hosted by Kathmandu).
    await db.update(participants).set({ hostOrganisationId: w.kathmandu.id }).where(eq(participants.id, w.ingrid.id));
    await db.update(organisations).set({ countryCode: 'MW' }).where(eq(organisations.id, w.kathmandu.id));
    expect(await listed({ homeCountry: 'MW', hostCountry: 'MW' })).toEqual([w.ingrid.id]);
    await allAgree();
    // A copy written directly is put back: the organisations decide.
    await db.update(participants).set({ homeCountryCode: 'XX', hostCountryCode: 'XX' }).where(eq(participants.id, w.ramesh.id));
    const [ramesh] = await db.select({ home: participants.homeCountryCode, host: participants.hostCountryCode }).from(participants).where(eq(participants.id, w.ramesh.id));
    expect(ramesh).toEqual({ home: 'MW', host: 'NO' });
    // Any sequence of moves and changes of organisation: the filters agree with the organisations.
    const organisationIds = [w.kathmandu.id, w.bergen.id, w.lilongwe.id];
    const change = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), organisation: fc.constantFrom(...organisationIds), country: fc.constantFrom(...countries) }),
      fc.record({ kind: fc.constant('person' as const), person: fc.constantFrom(...ours), side: fc.constantFrom('home' as const, 'host' as const), organisation: fc.constantFrom(...organisationIds) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        for (const c of changes) {
          if (c.kind === 'move') await db.update(organisations).set({ countryCode: c.country }).where(eq(organisations.id, c.organisation));
          else await db.update(participants).set(c.side === 'home' ? { homeOrganisationId: c.organisation } : { hostOrganisationId: c.organisation }).where(eq(participants.id, c.person));
        }
        await allAgree();
      }),
      { numRuns: 15 },
    );
  });

  it('stores the age the eligibility rules compute (ageOn), 29 February included, whatever the dates', async () => {
    const w = await world();
    const person = await createParticipant(testDb.db, { partnershipId: w.schools.id, homeOrganisationId: w.lilongwe.id, hostOrganisationId: w.lilongwe.id, homeCountry: 'MW', givenName: 'Dates', familyName: 'Many' });
    const day = (from: number, to: number) => fc.integer({ min: Date.UTC(from, 0, 1) / 86_400_000, max: Date.UTC(to, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    // Born before every start (a birth after the start is no participant: PostgreSQL's age() says 0, ageOn -1).
    const leapDays = fc.constantFrom('1992-02-29', '1996-02-29', '2000-02-29');
    const starts = fc.oneof(day(2001, 2035), fc.constantFrom('2023-02-28', '2023-03-01', '2024-02-28', '2024-02-29', '2025-02-28', '2025-03-01'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(day(1940, 2000), leapDays), starts, async (birthDate, startsOn) => {
        const [row] = await testDb.db.update(participants).set({ birthDate, startsOn }).where(eq(participants.id, person.id)).returning({ ageAtStart: participants.ageAtStart });
        expect(row!.ageAtStart, `${birthDate} → ${startsOn}`).toBe(ageOn(birthDate, startsOn));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the CSV of the list', () => {
  it('streams every matching row in batches, with translated headings and a byte-order mark', async () => {
    const w = await world();
    for (let i = 0; i < 2500; i += 500) {
      // Bulk rows past one batch (1,000) so that the keyset between batches is exercised.
      const rows = Array.from({ length: 500 }, (_, k) => ({
        givenName: `Navn ${String(i + k).padStart(4, '0')}`,
        familyName: 'Mbewe, "Jr"',
        gender: 'female' as const,
        birthDate: '1999-01-01',
        partnershipId: w.schools.id,
        homeOrganisationId: w.lilongwe.id,
        hostOrganisationId: w.lilongwe.id,
        status: 'alumni' as const,
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
      }));
      await testDb.db.insert(participants).values(rows);
    }
    const ctx = coreContext({ db: testDb.db, actor: w.admin.actor });
    const stream = await exportParticipantsCsv(ctx, { filter: { partnership: w.schools.id }, locale: 'nb' });
    const reader = stream.getReader();
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(4); // headings, then one chunk per batch of 1,000
    expect(text.startsWith('\uFEFFId,Fornavn,Etternavn,Kjønn,Fødselsdato,Status,')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1 + 2501);
    const body = rows.slice(1);
    expect(body[0]![1]).toBe('Chikondi');
    expect(body[0]![3]).toBe('Annet');
    const navn = body.filter((r) => r[1]!.startsWith('Navn '));
    expect(navn).toHaveLength(2500);
    expect(navn[0]).toEqual(expect.arrayContaining(['Mbewe, "Jr"', 'Kvinne', 'Tidligere deltaker', 'MW', '2020-01-01']));
    expect(new Set(body.map((r) => r[0])).size).toBe(2501);
  });

  it('refuses before streaming: visitors, roles that see no participants, and bad cursors', async () => {
    const w = await world();
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(exportParticipantsCsv(coreContext({ db: testDb.db }), { filter: {}, locale: 'en' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(exportParticipantsCsv(coreContext({ db: testDb.db, actor: finance.actor }), { filter: {}, locale: 'en' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportParticipantsCsv(coreContext({ db: testDb.db, actor: w.admin.actor }), { filter: { after: 'bad cursor' }, locale: 'en' })).rejects.toMatchObject({ code: 'invalidCursor' });
  });
});

/** A small RFC 4180 reader for the tests (csv-parse is not a dependency): quoted fields, doubled quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
