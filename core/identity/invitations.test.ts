import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { emailOutbox } from '../../db/schema/email-outbox.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { user } from '../../db/schema/auth.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { grantInvitation } from './grant-invitation.ts';
import { createInvitation, type CreateInvitationInput } from './create-invitation.ts';
import { getOpenInvitation } from './get-invitation.ts';
import { listOpenInvitations } from './list-invitations.ts';
import { loadActor } from './load-actor.ts';
import { revokeInvitation } from './revoke-invitation.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const publicUrl = 'http://localhost:3000';
const invite = (actor: Parameters<typeof createInvitation>[0]['actor'], input: Partial<CreateInvitationInput> & Pick<CreateInvitationInput, 'role'>) =>
  createInvitation(
    coreContext({ db: testDb.db, actor, publicUrl }),
    { email: `invitee.${Math.random().toString(36).slice(2)}@example.org`, name: 'Sita Shrestha', locale: 'en', ...input },
  );

async function world() {
  const kathmandu = await createOrganisation(testDb.db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(testDb.db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
  const partnership = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const nurse = await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' });
  const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
  const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
  const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const bergenCoordinator = await createUser(testDb.db, { memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  return { kathmandu, bergen, nurse, admin, adviser, finance, coordinator, bergenCoordinator };
}

describe('who may invite whom', () => {
  it('lets an administrator invite agency staff, and no one else', async () => {
    const w = await world();
    await expect(invite(w.admin.actor, { role: 'programme_adviser' })).resolves.toMatchObject({ token: expect.any(String) });
    await expect(invite(w.adviser.actor, { role: 'administrator' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(invite(w.coordinator.actor, { role: 'finance_officer' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(invite({ kind: 'visitor' }, { role: 'programme_adviser' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('lets agency staff invite a partner’s first coordinator, but not a finance officer', async () => {
    const w = await world();
    await expect(invite(w.adviser.actor, { role: 'partner_coordinator', organisationId: w.kathmandu.id })).resolves.toBeTruthy();
    await expect(invite(w.finance.actor, { role: 'partner_coordinator', organisationId: w.kathmandu.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets a coordinator invite colleagues and participants of their own organisation only', async () => {
    const w = await world();
    await expect(invite(w.coordinator.actor, { role: 'partner_finance', organisationId: w.kathmandu.id })).resolves.toBeTruthy();
    await expect(invite(w.coordinator.actor, { role: 'participant', organisationId: w.kathmandu.id, participantId: w.nurse.id })).resolves.toBeTruthy();
    // Another organisation, by guessing its id:
    await expect(invite(w.coordinator.actor, { role: 'partner_finance', organisationId: w.bergen.id })).rejects.toBeInstanceOf(ForbiddenError);
    // Bergen hosts the nurse but does not send her: it cannot invite her.
    await expect(invite(w.bergenCoordinator.actor, { role: 'participant', organisationId: w.bergen.id, participantId: w.nurse.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('an invitation', () => {
  it('puts an email with the link in the outbox, in the invitee’s language, and is audited', async () => {
    const w = await world();
    const { id, token } = await invite(w.adviser.actor, { role: 'partner_coordinator', organisationId: w.kathmandu.id, locale: 'nb', email: 'sita@kmh.example.np' });
    const [mail] = await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'sita@kmh.example.np'));
    expect(mail?.locale).toBe('nb');
    expect(mail?.textBody).toContain(`${publicUrl}/nb/invitations/${token}`);
    expect(mail?.textBody).toContain('Kathmandu Model Hospital');
    expect(mail?.textBody).toContain('Partnerkoordinator');
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(audit).toMatchObject({ action: 'invitation.created', actorId: w.adviser.id });
  });

  it('is accepted once: the account gets a password and the membership', async () => {
    const w = await world();
    const { token } = await invite(w.adviser.actor, { role: 'partner_coordinator', organisationId: w.kathmandu.id, email: 'new.coordinator@example.np' });
    const { userId } = await acceptInvitation(coreContext({ db: testDb.db }), { token, name: 'Ramesh Thapa', password: 'a-long-password', passwordRepeat: 'a-long-password' });
    const actor = (await loadActor(testDb.db, { userId })).actor;
    expect(actor).toMatchObject({ kind: 'user', name: 'Ramesh Thapa', memberships: [{ organisationId: w.kathmandu.id, role: 'partner_coordinator' }] });
    // The link came by email, so following it verifies the address.
    const [account] = await testDb.db.select({ emailVerified: user.emailVerified }).from(user).where(eq(user.id, userId));
    expect(account?.emailVerified).toBe(true);
    await expect(acceptInvitation(coreContext({ db: testDb.db }), { token, name: 'Again', password: 'a-long-password', passwordRepeat: 'a-long-password' })).rejects.toMatchObject({ code: 'invitationUsed' });
  });

  it('expires after seven days and stops working when revoked', async () => {
    const w = await world();
    const { token } = await invite(w.admin.actor, { role: 'finance_officer' });
    await expect(getOpenInvitation(coreContext({ db: testDb.db, now: () => new Date(Date.now() + 8 * 24 * 3600_000) }), { token })).rejects.toMatchObject({ code: 'invitationExpired' });
    const second = await invite(w.coordinator.actor, { role: 'partner_finance', organisationId: w.kathmandu.id });
    await expect(revokeInvitation(coreContext({ db: testDb.db, actor: w.bergenCoordinator.actor }), { invitationId: second.id })).rejects.toBeInstanceOf(ForbiddenError);
    await revokeInvitation(coreContext({ db: testDb.db, actor: w.coordinator.actor }), { invitationId: second.id });
    await expect(getOpenInvitation(coreContext({ db: testDb.db }), { token: second.token })).rejects.toMatchObject({ code: 'invitationRevoked' });
  });

  it('adds a role to an existing account only for that account', async () => {
    const w = await world();
    const person = await createUser(testDb.db, { email: 'two.hats@example.org', memberships: [{ organisationId: w.bergen.id, role: 'partner_finance' }] });
    const { token } = await invite(w.coordinator.actor, { role: 'partner_finance', organisationId: w.kathmandu.id, email: 'two.hats@example.org' });
    await expect(acceptInvitation(coreContext({ db: testDb.db }), { token, name: 'x', password: 'a-long-password', passwordRepeat: 'a-long-password' })).rejects.toMatchObject({ code: 'invitationNeedsSignIn' });
    await expect(grantInvitation(coreContext({ db: testDb.db }), { token, userId: w.admin.id })).rejects.toMatchObject({ code: 'invitationForSomeoneElse' });
    await grantInvitation(coreContext({ db: testDb.db }), { token, userId: person.id });
    const actor = (await loadActor(testDb.db, { userId: person.id })).actor;
    expect(actor.kind === 'user' && actor.memberships).toHaveLength(2);
  });

  it('is listed for staff, and for a coordinator only within their organisation', async () => {
    const w = await world();
    const mine = await invite(w.coordinator.actor, { role: 'partner_finance', organisationId: w.kathmandu.id });
    const theirs = await invite(w.bergenCoordinator.actor, { role: 'partner_finance', organisationId: w.bergen.id });
    const seenByCoordinator = (await listOpenInvitations(coreContext({ db: testDb.db, actor: w.coordinator.actor }))).map((i) => i.id);
    expect(seenByCoordinator).toContain(mine.id);
    expect(seenByCoordinator).not.toContain(theirs.id);
    const seenByAdviser = (await listOpenInvitations(coreContext({ db: testDb.db, actor: w.adviser.actor }))).map((i) => i.id);
    expect(seenByAdviser).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    await expect(listOpenInvitations(coreContext({ db: testDb.db, actor: w.finance.actor }))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
