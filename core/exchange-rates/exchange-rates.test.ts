import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../db/factories/user-factory.ts';
import { exchangeRates } from '../../db/schema/budgets.ts';
import { withSharedReadCache } from '../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, ForbiddenError } from '../errors.ts';
import { nokToLocalMinor, normaliseRate, scaledRate } from './convert.ts';
import { importExchangeRates } from './import-exchange-rates.ts';
import { latestExchangeRates } from './latest-exchange-rates.ts';
import { listExchangeRates } from './list-exchange-rates.ts';
import { recordExchangeRate } from './record-exchange-rate.ts';

const testDb = useTestDatabase();

describe('converting NOK to a partner’s currency', () => {
  it('is exact with BigInt on the decimal rate, rounded half away from zero to the currency’s minor unit', () => {
    // 10 000 NOK at 0.0795 NOK per NPR = 125 786.163… NPR → 125 786.16 NPR.
    expect(nokToLocalMinor(1_000_000, '0.0795', 'NPR')).toBe(12_578_616);
    // 1 NOK at 0.3 NOK per unit is 3.333… units; 0.1 + 0.2 style float errors cannot creep in.
    expect(nokToLocalMinor(100, '0.3', 'ETB')).toBe(333);
    // Half a minor unit rounds away from zero: 0.01 NOK at 0.08 NOK per unit = 0.125 units → 0.13.
    expect(nokToLocalMinor(1, '0.08', 'BOB')).toBe(13);
    // A currency without minor units (in Intl's data) gets whole units.
    expect(nokToLocalMinor(100_00, '0.0725', 'JPY')).toBe(1379);
    expect(normaliseRate('0.0795000000')).toBe('0.0795');
    expect(normaliseRate('12')).toBe('12');
    expect(scaledRate('0')).toBeNull();
    expect(scaledRate('1e-3')).toBeNull();
    expect(scaledRate('-1')).toBeNull();
  });

  it('is within half a minor unit of the exact quotient, for any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_00 }), fc.bigInt({ min: 10n ** 6n, max: 10n ** 13n }), (nok, scaled) => {
        const rate = `${scaled / 10n ** 10n}.${(scaled % 10n ** 10n).toString().padStart(10, '0')}`;
        const local = BigInt(nokToLocalMinor(nok, rate, 'NPR'));
        // local ≈ nok × 10^10 × 100 / (100 × scaled): |2 × (num − local × den)| ≤ den.
        const num = BigInt(nok) * 10n ** 10n * 100n;
        const den = 100n * scaled;
        const diff = num - local * den;
        return 2n * (diff < 0n ? -diff : diff) <= den;
      }),
    );
  });
});

describe('the latest rate on a date', () => {
  it('is the newest on or before the date, and through the server’s kept reads a rate recorded since is seen at once', async () => {
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const db = withSharedReadCache(testDb.db);
    const ctx = coreContext({ db, actor: finance.actor });
    await recordExchangeRate(ctx, { currency: 'MWK', date: '2026-05-01', rate: '0.0061', source: 'Norges Bank' });
    await recordExchangeRate(ctx, { currency: 'MWK', date: '2026-07-01', rate: '0.0065', source: 'Norges Bank' });
    const onJune = () => latestExchangeRates(db, ['MWK', 'NOK', 'GTQ', 'MWK'], '2026-06-15');
    expect(Object.fromEntries(await onJune())).toEqual({ MWK: { currency: 'MWK', nokPerUnit: '0.0061', date: '2026-05-01', source: 'Norges Bank' } });
    await recordExchangeRate(ctx, { currency: 'MWK', date: '2026-06-10', rate: '0.0063', source: 'Norges Bank' });
    await recordExchangeRate(ctx, { currency: 'GTQ', date: '2026-06-01', rate: '1.38', source: 'Norges Bank' });
    expect([...(await onJune()).values()].map((r) => [r.currency, r.nokPerUnit])).toEqual([
      ['GTQ', '1.38'],
      ['MWK', '0.0063'],
    ]);
    expect((await latestExchangeRates(db, ['MWK'], '2026-04-30')).size).toBe(0);
  });
});

