import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { visitor, type Actor, type AgencyRole, type Membership } from '../identity/actor.ts';
import { enqueueEmail, type EmailRequest } from './enqueue-email.ts';
import { listOutbox } from './list-outbox.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();

function person(overrides: { agencyRoles?: AgencyRole[]; memberships?: Membership[] } = {}): Actor {
  return {
    kind: 'user',
    userId: randomUUID(),
    name: 'Test Person',
    email: 'person@example.org',
    locale: 'en',
    agencyRoles: [],
    memberships: [],
    participantIds: [],
    ...overrides,
  };
}

const administrator = person({ agencyRoles: ['administrator'] });
const coordinator = person({ memberships: [{ organisationId: randomUUID(), role: 'partner_coordinator' }] });

const passwordReset = (to: string): EmailRequest => ({
  to,
  locale: 'en',
  name: 'Reader',
  template: 'passwordReset',
  params: { url: `https://example.org/reset/${randomUUID()}` },
  agencyName: 'Test Agency',
});

describe('listOutbox', () => {
  beforeAll(async () => {
    // Separate transactions, so created_at (the transaction's now()) differs and the order is known.
    for (const to of ['first@example.org', 'second@example.org', 'third@example.org']) {
      await testDb.db.transaction((tx) => enqueueEmail(tx, passwordReset(to)));
    }
  });

  it('gives an administrator the newest emails first, with their text and delivery state', async () => {
    const rows = await listOutbox(coreContext({ db: testDb.db, actor: administrator }));
    expect(rows.map((row) => row.toAddress)).toEqual(['third@example.org', 'second@example.org', 'first@example.org']);
    expect(rows[0]).toMatchObject({ subject: 'Choose a new password', locale: 'en', status: 'pending', attempts: 0, sentAt: null, lastError: null });
    expect(rows[0]!.textBody).toContain('https://example.org/reset/');
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('honours the limit', async () => {
    const rows = await listOutbox(coreContext({ db: testDb.db, actor: administrator }), { limit: 2 });
    expect(rows.map((row) => row.toAddress)).toEqual(['third@example.org', 'second@example.org']);
  });

  it('refuses a partner coordinator and an agency adviser', async () => {
    await expect(listOutbox(coreContext({ db: testDb.db, actor: coordinator }))).rejects.toBeInstanceOf(ForbiddenError);
    const adviser = person({ agencyRoles: ['programme_adviser'] });
    await expect(listOutbox(coreContext({ db: testDb.db, actor: adviser }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('asks a visitor, or a caller that names no actor, to sign in', async () => {
    await expect(listOutbox(coreContext({ db: testDb.db, actor: visitor }))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listOutbox(coreContext({ db: testDb.db }))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
