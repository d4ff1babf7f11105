import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerAccount } from '../../finance/ledger-accounts.ts';
import { buildIatiActivity, stageBudgets, yearlyPeriods, type ActivityFacts, type IatiPublisher } from './build-iati-activity.ts';
import { checkIatiRules } from './check-iati-rules.ts';
import { decimalAmount, percentFromBasisPoints } from './decimal-amount.ts';
import { activitiesFooter, activitiesHeader, activityXml } from './iati-activity.ts';
import { xmlText } from './xml-text.ts';

const P = '00000000-0000-4000-8000-00000000000a';
const NP = '00000000-0000-4000-8000-0000000000b1';
const ET = '00000000-0000-4000-8000-0000000000b2';
const NO = '00000000-0000-4000-8000-0000000000b3';
const ET2 = '00000000-0000-4000-8000-0000000000b4';
const AG = '00000000-0000-4000-8000-0000000000c1';
const R1 = '00000000-0000-4000-8000-0000000000c2';
const SA = '00000000-0000-4000-8000-0000000000d1';
const S1 = '00000000-0000-4000-8000-0000000000d2';
const CALL = '00000000-0000-4000-8000-0000000000e1';
const publisher: IatiPublisher = { identifier: 'NO-BRC-971277882', name: 'Norec', type: '10', agencyId: 'agency' };
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

function facts(): ActivityFacts {
  return {
    partnership: { id: P, title: 'Nursing education', status: 'active', sectorCode: '12181', sdgGoals: ['3'], startsOn: '2025-03-01', endsOn: '2027-02-28', updatedAt: at('2025-01-01') },
    partners: [
      { id: NP, name: 'Kathmandu Model Hospital', countryCode: 'NP', organisationType: '21', registrationScheme: null, registrationNumber: null, isCoordinator: true },
      { id: ET, name: 'Addis Nursing', countryCode: 'ET', organisationType: '21', registrationScheme: 'ET-MFA', registrationNumber: '123', isCoordinator: false },
      { id: ET2, name: 'Hawassa Nursing', countryCode: 'ET', organisationType: '21', registrationScheme: null, registrationNumber: null, isCoordinator: false },
      { id: NO, name: 'Bergen Kystsjukehus', countryCode: 'NO', organisationType: '15', registrationScheme: 'NO-BRC', registrationNumber: '983974791', isCoordinator: false },
    ],
    stages: [
      { id: SA, applicationId: AG, kind: 'agreement', roundNumber: null, startsOn: '2025-03-01', endsOn: '2027-02-28', amountCeilingMinor: 720_000_00, currency: 'NOK' },
      { id: S1, applicationId: R1, kind: 'round', roundNumber: 1, startsOn: '2025-03-01', endsOn: '2026-02-28', amountCeilingMinor: 300_000_01, currency: 'NOK' },
    ],
    applications: [
      { id: AG, summary: 'Nurses learn from each other.', sectorCode: '12181', sdgGoals: ['3'], sdgTargets: [], markers: {}, updatedAt: at('2025-01-02') },
      { id: R1, summary: 'Round one.', sectorCode: '12181', sdgGoals: ['3', '4'], sdgTargets: ['4.c', '3.c'], markers: { gender_equality: 1, environment: 0, human_rights: 2 }, updatedAt: at('2025-02-01') },
    ],
    goals: [
      { id: 'g1', applicationId: R1, organisationId: null, description: 'Better care', indicators: [{ id: 'i1', seriesId: 's1', description: 'Nurses trained', baseline: '0', target: '40' }, { id: 'i2', seriesId: 's2', description: 'Practice', baseline: 'ad hoc', target: 'written routines' }] },
      { id: 'g0', applicationId: AG, organisationId: null, description: 'Older goal', indicators: [{ id: 'i0', seriesId: 's0', description: 'x', baseline: '1', target: '2' }] },
    ],
    actuals: [],
    ledger: [
      { id: 'l1', kind: 'commitment', amountMinor: 300_000_01, currency: 'NOK', fromAccount: ledgerAccount.call(CALL), toAccount: ledgerAccount.stage(S1), postedAt: at('2025-02-01') },
      { id: 'l2', kind: 'disbursement', amountMinor: 240_000_00, currency: 'NOK', fromAccount: ledgerAccount.stage(S1), toAccount: ledgerAccount.partner(NP, S1), postedAt: at('2025-03-05'), paidOn: '2025-03-04' },
      { id: 'l3', kind: 'disbursement', amountMinor: 50_000_00, currency: 'NOK', fromAccount: ledgerAccount.partner(NP, S1), toAccount: ledgerAccount.partner(ET, S1), postedAt: at('2025-03-06') },
      { id: 'l4', kind: 'refund', amountMinor: 5_00, currency: 'NOK', fromAccount: ledgerAccount.partner(NP, S1), toAccount: ledgerAccount.stage(S1), postedAt: at('2026-04-01') },
      { id: 'l5', kind: 'release', amountMinor: 60_000_01, currency: 'NOK', fromAccount: ledgerAccount.stage(S1), toAccount: ledgerAccount.call(CALL), postedAt: at('2026-04-02') },
    ],
  };
}

