import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { allocateFunds } from './allocate-funds.ts';
import { appropriateYear } from './appropriate-year.ts';
import { exportLedgerCsv } from './export-ledger-csv.ts';
import { ledgerAccount } from './ledger-accounts.ts';

const testDb = useTestDatabase();

describe('the ledger as CSV', () => {
  it('lists an account’s entries in the reader’s language, amounts seen from the account as plain numbers that add up to its balance', async () => {
    const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    const ctx = coreContext({ db: testDb.db, actor: finance.actor });
    const programme = await createProgramme(testDb.db, { name: 'Health (ESTHER)' });
    await appropriateYear(ctx, { year: 2037, amountMinor: 1_000_000_50, reason: 'Statsbudsjettet 2037', documentRef: 'Prop. 1 S (2036–2037)' });
    await allocateFunds(ctx, { to: 'programme', programmeId: programme.id, year: 2037, amountMinor: 400_000_25, reason: 'Helse 2037' });
    const bytes = new Uint8Array(await new Response(await exportLedgerCsv(ctx, { query: { account: ledgerAccount.year(2037) }, locale: 'fr' })).arrayBuffer());
    // A byte-order mark first, so spreadsheets read the accents (the decoder drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [headings, ...rows] = parse(new TextDecoder().decode(bytes)) as string[][];
    expect(headings!.slice(0, 3)).toEqual(['Date d’écriture', 'Type', 'Exercice budgétaire']);
    expect(rows.map((r) => [r[1], r[7]])).toEqual([
      ['Affectation', '-400000.25'],
      ['Ouverture de crédits', '1000000.50'],
    ]);
    expect(rows.reduce((sum, r) => sum + Math.round(Number(r[7]) * 100), 0)).toBe(600_000_25);
    expect(rows[1]![10]).toBe('Prop. 1 S (2036–2037)');
  });

  it('is for those who read finance', async () => {
    const partner = await createUser(testDb.db, {});
    await expect(exportLedgerCsv(coreContext({ db: testDb.db, actor: partner.actor }), { query: {}, locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
