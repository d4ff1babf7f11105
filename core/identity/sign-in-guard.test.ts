import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { checkSignInAllowed, clearSignInFailures, LOCK_MS, MAX_ATTEMPTS_PER_IP, MAX_FAILURES, recordSignInFailure } from './sign-in-guard.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();

describe('sign-in guard', () => {
  it('locks an account after five wrong passwords and says for how long', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const email = 'locked@example.org';
    for (let i = 1; i < MAX_FAILURES; i++) expect(await recordSignInFailure(coreContext({ db: testDb.db, now: () => now }), { email })).toEqual({ locked: false });
    expect(await recordSignInFailure(coreContext({ db: testDb.db, now: () => now }), { email: 'LOCKED@example.org' })).toEqual({ locked: true });
    await expect(checkSignInAllowed(coreContext({ db: testDb.db, now: () => now }), { email, ip: '10.0.0.1' })).rejects.toMatchObject({ code: 'signInLocked', params: { minutes: 15 } });
    const later = new Date(now.getTime() + LOCK_MS + 1000);
    await expect(checkSignInAllowed(coreContext({ db: testDb.db, now: () => later }), { email, ip: '10.0.0.1' })).resolves.toBeUndefined();
  });

  it('forgets failures after a successful sign-in', async () => {
    const email = 'forgetful@example.org';
    for (let i = 1; i < MAX_FAILURES; i++) await recordSignInFailure(coreContext({ db: testDb.db }), { email });
    await clearSignInFailures(testDb.db, email);
    expect(await recordSignInFailure(coreContext({ db: testDb.db }), { email })).toEqual({ locked: false });
  });

  it('does not count successful sign-ins against an address', async () => {
    for (let i = 0; i < MAX_ATTEMPTS_PER_IP + 5; i++) await checkSignInAllowed(coreContext({ db: testDb.db }), { email: 'busy.office@example.org', ip: '10.7.7.7' });
  });

  it('limits failed attempts per IP address across accounts', async () => {
    const now = new Date('2026-11-22T11:00:00Z');
    for (let i = 0; i < MAX_ATTEMPTS_PER_IP; i++) await recordSignInFailure(coreContext({ db: testDb.db, now: () => now }), { email: `spray${i}@example.org`, ip: '10.9.9.9' });
    await expect(checkSignInAllowed(coreContext({ db: testDb.db, now: () => now }), { email: 'one-more@example.org', ip: '10.9.9.9' })).rejects.toMatchObject({ code: 'tooManyAttempts' });
    await expect(checkSignInAllowed(coreContext({ db: testDb.db, now: () => now }), { email: 'one-more@example.org', ip: '10.1.1.1' })).resolves.toBeUndefined();
  });
});