describe('entering and importing exchange rates', () => {
  it('records one rate, refuses a second for the same currency and day, and lists with filters', async () => {
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const ctx = coreContext({ db: testDb.db, actor: finance.actor });
    const rate = await recordExchangeRate(ctx, { currency: 'npr', date: '2026-03-01', rate: '0.07950', source: 'Norges Bank' });
    expect(rate).toMatchObject({ currency: 'NPR', date: '2026-03-01', nokPerUnit: '0.0795', source: 'Norges Bank' });
    await expect(recordExchangeRate(ctx, { currency: 'NPR', date: '2026-03-01', rate: '0.08', source: 'Norges Bank' })).rejects.toMatchObject({ code: 'exchangeRateExists', status: 409 });
    const refused = await recordExchangeRate(ctx, { currency: 'XXQ', date: '2026-02-30', rate: '0', source: '' }).catch((e: unknown) => e);
    expect((refused as FieldProblemsError).problems.map((p) => p.field)).toEqual(['currency', 'date', 'rate', 'source']);
    await expect(recordExchangeRate(ctx, { currency: 'NOK', date: '2026-03-01', rate: '1', source: 'x' })).rejects.toBeInstanceOf(FieldProblemsError);
    // A source too long says how long it may be (the API fuzz once got a 500 here: the message needs its {max}).
    const tooLong = await recordExchangeRate(ctx, { currency: '', date: '', rate: '0.0795', source: 'x'.repeat(101) }).catch((e: unknown) => e);
    expect((tooLong as FieldProblemsError).problems.find((p) => p.field === 'source')).toEqual({ field: 'source', code: 'tooLong', params: { max: 100 } });
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    expect((await listExchangeRates(coreContext({ db: testDb.db, actor: adviser.actor }), { currency: 'npr', from: '2026-01-01', to: 'garbage' })).rates.map((r) => r.nokPerUnit)).toEqual(['0.0795']);
    await expect(recordExchangeRate(coreContext({ db: testDb.db, actor: adviser.actor }), { currency: 'ETB', date: '2026-03-01', rate: '0.07', source: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('names every bad line of a CSV at once and saves nothing unless all are valid', async () => {
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const ctx = coreContext({ db: testDb.db, actor: finance.actor });
    await recordExchangeRate(ctx, { currency: 'MWK', date: '2026-01-01', rate: '0.0061', source: 'Norges Bank' });
    const count = async () => (await testDb.db.select().from(exchangeRates)).length;
    const before = await count();
    const csv = ['date,currency,rate,source', '2026-01-01,ETB,0.0712,Norges Bank', '2026-13-01,ETB,0.0712,Norges Bank', '2026-02-01,ETB,abc,Norges Bank', '2026-01-01,MWK,0.0062,Norges Bank', '2026-01-01,ETB,0.0713,Norges Bank', '2026-03-01,ETB', '2026-04-01,ZZZ,1,'].join('\n');
    const refused = (await importExchangeRates(ctx, { csv }).catch((e: unknown) => e)) as FieldProblemsError;
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect(refused.problems.map((p) => [p.code, p.params?.line])).toEqual([
      ['csvLineInvalid', 3],
      ['csvLineInvalid', 4],
      ['csvLineDuplicate', 5],
      ['csvLineDuplicate', 6],
      ['csvLineColumns', 7],
      ['csvLineInvalid', 8],
    ]);
    expect(refused.problems.at(-1)!.params!.columns).toBe('currency, source');
    expect(await count()).toBe(before);

    await expect(importExchangeRates(ctx, { csv: 'when,what\n1,2' })).rejects.toMatchObject({ code: 'csvHeader' });
    const ok = await importExchangeRates(ctx, { csv: '\uFEFFdate,currency,rate,source\r\n2026-01-01,ETB,0.0712,Norges Bank\r\n2026-02-01,"ETB","0.0715","Norges Bank"\r\n' });
    expect(ok).toEqual({ imported: 2 });
    expect(await count()).toBe(before + 2);
  });
});
