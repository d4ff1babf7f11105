import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { nominate, nurse, participantWorld } from '../../tests/support/participant-world.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { visitor } from '../identity/actor.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { getPartnershipParticipantCounts } from '../partnerships/get-partnership-participant-counts.ts';
import { acceptNomination } from './accept-nomination.ts';
import { getParticipantDetail } from './get-participant-detail.ts';
import { listNominationFlows, mayNominate } from './list-nomination-flows.ts';

const testDb = useTestDatabase();

describe('the lines a coordinator may nominate against', () => {
  it('lists only the approved round’s lines the coordinator’s organisation sends on, with planned and nominated counts', async () => {
    const w = await participantWorld(testDb.db);
    const before = await listNominationFlows(w.as(w.sender), { partnershipId: w.partnership.id });
    expect(before.partnership).toEqual({ id: w.partnership.id, title: w.partnership.title });
    // The agreement's plan line (not a round) and Bergen's line are not offered to Kathmandu.
    expect(before.flows).toEqual([expect.objectContaining({ id: w.flow.id, sendingOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, planned: 1, nominated: 0, months: 6, startMonth: '2026-03' })]);
    await nominate(w);
    const after = await listNominationFlows(w.as(w.sender), { partnershipId: w.partnership.id });
    expect(after.flows[0]).toMatchObject({ planned: 1, nominated: 1 });
    expect((await listNominationFlows(w.as(w.host), { partnershipId: w.partnership.id })).flows.map((f) => f.id)).toEqual([w.returnFlow.id]);
  });

  it('refuses a coordinator of another organisation and agency staff, and finds no partnership that does not exist', async () => {
    const w = await participantWorld(testDb.db);
    await expect(listNominationFlows(w.as(w.stranger), { partnershipId: w.partnership.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNominationFlows(w.as(w.adviser), { partnershipId: w.partnership.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNominationFlows(w.as(w.sender), { partnershipId: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listNominationFlows(w.as(w.sender), { partnershipId: 'nonsense' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await mayNominate(w.as(w.sender), { partnershipId: w.partnership.id })).toBe(true);
    expect(await mayNominate(w.as(w.stranger), { partnershipId: w.partnership.id })).toBe(false);
    expect(await mayNominate(w.as(w.admin), { partnershipId: w.partnership.id })).toBe(false);
    expect(await mayNominate(coreContext({ db: testDb.db, actor: visitor }), { partnershipId: 'nonsense' })).toBe(false);
  });
});

describe('a participant as the people who work with them see them', () => {
  it('offers the host its answer, the adviser the over-plan approval and exceptions, and each party only its own moves', async () => {
    const w = await participantWorld(testDb.db);
    await nominate(w);
    const extra = await nominate(w, nurse({ birthDate: '1960-01-01' }));
    const asHost = await getParticipantDetail(w.as(w.host), { participantId: extra.participantId });
    expect(asHost.may).toEqual({ decideAsHost: true, approveOverPlan: false, grantException: false });
    expect(asHost.moves).toEqual([]);
    expect(asHost.plan).toEqual({ planned: 1, nominated: 2 });
    expect(asHost.names).toMatchObject({ homeName: w.kathmandu.legalName, hostName: w.bergen.legalName, partnershipTitle: w.partnership.title });
    expect(asHost.eligibility.problems.map((p) => p.code)).toEqual(['ageNotEligible']);

    const asSender = await getParticipantDetail(w.as(w.sender), { participantId: extra.participantId });
    expect(asSender.may.decideAsHost).toBe(false);
    expect(asSender.moves).toEqual([{ to: 'withdrawn', needsReason: true, recordsDate: null }]);

    const asAdviser = await getParticipantDetail(w.as(w.adviser), { participantId: extra.participantId });
    expect(asAdviser.may).toEqual({ decideAsHost: false, approveOverPlan: true, grantException: true });
    expect(asAdviser.moves.map((m) => m.to)).toEqual(['approved', 'withdrawn']);

    await acceptNomination(w.as(w.host), { participantId: extra.participantId, version: extra.version });
    expect((await getParticipantDetail(w.as(w.host), { participantId: extra.participantId })).may.decideAsHost).toBe(false);
  });

  it('is not found for anyone outside the participant’s scope', async () => {
    const w = await participantWorld(testDb.db);
    const n = await nominate(w);
    await expect(getParticipantDetail(w.as(w.stranger), { participantId: n.participantId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParticipantDetail(w.as(w.otherAdviser), { participantId: n.participantId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParticipantDetail(w.as(w.admin), { participantId: randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('people per partner on the partnership page', () => {
  it('counts planned, nominated, in placement and back home, sent and received, and flags an imbalance to the agency only', async () => {
    const w = await participantWorld(testDb.db);
    const empty = await getPartnershipParticipantCounts(w.as(w.adviser), { partnershipId: w.partnership.id });
    const kathmandu = () => empty.partners.find((p) => p.partnerId === w.kathmandu.id)!;
    // The round plans one each way (the agreement's own plan is for its round 1, replaced by the round's).
    expect(kathmandu().sent.planned).toBeGreaterThanOrEqual(1);
    expect(kathmandu().sent).toMatchObject({ nominated: 0, inPlacement: 0, completed: 0 });
    expect(empty.imbalance).toEqual([]);

    await nominate(w);
    const common = { partnershipId: w.partnership.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP' };
    await createParticipant(testDb.db, { ...common, status: 'in_placement' });
    await createParticipant(testDb.db, { ...common, status: 'alumni' });
    await createParticipant(testDb.db, { ...common, status: 'withdrawn' });
    const counts = await getPartnershipParticipantCounts(w.as(w.adviser), { partnershipId: w.partnership.id });
    const k = counts.partners.find((p) => p.partnerId === w.kathmandu.id)!;
    const b = counts.partners.find((p) => p.partnerId === w.bergen.id)!;
    expect(k.sent).toMatchObject({ nominated: 1, inPlacement: 1, completed: 1 });
    expect(k.received).toMatchObject({ nominated: 0, inPlacement: 0, completed: 0 });
    expect(b.received).toMatchObject({ nominated: 1, inPlacement: 1, completed: 1 });
    expect(counts.imbalance).toHaveLength(2);
    expect(counts.imbalance).toEqual(
      expect.arrayContaining([
        { code: 'hostsNoOne', partnerId: w.kathmandu.id, partnerName: w.kathmandu.legalName },
        { code: 'sendsNoOne', partnerId: w.bergen.id, partnerName: w.bergen.legalName },
      ]),
    );
    const publicView = await getPartnershipParticipantCounts(coreContext({ db: testDb.db, actor: visitor }), { partnershipId: w.partnership.id });
    expect(publicView.imbalance).toEqual([]);
    expect(publicView.partners).toEqual(counts.partners);
    const coordinatorView = await getPartnershipParticipantCounts(w.as(w.sender), { partnershipId: w.partnership.id });
    expect(coordinatorView.imbalance).toEqual([]);
  });
});
