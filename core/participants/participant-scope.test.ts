import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { assignAdviser } from '../../db/factories/programme-adviser-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { getParticipant } from './get-participant.ts';
import { listParticipants } from './list-participants.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();

/** Two partnerships in two programmes: Kathmandu–Bergen (health) and Lilongwe–Tromsø (youth). */
async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
  const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
  const tromso = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Tromsø' });
  const health = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const youth = await createPartnership(testDb.db, { partners: [tromso, lilongwe] });
  const nurse = await createParticipant(testDb.db, { partnershipId: health.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' });
  const doctor = await createParticipant(testDb.db, { partnershipId: health.id, homeOrganisationId: bergen.id, hostOrganisationId: kathmandu.id });
  const teacher = await createParticipant(testDb.db, { partnershipId: youth.id, homeOrganisationId: lilongwe.id, hostOrganisationId: tromso.id, homeCountry: 'MW' });
  return { kathmandu, bergen, health, youth, nurse, doctor, teacher };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id).sort();

describe('who sees which participants', () => {
  it('a partner coordinator sees the people their organisation sends and hosts, nobody else’s', async () => {
    const w = await world();
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: w.kathmandu.id, role: 'partner_coordinator' }] });
    const ctx = coreContext({ db: testDb.db, actor: coordinator.actor });
    expect(ids(await listParticipants(ctx))).toEqual([w.nurse.id, w.doctor.id].sort());
    // Guessing the id of another partnership's participant: not found, as if it did not exist.
    await expect(getParticipant(ctx, { participantId: w.teacher.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getParticipant(ctx, { participantId: w.nurse.id })).id).toBe(w.nurse.id);
  });

  it('a participant sees only their own record', async () => {
    const w = await world();
    const nurse = await createUser(testDb.db, { participantIds: [w.nurse.id] });
    const ctx = coreContext({ db: testDb.db, actor: nurse.actor });
    expect(ids(await listParticipants(ctx))).toEqual([w.nurse.id]);
    await expect(getParticipant(ctx, { participantId: w.doctor.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a programme adviser sees the participants of the programmes they follow', async () => {
    const w = await world();
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    await assignAdviser(testDb.db, adviser.id, w.youth.programmeId);
    const ctx = coreContext({ db: testDb.db, actor: adviser.actor });
    expect(ids(await listParticipants(ctx))).toContain(w.teacher.id);
    expect(ids(await listParticipants(ctx))).not.toContain(w.nurse.id);
    await expect(getParticipant(ctx, { participantId: w.nurse.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an administrator sees everyone; partner finance, finance officers and visitors see no one', async () => {
    const w = await world();
    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    expect(ids(await listParticipants(coreContext({ db: testDb.db, actor: admin.actor })))).toEqual(expect.arrayContaining([w.nurse.id, w.doctor.id, w.teacher.id]));
    const partnerFinance = await createUser(testDb.db, { memberships: [{ organisationId: w.kathmandu.id, role: 'partner_finance' }] });
    await expect(listParticipants(coreContext({ db: testDb.db, actor: partnerFinance.actor }))).rejects.toBeInstanceOf(ForbiddenError);
    const financeOfficer = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    await expect(listParticipants(coreContext({ db: testDb.db, actor: financeOfficer.actor }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getParticipant(coreContext({ db: testDb.db, actor: financeOfficer.actor }), { participantId: w.nurse.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listParticipants(coreContext({ db: testDb.db, actor: { kind: 'visitor' } }))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
