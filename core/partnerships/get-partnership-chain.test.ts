import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { NotFoundError } from '../errors.ts';
import { getPartnershipChain } from './get-partnership-chain.ts';
import { getPartnershipParticipantCounts } from './get-partnership-participant-counts.ts';
import { getPublicPartnership } from './get-public-partnership.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const ctx = () => coreContext({ db: testDb.db });

async function triangle(status = 'active') {
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
  const addis = await createOrganisation(testDb.db, { countryCode: 'ET', city: 'Addis Ababa' });
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
  return createPartnership(testDb.db, { partners: [bergen, addis, kathmandu], status, startsOn: '2025-01-01', endsOn: '2027-12-31' });
}

describe('getPartnershipChain', () => {
  it('orders the chain (study, agreement, rounds by number) with periods, ceilings and each round’s plan matrix', async () => {
    const p = await triangle();
    // Created out of order on purpose: the chain is ordered by kind and round, not by insertion.
    await createPartnershipStage(testDb.db, { partnership: p, kind: 'round', roundNumber: 2, startsOn: '2026-01-01', endsOn: '2026-12-31', flows: [{ from: 1, to: 0 }] });
    await createPartnershipStage(testDb.db, { partnership: p, kind: 'round', roundNumber: 1, startsOn: '2025-01-01', endsOn: '2025-12-31', amountCeilingMinor: 1_200_000_00 });
    await createPartnershipStage(testDb.db, {
      partnership: p,
      kind: 'agreement',
      flows: [
        { from: 0, to: 1, participants: 2, round: 1 },
        { from: 1, to: 2, round: 1 },
        { from: 2, to: 0, round: 1 },
        { from: 0, to: 2, round: 2 },
        { from: 2, to: 1, round: 3 },
      ],
    });
    await createPartnershipStage(testDb.db, { partnership: p, kind: 'feasibility', startsOn: '2024-03-01', endsOn: '2024-08-31', flows: [] });

    const chain = await getPartnershipChain(ctx(), { partnershipId: p.id });
    expect(chain.stages.map((s) => [s.kind, s.roundNumber, s.startsOn])).toEqual([
      ['feasibility', null, '2024-03-01'],
      ['agreement', null, '2025-01-01'],
      ['round', 1, '2025-01-01'],
      ['round', 2, '2026-01-01'],
    ]);
    expect(chain.stages[2]).toMatchObject({ amountCeilingMinor: 1_200_000_00, currency: 'NOK', endsOn: '2025-12-31', callTitle: expect.any(String) });
    expect(chain.stages[0]!.rounds).toEqual([]);

    const [bergen, addis, kathmandu] = p.partners.map((o) => o.id);
    expect(chain.partners[0]!.id).toBe(bergen);
    const agreement = chain.stages[1]!;
    expect(agreement.rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    const m = agreement.rounds[0]!.matrix;
    const at = (from: string | undefined, to: string | undefined) => m.cells[m.partners.indexOf(from!)]![m.partners.indexOf(to!)];
    expect(m.partners).toEqual(chain.partners.map((o) => o.id));
    expect([at(bergen, addis), at(addis, kathmandu), at(kathmandu, bergen), at(addis, bergen)]).toEqual([2, 1, 1, 0]);
    expect(m.total).toBe(4);
    // A round's own plan is that round's, whatever round number its flows carry.
    expect(chain.stages[3]!.rounds.map((r) => [r.round, r.matrix.total])).toEqual([[2, 1]]);
  });

  it('reads the same chain, and the same people counts from it, when the partnership page hands over what it has read', async () => {
    const p = await triangle();
    await createPartnershipStage(testDb.db, { partnership: p, kind: 'agreement', flows: [{ from: 0, to: 1, participants: 2, round: 1 }, { from: 2, to: 0, round: 2 }] });
    await createParticipant(testDb.db, { partnershipId: p.id, homeOrganisationId: p.partners[0]!.id, hostOrganisationId: p.partners[1]!.id, status: 'in_placement' });
    const read = await getPartnershipChain(ctx(), { partnershipId: p.id });
    const page = await getPublicPartnership(ctx(), { partnershipId: p.id });
    const handed = await getPartnershipChain(ctx(), { partnershipId: p.id, publicPartners: page.partners });
    expect(handed).toEqual(read);
    expect(await getPartnershipParticipantCounts(ctx(), { partnershipId: p.id, chain: handed })).toEqual(await getPartnershipParticipantCounts(ctx(), { partnershipId: p.id }));
  });

  it('counts actual exchanges per partner against the plan, the rounds’ own plans replacing the agreement’s', async () => {
    const p = await triangle();
    const [bergen, addis, kathmandu] = p.partners.map((o) => o.id);
    await createPartnershipStage(testDb.db, {
      partnership: p,
      kind: 'agreement',
      flows: [
        { from: 0, to: 1, participants: 3, round: 1, startMonth: '2027-08' },
        { from: 1, to: 2, round: 1, startMonth: '2027-08' },
        { from: 2, to: 0, round: 1, startMonth: '2027-08' },
        { from: 0, to: 2, round: 2, startMonth: '2027-08' },
      ],
    });
    await createPartnershipStage(testDb.db, { partnership: p, kind: 'round', roundNumber: 1, flows: [{ from: 0, to: 1, startMonth: '2027-08' }, { from: 1, to: 2, startMonth: '2027-08' }, { from: 2, to: 0, startMonth: '2027-08' }] });

    const before = await getPartnershipChain(ctx(), { partnershipId: p.id });
    expect(before.balance.hasActual).toBe(false);
    expect(before.balance.partners.find((b) => b.partnerId === bergen)).toEqual({ partnerId: bergen, plannedSent: 2, actualSent: 0, plannedHosted: 1, actualHosted: 0, flags: [] });

    await createParticipant(testDb.db, { partnershipId: p.id, homeOrganisationId: bergen!, hostOrganisationId: addis!, status: 'in_placement' });
    await createParticipant(testDb.db, { partnershipId: p.id, homeOrganisationId: addis!, hostOrganisationId: kathmandu!, status: 'in_placement' });
    // Nominations, and people withdrawn before they left, are not actual exchanges.
    await createParticipant(testDb.db, { partnershipId: p.id, homeOrganisationId: kathmandu!, hostOrganisationId: bergen!, status: 'nominated' });
    await createParticipant(testDb.db, { partnershipId: p.id, homeOrganisationId: bergen!, hostOrganisationId: kathmandu!, status: 'withdrawn' });
    // Every flow is planned for 2027-08: not due in 2026, due in 2028.
    const now = await getPartnershipChain(coreContext({ db: testDb.db, now: () => new Date('2026-06-01T12:00:00Z') }), { partnershipId: p.id });
    const byPartner = (c: typeof now) => [bergen, addis, kathmandu].map((id) => c.balance.partners.find((b) => b.partnerId === id)!);
    expect(byPartner(now).map((b) => [b.plannedSent, b.actualSent, b.plannedHosted, b.actualHosted, b.flags])).toEqual([
      [2, 1, 1, 0, ['hostsNoOne']],
      [1, 1, 1, 1, []],
      [1, 0, 2, 1, ['sendsNoOne']],
    ]);
    const later = await getPartnershipChain(coreContext({ db: testDb.db, now: () => new Date('2028-01-01T12:00:00Z') }), { partnershipId: p.id });
    expect(byPartner(later).map((b) => b.flags)).toEqual([['sendsBehind', 'hostsNoOne'], [], ['sendsNoOne', 'hostsBehind']]);
    expect(JSON.stringify(later.balance)).not.toMatch(/givenName|familyName/);
  });

  it('shows a partnership without stages as an empty chain, and treats a draft or an unknown id as not found', async () => {
    const bare = await triangle('closed');
    const chain = await getPartnershipChain(ctx(), { partnershipId: bare.id });
    expect(chain.stages).toEqual([]);
    expect(chain.balance.partners).toHaveLength(3);

    const draft = await triangle('draft');
    await createPartnershipStage(testDb.db, { partnership: draft, kind: 'agreement' });
    await expect(getPartnershipChain(ctx(), { partnershipId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPartnershipChain(ctx(), { partnershipId: '00000000-0000-0000-0000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPartnershipChain(ctx(), { partnershipId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
