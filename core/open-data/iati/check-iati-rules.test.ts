import { describe, expect, it } from 'vitest';
import { checkIatiRules, IATI_RULES, type IatiRule } from './check-iati-rules.ts';
import type { IatiActivity } from './iati-activity.ts';

const P = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-000000000002';
const O = '00000000-0000-4000-8000-000000000003';
const TODAY = '2026-06-15';

/** An activity with no problem at all; each test breaks one rule. */
function valid(): IatiActivity {
  const ofPartnership = { record: 'partnership' as const, id: P };
  const ofApplication = { record: 'application' as const, id: A };
  return {
    partnershipId: P,
    identifier: `NO-BRC-971277882-${P}`,
    lastUpdated: new Date('2026-06-01T10:00:00Z'),
    defaultLanguage: 'en',
    defaultCurrency: 'NOK',
    reportingOrg: { ref: 'NO-BRC-971277882', type: '10', name: 'Norec' },
    title: [{ text: 'Midwifery exchange' }],
    descriptions: [{ type: '1', narratives: [{ text: 'Midwives exchange methods both ways.' }], fix: ofApplication }],
    participatingOrgs: [
      { ref: 'NO-BRC-971277882', type: '10', name: 'Norec', role: '1', fix: { record: 'agency', id: 'agency' } },
      { ref: 'NO-BRC-983974791', type: '15', name: 'Bergen Kystsjukehus', role: '4', fix: { record: 'organisation', id: O } },
    ],
    status: '2',
    dates: [
      { type: '1', isoDate: '2025-01-01', fix: ofPartnership },
      { type: '2', isoDate: '2025-01-01', fix: ofPartnership },
      { type: '3', isoDate: '2026-12-31', fix: ofPartnership },
    ],
    recipientCountries: [
      { code: 'NP', basisPoints: 3334, fix: ofPartnership },
      { code: 'ET', basisPoints: 3333, fix: ofPartnership },
      { code: 'MW', basisPoints: 3333, fix: ofPartnership },
    ],
    sectors: [{ vocabulary: '1', code: '12191', basisPoints: 10_000, fix: ofApplication }],
    tags: [
      { vocabulary: '2', code: '3', fix: ofApplication },
      { vocabulary: '3', code: '16.10', fix: ofApplication },
    ],
    policyMarkers: [{ vocabulary: '1', code: '1', significance: '2', fix: ofApplication }],
    budgets: [
      { type: '1', status: '2', start: '2025-01-01', end: '2025-12-31', valueMinor: 100_00, currency: 'NOK', valueDate: '2025-01-01', fix: ofApplication },
      { type: '1', status: '2', start: '2026-01-01', end: '2026-12-31', valueMinor: 100_00, currency: 'NOK', valueDate: '2026-01-01', fix: ofApplication },
    ],
    transactions: [{ type: '2', date: '2025-01-10', valueMinor: 200_00, currency: 'NOK', provider: { ref: 'NO-BRC-971277882', name: 'Norec', activityId: `NO-BRC-971277882-${P}` }, fix: { record: 'ledgerEntry', id: P } }],
    results: [{ type: '2', title: [{ text: 'Better care' }], fix: ofApplication, indicators: [{ measure: '1', title: [{ text: 'Midwives trained' }], baseline: { year: 2025, value: '0' }, periods: [], fix: ofApplication }] }],
  };
}

const rulesOf = (a: IatiActivity) => checkIatiRules(a, TODAY).map((p) => p.rule);

/** One failing example per rule: the change to a valid activity that breaks it. */
const failing: Record<IatiRule, (a: IatiActivity) => void> = {
  identifierPrefix: (a) => void (a.identifier = `XM-DAC-7-${P}`),
  countryPercentages: (a) => void (a.recipientCountries[0]!.basisPoints = 3333),
  sectorPercentages: (a) => void a.sectors.push({ vocabulary: '1', code: '11130', basisPoints: 5000, fix: a.sectors[0]!.fix }),
  recipientMissing: (a) => void (a.recipientCountries = []),
  sectorMissing: (a) => void (a.sectors = []),
  dateOrder: (a) => void (a.dates[2]!.isoDate = '2024-12-31'),
  actualDateInFuture: (a) => void a.dates.push({ type: '4', isoDate: '2026-12-31', fix: a.dates[0]!.fix }),
  budgetPeriodOrder: (a) => void (a.budgets[1]!.end = '2025-12-31'),
  budgetPeriodTooLong: (a) => void (a.budgets[1]!.end = '2027-01-01'),
  budgetOutsideActivity: (a) => void (a.budgets[0]!.start = '2024-12-31'),
  budgetOverlap: (a) => void (a.budgets[1]!.start = '2025-12-31'),
  transactionDateInFuture: (a) => void (a.transactions[0]!.date = '2026-06-16'),
  codeNotInList: (a) => void (a.tags[1]!.code = '16.99'),
  organisationIdentifierMissing: (a) => void (a.participatingOrgs[1]!.ref = undefined),
  descriptionMissing: (a) => void (a.descriptions[0]!.narratives = [{ text: 'Midwifery exchange' }]),
};

describe('checkIatiRules', () => {
  it('finds nothing in a valid activity (a target like 16.10 included)', () => {
    expect(checkIatiRules(valid(), TODAY)).toEqual([]);
  });

  it.each(IATI_RULES.map((rule) => [rule]))('%s: its failing example is found', (rule) => {
    const a = valid();
    failing[rule](a);
    expect(rulesOf(a)).toContain(rule);
  });

  it('names every problem at once, each with where it is and the record to fix', () => {
    const a = valid();
    failing.countryPercentages(a);
    failing.budgetPeriodTooLong(a);
    failing.organisationIdentifierMissing(a);
    const problems = checkIatiRules(a, TODAY);
    expect(problems.map((p) => [p.rule, p.severity, p.path])).toEqual([
      ['organisationIdentifierMissing', 'warning', 'participating-org[2]/@ref'],
      ['countryPercentages', 'error', 'recipient-country/@percentage'],
      ['budgetPeriodTooLong', 'error', 'budget[2]/period-end/@iso-date'],
      ['budgetOutsideActivity', 'error', 'budget[2]/period-start/@iso-date'],
    ]);
    expect(problems[0]!.fix).toEqual({ record: 'organisation', id: O });
    expect(problems[1]!.params).toEqual({ total: 99.99 });
  });

  it('checks codes against their lists: country, sector, SDG goal, policy marker and significance, transaction type, currency', () => {
    const a = valid();
    a.recipientCountries[0]!.code = 'XX';
    a.sectors[0]!.code = '99999';
    a.tags[0]!.code = '18';
    a.policyMarkers[0]!.significance = '7';
    a.transactions[0]!.type = '99';
    a.budgets[0]!.currency = 'XYZ';
    expect(checkIatiRules(a, TODAY).filter((p) => p.rule === 'codeNotInList').map((p) => `${p.params.list} ${p.params.code}`)).toEqual([
      'Country XX',
      'Sector 99999',
      'UNSDG-Goals 18',
      'PolicySignificance 7',
      'Currency XYZ',
      'TransactionType 99',
    ]);
  });
});