describe('buildIatiActivity', () => {
  const a = buildIatiActivity(facts(), publisher, '2026-06-15');

  it('prefixes the identifier, names the agency as funding and extending, and every partner as implementing', () => {
    expect(a.identifier).toBe(`NO-BRC-971277882-${P}`);
    expect(a.participatingOrgs.map((o) => [o.role, o.ref ?? null, o.name])).toEqual([
      ['1', 'NO-BRC-971277882', 'Norec'],
      ['3', 'NO-BRC-971277882', 'Norec'],
      ['4', null, 'Kathmandu Model Hospital'],
      ['4', 'ET-MFA-123', 'Addis Nursing'],
      ['4', null, 'Hawassa Nursing'],
      ['4', 'NO-BRC-983974791', 'Bergen Kystsjukehus'],
    ]);
  });

  it('gives the countries outside Norway by their partners, in percentages adding up to exactly 100', () => {
    expect(a.recipientCountries.map((c) => [c.code, percentFromBasisPoints(c.basisPoints)])).toEqual([
      ['ET', '66.67'],
      ['NP', '33.33'],
    ]);
  });

  it('tags SDG goals (vocabulary 2) and targets (3), and the IATI policy markers with their significance', () => {
    expect(a.tags.map((t) => `${t.vocabulary}:${t.code}`)).toEqual(['2:3', '2:4', '3:3.c', '3:4.c']);
    expect(a.policyMarkers.map((m) => `${m.code}:${m.significance}`)).toEqual(['1:1', '2:0']);
  });

  it('dates the activity from its stages: planned and actual start, planned end', () => {
    expect(a.dates.map((d) => `${d.type}:${d.isoDate}`)).toEqual(['1:2025-03-01', '2:2025-03-01', '3:2027-02-28']);
    expect(a.status).toBe('2');
  });

  it('budgets the round, and the agreement’s rest over the year no round covers yet, without overlap', () => {
    expect(a.budgets.map((b) => [b.start, b.end, decimalAmount(b.valueMinor, b.currency)])).toEqual([
      ['2025-03-01', '2026-02-28', '300000.01'],
      ['2026-03-01', '2027-02-28', '419999.99'],
    ]);
  });

  it('turns the ledger into commitments (2) and disbursements (3): releases and refunds negative, onward payments left out', () => {
    expect(a.transactions.map((t) => [t.type, t.date, decimalAmount(t.valueMinor, t.currency), t.receiver?.name])).toEqual([
      ['2', '2025-02-01', '300000.01', 'Kathmandu Model Hospital'],
      ['3', '2025-03-04', '240000.00', 'Kathmandu Model Hospital'],
      ['3', '2026-04-01', '-5.00', 'Kathmandu Model Hospital'],
      ['2', '2026-04-02', '-60000.01', 'Kathmandu Model Hospital'],
    ]);
    expect(a.transactions.every((t) => t.provider.activityId === a.identifier && t.provider.ref === 'NO-BRC-971277882')).toBe(true);
  });

  it('reports the latest granted application’s goals as results: numbers as units, words as qualitative', () => {
    expect(a.results.map((r) => r.title[0]!.text)).toEqual(['Better care']);
    expect(a.results[0]!.indicators.map((i) => [i.measure, i.baseline?.value ?? i.baseline?.comment?.[0]?.text, i.periods[0]?.target?.value ?? i.periods[0]?.target?.comment?.[0]?.text])).toEqual([
      ['1', '0', '40'],
      ['5', 'ad hoc', 'written routines'],
    ]);
  });

  it('adds a period per reported round: partners’ numbers summed, people by gender, words together', () => {
    const f = facts();
    const row = { start: '2025-03-01', end: '2026-02-28', value: null, women: null, men: null, other: null, valueText: '' };
    f.goals[0]!.indicators.push({ id: 'i3', seriesId: 's3', description: 'Nurses who teach', baseline: '0', target: '10' });
    f.actuals = [
      // Reported against the same indicators in the agreement's earlier application: matched by series.
      { ...row, seriesId: 's1', value: 12 },
      { ...row, seriesId: 's1', value: 3.5 },
      { ...row, seriesId: 's1', start: '2026-03-01', end: '2027-02-28', value: 20 },
      { ...row, seriesId: 's2', valueText: 'Routines drafted' },
      { ...row, seriesId: 's2', valueText: 'Checklists in use' },
      { ...row, seriesId: 's3', value: 7, women: 5, men: 2, other: null },
      { ...row, seriesId: 's3', value: 4, women: 3, men: 0, other: 1 },
      { ...row, seriesId: 's0', value: 99 },
    ];
    const [trained, practice, teach] = buildIatiActivity(f, publisher, '2026-06-15').results[0]!.indicators;
    expect(trained!.periods).toEqual([
      { start: '2025-03-01', end: '2027-02-28', target: { value: '40' } },
      { start: '2025-03-01', end: '2026-02-28', actuals: [{ value: '15.5' }] },
      { start: '2026-03-01', end: '2027-02-28', actuals: [{ value: '20' }] },
    ]);
    expect(practice!.periods[1]).toEqual({ start: '2025-03-01', end: '2026-02-28', actuals: [{ comment: [{ text: 'Routines drafted\n\nChecklists in use' }] }] });
    expect(teach!.periods[1]!.actuals).toEqual([
      { value: '8', dimensions: [{ name: 'sex', value: 'female' }] },
      { value: '2', dimensions: [{ name: 'sex', value: 'male' }] },
      { value: '1', dimensions: [{ name: 'sex', value: 'other' }] },
    ]);
    const xml = activityXml(buildIatiActivity(f, publisher, '2026-06-15'));
    expect(xml).toContain('<actual value="8"><dimension name="sex" value="female"/></actual>');
    expect(xml).toContain('<actual value="15.5"/>');
  });

  it('breaks no rule (apart from the partners without an identifier, which are warnings)', () => {
    expect(checkIatiRules(a, '2026-06-15').filter((p) => p.severity === 'error')).toEqual([]);
    expect(checkIatiRules(a, '2026-06-15').map((p) => p.rule)).toEqual(['organisationIdentifierMissing', 'organisationIdentifierMissing']);
  });

  it('is last updated when its newest fact changed', () => {
    expect(a.lastUpdated.toISOString()).toBe('2026-04-02T10:00:00.000Z');
  });
});

