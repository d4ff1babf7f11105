import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { account, user } from '../../db/schema/auth.ts';
import { participants } from '../../db/schema/participants.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { anonymiseUser } from './anonymise-user.ts';
import { exportOwnData } from './export-own-data.ts';
import { loadActor } from './load-actor.ts';
import { requestDeletion } from './request-deletion.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();

async function participantWithAccount() {
  const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
  const tromso = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Tromsø' });
  const partnership = await createPartnership(testDb.db, { partners: [tromso, lilongwe] });
  const record = await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: lilongwe.id, hostOrganisationId: tromso.id, homeCountry: 'MW', givenName: 'Chikondi', familyName: 'Banda', gender: 'female' });
  const person = await createUser(testDb.db, { name: 'Chikondi Banda', password: 'a-long-password', participantIds: [record.id] });
  return { record, person };
}

describe('personal data', () => {
  it('exports everything about the signed-in person, without password hashes', async () => {
    const { record, person } = await participantWithAccount();
    const data = await exportOwnData(coreContext({ db: testDb.db, actor: person.actor }));
    expect(data.account).toMatchObject({ email: person.email, name: 'Chikondi Banda' });
    expect(data.participantRecords).toEqual([expect.objectContaining({ id: record.id, givenName: 'Chikondi' })]);
    expect(JSON.stringify(data)).not.toMatch(/scrypt|password/i);
    await expect(exportOwnData(coreContext({ db: testDb.db, actor: { kind: 'visitor' } }))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('records a deletion request once', async () => {
    const { person } = await participantWithAccount();
    await requestDeletion(coreContext({ db: testDb.db, actor: person.actor }));
    await requestDeletion(coreContext({ db: testDb.db, actor: person.actor }));
    const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, person.id));
    expect(entries.filter((e) => e.action === 'account.deletion-requested')).toHaveLength(1);
  });

  it('anonymises a person: names, contacts and sign-in go, statistics stay', async () => {
    const { record, person } = await participantWithAccount();
    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    await expect(anonymiseUser(coreContext({ db: testDb.db, actor: person.actor }), { userId: person.id })).rejects.toBeInstanceOf(ForbiddenError);
    await anonymiseUser(coreContext({ db: testDb.db, actor: admin.actor }), { userId: person.id });

    const [row] = await testDb.db.select().from(user).where(eq(user.id, person.id));
    expect(row).toMatchObject({ name: 'Anonymised person', email: `anonymised-${person.id}@invalid` });
    expect(await testDb.db.select().from(account).where(eq(account.userId, person.id))).toEqual([]);
    const [kept] = await testDb.db.select().from(participants).where(eq(participants.id, record.id));
    expect(kept).toMatchObject({ givenName: 'Anonymised', familyName: 'Person', gender: 'female', birthDate: record.birthDate });
    expect((await loadActor(testDb.db, { userId: person.id })).actor).toEqual({ kind: 'visitor' });
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'user.anonymised'));
    expect(JSON.stringify(entry)).not.toContain('Chikondi');
  });
});
