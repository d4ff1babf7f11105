import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { addEngagementActivity, removeEngagementActivity } from './engagement-activities.ts';
import { getEngagement } from './get-engagement.ts';
import { searchAlumni } from './search-alumni.ts';
import { updateAlumniProfile } from './update-alumni-profile.ts';
import { updateEngagementPlan } from './update-engagement-plan.ts';

const testDb = useTestDatabase();
const now = () => new Date('2027-03-01T10:00:00Z');
const as = (actor: Actor) => coreContext({ db: testDb.db, actor, now });
const profile = { listed: true, profession: 'Intensive-care nurse', bio: 'Back in Kathmandu, teaching.', contactEmail: 'sita@example.org', showEmail: false };

async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const health = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const base = { partnershipId: health.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' };
  const alumnus = await createParticipant(testDb.db, { ...base, status: 'alumni', startsOn: '2025-01-01', endsOn: '2025-12-31' });
  const returned = await createParticipant(testDb.db, { ...base, status: 'returned', startsOn: '2025-06-01', endsOn: '2026-05-31' });
  const away = await createParticipant(testDb.db, { ...base, status: 'in_placement' });
  return {
    health,
    alumnus,
    alumnusUser: await createUser(testDb.db, { participantIds: [alumnus.id] }),
    returnedUser: await createUser(testDb.db, { participantIds: [returned.id] }),
    awayUser: await createUser(testDb.db, { participantIds: [away.id] }),
    coordinator: await createUser(testDb.db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] }),
    partnerFinance: await createUser(testDb.db, { memberships: [{ organisationId: bergen.id, role: 'partner_finance' }] }),
    adviser: await createUser(testDb.db, { agencyRoles: ['programme_adviser'] }),
  };
}

describe('engagement at home', () => {
  it('the plan is versioned; activities are logged after return and removed by their owner only', async () => {
    const w = await world();
    const first = await getEngagement(as(w.returnedUser.actor));
    expect(first.planVersion).toBe('');
    const { version } = await updateEngagementPlan(as(w.returnedUser.actor), { plan: 'Talks at three health posts.', version: '' });
    await expect(updateEngagementPlan(as(w.returnedUser.actor), { plan: 'Older tab', version: '' })).rejects.toMatchObject({ code: 'staleEdit' });
    await updateEngagementPlan(as(w.returnedUser.actor), { plan: 'Talks at four health posts.', version });
    const { id } = await addEngagementActivity(as(w.returnedUser.actor), { what: 'Talk on infection control', place: 'Patan', heldOn: '2026-09-10', peopleReached: 40 });
    const seen = await getEngagement(as(w.returnedUser.actor));
    expect(seen.plan).toBe('Talks at four health posts.');
    expect(seen.activities).toMatchObject([{ id, peopleReached: 40 }]);
    await expect(removeEngagementActivity(as(w.alumnusUser.actor), { activityId: id })).rejects.toBeInstanceOf(NotFoundError);
    await removeEngagementActivity(as(w.returnedUser.actor), { activityId: id });
    expect((await getEngagement(as(w.returnedUser.actor))).activities).toEqual([]);
    await expect(addEngagementActivity(as(w.awayUser.actor), { what: 'Too early', place: '', heldOn: '2026-09-10', peopleReached: 1 })).rejects.toMatchObject({ code: 'notBackHomeYet' });
    await expect(getEngagement(as(w.coordinator.actor))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('the alumni directory', () => {
  it('lists alumni who opted in, to alumni, coordinators and agency staff; searchable; email only when shown', async () => {
    const w = await world();
    await expect(updateAlumniProfile(as(w.returnedUser.actor), profile)).rejects.toMatchObject({ code: 'notAlumni' });
    expect(await searchAlumni(as(w.adviser.actor), { country: 'NP' })).not.toContainEqual(expect.objectContaining({ participantId: w.alumnus.id }));
    await updateAlumniProfile(as(w.alumnusUser.actor), profile);
    for (const who of [w.alumnusUser, w.coordinator, w.adviser]) {
      const found = await searchAlumni(as(who.actor), { country: 'NP', profession: 'care', programme: w.health.programmeId, year: 2025 });
      expect(found).toContainEqual(expect.objectContaining({ participantId: w.alumnus.id, contactEmail: null, profession: 'Intensive-care nurse' }));
    }
    expect(await searchAlumni(as(w.adviser.actor), { country: 'MW' })).not.toContainEqual(expect.objectContaining({ participantId: w.alumnus.id }));
    expect(await searchAlumni(as(w.adviser.actor), { year: 2024 })).not.toContainEqual(expect.objectContaining({ participantId: w.alumnus.id }));
    await updateAlumniProfile(as(w.alumnusUser.actor), { ...profile, showEmail: true });
    expect(await searchAlumni(as(w.coordinator.actor), { profession: 'nurse' })).toContainEqual(expect.objectContaining({ participantId: w.alumnus.id, contactEmail: 'sita@example.org' }));
    await updateAlumniProfile(as(w.alumnusUser.actor), { ...profile, listed: false });
    expect(await searchAlumni(as(w.coordinator.actor), {})).not.toContainEqual(expect.objectContaining({ participantId: w.alumnus.id }));
    // Not yet alumni, partner finance staff and visitors: no directory.
    for (const who of [w.returnedUser, w.awayUser, w.partnerFinance]) await expect(searchAlumni(as(who.actor), {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(searchAlumni(as({ kind: 'visitor' }), {})).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