describe('money and percentages as exact decimals', () => {
  it('writes minor units without floating point', () => {
    expect(decimalAmount(123456, 'NOK')).toBe('1234.56');
    expect(decimalAmount(-5, 'NOK')).toBe('-0.05');
    expect(decimalAmount(700, 'JPY')).toBe('700');
    expect(decimalAmount(Number.MAX_SAFE_INTEGER, 'NOK')).toBe('90071992547409.91');
    expect(percentFromBasisPoints(10_000)).toBe('100');
    expect(percentFromBasisPoints(3334)).toBe('33.34');
    expect(percentFromBasisPoints(5)).toBe('0.05');
  });
});

describe('budget periods', () => {
  it('cuts a period into parts of at most a year that cover it exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2000 }), (offset, length) => {
        const start = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const end = new Date(Date.UTC(2020, 0, 1) + (offset + length) * 86_400_000).toISOString().slice(0, 10);
        const parts = yearlyPeriods(start, end);
        expect(parts[0]!.start).toBe(start);
        expect(parts.at(-1)!.end).toBe(end);
        expect(parts.reduce((sum, p) => sum + p.days, 0)).toBe(length + 1);
        for (const [i, p] of parts.entries()) {
          expect(p.days).toBeLessThanOrEqual(366);
          if (i > 0) expect(Date.parse(p.start) - Date.parse(parts[i - 1]!.end)).toBe(86_400_000);
        }
      }),
    );
  });

  it('splits a stage’s amount over its periods so that the parts add up to it', () => {
    const budgets = stageBudgets([{ id: SA, applicationId: AG, kind: 'round', roundNumber: 1, startsOn: '2024-01-01', endsOn: '2026-06-30', amountCeilingMinor: 1_000_000_03, currency: 'NOK' }]);
    expect(budgets.map((b) => [b.start, b.end])).toEqual([
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-06-30'],
    ]);
    expect(budgets.reduce((sum, b) => sum + b.valueMinor, 0)).toBe(1_000_000_03);
  });
});

describe('escaping', () => {
  const hostile = 'A <b>&amp;</b> "quoted" \u0000nul \u0001\u0008\u000b\u000c\u001f\ufffe\uffff lone \ud800 surrogate ]]> & <!-- -->';

  it('keeps a hostile title as text: the file stays well-formed and valid against the schema', () => {
    const f = facts();
    f.partnership.title = hostile;
    f.partners[0]!.name = `</narrative><script>&`;
    f.applications[1]!.summary = 'Line one\r\nLine two\ttab \u0007bell';
    f.goals[0]!.indicators[0]!.description = '<indicator measure="9">';
    const xml = activitiesHeader(new Date('2026-06-15T12:00:00Z')) + activityXml(buildIatiActivity(f, publisher, '2026-06-15')) + activitiesFooter;
    const dir = mkdtempSync(join(tmpdir(), 'iati-escape-'));
    try {
      writeFileSync(join(dir, 'hostile.xml'), xml);
      const run = spawnSync('xmllint', ['--noout', '--schema', join(process.cwd(), 'reference/iati/schema/iati-activities-schema.xsd'), join(dir, 'hostile.xml')], { encoding: 'utf8' });
      expect(run.stderr).toContain('validates');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(xml).toContain('<title><narrative>A &lt;b&gt;&amp;amp;&lt;/b&gt; "quoted" nul  lone  surrogate ]]&gt; &amp; &lt;!-- --&gt;</narrative></title>');
  });

  it('never lets a string out with markup or a character XML forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = xmlText(s);
        // eslint-disable-next-line no-control-regex -- the characters XML forbids are what is looked for
        expect(out).not.toMatch(/[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
    );
  });
});
