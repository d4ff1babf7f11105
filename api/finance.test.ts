import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const as = (actor?: Actor) => clientAs(testDb.db, actor);

async function answer<T, E>(call: Promise<{ data?: T; error?: E; response: Response }>) {
  const { data, error, response } = await call;
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    data,
    error: error as Record<string, unknown> | undefined,
  };
}

async function world() {
  const db = testDb.db;
  const finance = await createUser(db, { agencyRoles: ['finance_officer'] });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  const partner = await createUser(db, {
    memberships: [
      {
        organisationId: (await createOrganisation(db)).id,
        role: 'partner_finance',
      },
    ],
  });
  const programme = await createProgramme(db);
  const call = await createCall(db, {
    programmeId: programme.id,
    opensOn: '2041-01-10',
    deadline: '2041-03-01',
    budgetCeilingMinor: 5_000_000_00,
    fundedMinor: 0,
  });
  return { finance, adviser, partner, programme, call };
}

describe('money through the API', () => {
  it('appropriates, allocates to a programme and a call, and shows the year and the entries behind it', async () => {
    const w = await world();
    const appropriated = await answer(
      as(w.finance.actor).POST('/v1/finance/appropriations', {
        body: {
          year: 2041,
          amountMinor: 9_000_000_00,
          reason: 'Statsbudsjettet 2041',
          documentRef: 'Prop. 1 S (2040–2041)',
        },
      }),
    );
    expect(appropriated).toMatchObject({
      status: 201,
      data: {
        kind: 'appropriation',
        amountMinor: 9_000_000_00,
        from: { kind: 'parliament' },
        to: { kind: 'year', year: 2041 },
        documentRef: 'Prop. 1 S (2040–2041)',
        postedBy: w.finance.email,
      },
    });
    expect(
      (
        await answer(
          as(w.finance.actor).POST('/v1/finance/allocations', {
            body: {
              to: 'programme',
              programmeId: w.programme.id,
              year: 2041,
              amountMinor: 6_000_000_00,
              reason: 'Health 2041',
            },
          }),
        )
      ).status,
    ).toBe(201);
    const toCall = await answer(
      as(w.finance.actor).POST('/v1/finance/allocations', {
        body: {
          to: 'call',
          callId: w.call.id,
          amountMinor: 4_000_000_00,
          reason: 'First call',
        },
      }),
    );
    expect(toCall).toMatchObject({
      status: 201,
      data: {
        from: { kind: 'programme', label: w.programme.name },
        to: { kind: 'call', label: w.call.title },
      },
    });
    const year = await answer(
      as(w.adviser.actor).GET('/v1/finance/years/{year}', {
        params: { path: { year: 2041 } },
      }),
    );
    expect(year.data!.totals).toMatchObject({
      appropriated: 9_000_000_00,
      allocated: 6_000_000_00,
      unallocated: 3_000_000_00,
      remaining: 9_000_000_00,
    });
    const callAccount = year.data!.programmes.find((p) => p.id === w.programme.id)!.calls[0]!.account;
    const entries = await answer(
      as(w.adviser.actor).GET('/v1/finance/ledger', {
        params: { query: { account: callAccount } },
      }),
    );
    expect(entries.data).toMatchObject({
      balanceMinor: 4_000_000_00,
      items: [{ signedMinor: 4_000_000_00 }],
      next: null,
    });
  });

  it('refuses with the figures and where the money went, and every wrong value at once', async () => {
    const w = await world();
    await as(w.finance.actor).POST('/v1/finance/appropriations', {
      body: { year: 2042, amountMinor: 1_000_000_00, reason: 'Budget' },
    });
    await as(w.finance.actor).POST('/v1/finance/allocations', {
      body: {
        to: 'programme',
        programmeId: w.programme.id,
        year: 2042,
        amountMinor: 800_000_00,
        reason: 'Most of it',
      },
    });
    const short = await answer(
      as(w.finance.actor).POST('/v1/finance/allocations', {
        body: {
          to: 'programme',
          programmeId: w.programme.id,
          year: 2042,
          amountMinor: 300_000_00,
          reason: 'More',
        },
      }),
    );
    expect(short).toMatchObject({
      status: 409,
      type: 'application/problem+json',
      error: {
        code: 'fundsShort',
        needed: { amountMinor: 300_000_00, currency: 'NOK' },
        left: { amountMinor: 200_000_00 },
        usedBy: [
          {
            label: w.programme.name,
            amountMinor: 800_000_00,
            postedBy: w.finance.email,
          },
        ],
      },
    });
    expect(short.error!.detail).toBe('There is not enough money left: 300,000 NOK is needed and 200,000 NOK is left.');
    const wrong = await answer(
      as(w.finance.actor).POST('/v1/finance/allocations', {
        body: {
          to: 'programme',
          programmeId: 'nope',
          year: 1800,
          amountMinor: -5,
          reason: '',
        },
      }),
    );
    expect(wrong.status).toBe(422);
    expect((wrong.error!.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/amountMinor', '/programmeId', '/reason', '/year']);
    const badCursor = await answer(
      as(w.adviser.actor).GET('/v1/finance/ledger', {
        params: { query: { after: 'forged' } },
      }),
    );
    expect(badCursor).toMatchObject({
      status: 400,
      error: { errors: [{ parameter: 'after', code: 'invalidCursor' }] },
    });
  });

  it('corrects an entry once by reversing it', async () => {
    const w = await world();
    const entry = await answer(
      as(w.finance.actor).POST('/v1/finance/appropriations', {
        body: { year: 2041, amountMinor: 500_00, reason: 'Typed wrong' },
      }),
    );
    const path = { path: { id: entry.data!.id } };
    const reversal = await answer(
      as(w.finance.actor).POST('/v1/finance/ledger/{id}/corrections', {
        params: path,
        body: { reason: 'Wrong year' },
      }),
    );
    expect(reversal).toMatchObject({
      status: 201,
      data: {
        kind: 'correction',
        correctsEntryId: entry.data!.id,
        from: { kind: 'year' },
        to: { kind: 'parliament' },
      },
    });
    expect((await answer(as(w.adviser.actor).GET('/v1/finance/ledger/{id}', { params: path }))).data).toMatchObject({ correctedBy: reversal.data!.id });
    expect(
      await answer(
        as(w.finance.actor).POST('/v1/finance/ledger/{id}/corrections', {
          params: path,
          body: { reason: 'Again' },
        }),
      ),
    ).toMatchObject({ status: 409, error: { code: 'alreadyCorrected' } });
    expect(
      (
        await answer(
          as(w.finance.actor).GET('/v1/finance/ledger/{id}', {
            params: { path: { id: 'not-an-id' } },
          }),
        )
      ).status,
    ).toBe(404);
  });

  it('lets finance officers post, advisers read, and nobody else in', async () => {
    const w = await world();
    const body = { year: 2041, amountMinor: 100, reason: 'x' };
    expect((await answer(as(w.adviser.actor).POST('/v1/finance/appropriations', { body }))).status).toBe(403);
    expect(
      (
        await answer(
          as(w.partner.actor).GET('/v1/finance/years/{year}', {
            params: { path: { year: 2041 } },
          }),
        )
      ).status,
    ).toBe(403);
    expect((await answer(as(w.partner.actor).GET('/v1/finance/ledger', {}))).status).toBe(403);
    expect((await answer(as().GET('/v1/finance/ledger', {}))).status).toBe(401);
    expect(
      (
        await answer(
          as().POST('/v1/finance/allocations', {
            body: {
              to: 'call',
              callId: w.call.id,
              amountMinor: 1,
              reason: 'x',
            },
          }),
        )
      ).status,
    ).toBe(401);
  });
});
