import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST_GROUP_CODES, DISTANCE_BAND_CODES, type CostGroup, type DistanceBand } from '../../db/schema/unit-costs.ts';
import { shareOf } from '../finance/money.ts';
import { computeRoundBudget, type RoundBudgetFlow } from './compute-round-budget.ts';
import type { UnitCostRates } from './unit-cost-rates.ts';

const rates: UnitCostRates = {
  currency: 'NOK',
  allowances: { A: 12_000_00, B: 9_000_00, C: 6_500_00, D: 4_500_00 },
  groupOf: { NO: 'A', BO: 'C', GT: 'C', NP: 'D', ET: 'D', MW: 'D' },
  travel: { '0-99': 1_500_00, '100-499': 3_000_00, '500-1999': 5_500_00, '2000-2999': 7_500_00, '3000-3999': 9_000_00, '4000-7999': 12_000_00, '8000+': 16_000_00 },
  insurancePerMonthMinor: 600_00,
  preparatoryCourseMinor: 9_000_00,
  visaMinor: 2_500_00,
  healthMinor: 1_800_00,
  adminShareBasisPoints: 700,
};

const flow = (overrides: Partial<RoundBudgetFlow> & Pick<RoundBudgetFlow, 'id'>): RoundBudgetFlow => ({
  sendingOrganisationId: 'kathmandu',
  hostOrganisationId: 'bergen',
  sendingCountryCode: 'NP',
  hostCountryCode: 'NO',
  participants: 2,
  months: 6,
  ...overrides,
});

describe('computeRoundBudget, by hand', () => {
  it('pays the host the allowance, the sender the rest, and the coordinator a share of the whole round', () => {
    const budget = computeRoundBudget({
      flows: [flow({ id: 'f1' }), flow({ id: 'f2', sendingOrganisationId: 'bergen', hostOrganisationId: 'kathmandu', sendingCountryCode: 'NO', hostCountryCode: 'NP', participants: 1, months: 12 })],
      coordinatorOrganisationId: 'bergen',
      rates,
      bands: new Map<string, DistanceBand | null>([
        ['f1', '4000-7999'],
        ['f2', '4000-7999'],
      ]),
    });
    const f1 = budget.lines.filter((l) => l.flowId === 'f1').map((l) => [l.kind, l.organisationId, l.quantity, l.unitCostMinor, l.amountMinor]);
    expect(f1).toEqual([
      ['allowance', 'bergen', 12, 12_000_00, 144_000_00],
      ['travel', 'kathmandu', 2, 12_000_00, 24_000_00],
      ['insurance', 'kathmandu', 12, 600_00, 7_200_00],
      ['preparatory_course', 'kathmandu', 2, 9_000_00, 18_000_00],
      ['visa', 'kathmandu', 2, 2_500_00, 5_000_00],
      ['health', 'kathmandu', 2, 1_800_00, 3_600_00],
    ]);
    // f1: 201 800 kr; f2: 12 × 4 500 + 12 000 + 12 × 600 + 9 000 + 2 500 + 1 800 = 86 500 kr.
    expect(budget.flows).toEqual([
      { flowId: 'f1', amountMinor: 201_800_00, problems: 0 },
      { flowId: 'f2', amountMinor: 86_500_00, problems: 0 },
    ]);
    expect(budget.directMinor).toBe(288_300_00);
    // 7 % of 288 300 kr = 20 181 kr, to the coordinating partner.
    expect(budget.lines.at(-1)).toEqual({ flowId: null, organisationId: 'bergen', kind: 'administration', quantity: 1, unitCostMinor: 20_181_00, amountMinor: 20_181_00, share: { basisPoints: 700, baseMinor: 288_300_00 } });
    expect(budget.partners).toEqual([
      // Bergen hosts f1 (144 000 kr) and sends f2 (86 500 − 54 000 allowance paid in Nepal = 32 500 kr).
      { organisationId: 'bergen', directMinor: 176_500_00, administrationMinor: 20_181_00, totalMinor: 196_681_00, problems: 0 },
      { organisationId: 'kathmandu', directMinor: 111_800_00, administrationMinor: 0, totalMinor: 111_800_00, problems: 0 },
    ]);
    expect(budget.totalMinor).toBe(308_481_00);
    expect(budget.problems).toBe(0);
  });

  it('marks travel without a known distance and an allowance in a country of no group, instead of guessing', () => {
    const budget = computeRoundBudget({
      flows: [flow({ id: 'f1', hostCountryCode: 'UG' }), flow({ id: 'f2' })],
      coordinatorOrganisationId: 'kathmandu',
      rates,
      bands: new Map([['f2', null]]),
    });
    const problems = budget.lines.filter((l) => l.problem).map((l) => [l.flowId, l.kind, l.problem, l.quantity, l.unitCostMinor, l.amountMinor]);
    expect(problems).toEqual([
      ['f1', 'allowance', 'countryWithoutGroup', 12, null, null],
      ['f1', 'travel', 'distanceUnknown', 2, null, null],
      ['f2', 'travel', 'distanceUnknown', 2, null, null],
    ]);
    expect(budget.problems).toBe(3);
    expect(budget.partners.find((p) => p.organisationId === 'kathmandu')?.problems).toBe(2);
    expect(budget.flows.map((f) => f.problems)).toEqual([2, 1]);
  });

  it('budgets no visa within one country, and an empty plan as nothing but a share of nothing', () => {
    const domestic = computeRoundBudget({
      flows: [flow({ id: 'f', sendingOrganisationId: 'lilongwe', hostOrganisationId: 'mzuzu', sendingCountryCode: 'MW', hostCountryCode: 'MW' })],
      coordinatorOrganisationId: 'lilongwe',
      rates,
      bands: new Map([['f', '100-499']]),
    });
    expect(domestic.lines.map((l) => l.kind)).toEqual(['allowance', 'travel', 'insurance', 'preparatory_course', 'health', 'administration']);
    const empty = computeRoundBudget({ flows: [], coordinatorOrganisationId: 'x', rates, bands: new Map() });
    expect(empty).toMatchObject({ totalMinor: 0, directMinor: 0, partners: [{ organisationId: 'x', totalMinor: 0 }], problems: 0 });
  });

  it('refuses a flow of no one or for no time', () => {
    expect(() => computeRoundBudget({ flows: [flow({ id: 'f', participants: 0 })], coordinatorOrganisationId: 'x', rates, bands: new Map() })).toThrow(RangeError);
    expect(() => computeRoundBudget({ flows: [flow({ id: 'f', months: 1.5 })], coordinatorOrganisationId: 'x', rates, bands: new Map() })).toThrow(RangeError);
  });
});

// Generated rounds: a few partners in a few countries (one without a group), flows between them,
// rates up to a million kroner and bands sometimes unknown.
const organisations = ['o1', 'o2', 'o3', 'o4'];
const countries = ['NO', 'NP', 'ET', 'BO', 'UG'];
const amount = fc.integer({ min: 0, max: 1_000_000_00 });
const arbitraryRates: fc.Arbitrary<UnitCostRates> = fc.record({
  currency: fc.constant('NOK'),
  allowances: fc.record(Object.fromEntries(COST_GROUP_CODES.map((g) => [g, amount])) as Record<CostGroup, fc.Arbitrary<number>>),
  groupOf: fc.record({ NO: fc.constantFrom(...COST_GROUP_CODES), NP: fc.constantFrom(...COST_GROUP_CODES), ET: fc.constantFrom(...COST_GROUP_CODES), BO: fc.constantFrom(...COST_GROUP_CODES) }),
  travel: fc.record(Object.fromEntries(DISTANCE_BAND_CODES.map((b) => [b, amount])) as Record<DistanceBand, fc.Arbitrary<number>>),
  insurancePerMonthMinor: amount,
  preparatoryCourseMinor: amount,
  visaMinor: amount,
  healthMinor: amount,
  adminShareBasisPoints: fc.integer({ min: 0, max: 10_000 }),
});
const arbitraryRound = fc.record({
  flows: fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      sendingOrganisationId: fc.constantFrom(...organisations),
      hostOrganisationId: fc.constantFrom(...organisations),
      sendingCountryCode: fc.constantFrom(...countries),
      hostCountryCode: fc.constantFrom(...countries),
      participants: fc.integer({ min: 1, max: 50 }),
      months: fc.integer({ min: 1, max: 24 }),
    }),
    { selector: (f) => f.id, maxLength: 12 },
  ),
  coordinatorOrganisationId: fc.constantFrom(...organisations),
  rates: arbitraryRates,
  bandChoices: fc.array(fc.option(fc.constantFrom(...DISTANCE_BAND_CODES), { nil: null }), { minLength: 12, maxLength: 12 }),
});

describe('computeRoundBudget, for any round', () => {
  it('adds up: the round’s total is the sum of the partners’ totals and of the lines', () => {
    fc.assert(
      fc.property(arbitraryRound, ({ flows, coordinatorOrganisationId, rates: r, bandChoices }) => {
        const bands = new Map(flows.map((f, i) => [f.id, bandChoices[i]!]));
        const budget = computeRoundBudget({ flows, coordinatorOrganisationId, rates: r, bands });
        const lineSum = budget.lines.reduce((sum, l) => sum + (l.amountMinor ?? 0), 0);
        expect(budget.totalMinor).toBe(lineSum);
        expect(budget.partners.reduce((sum, p) => sum + p.totalMinor, 0)).toBe(budget.totalMinor);
        for (const p of budget.partners) {
          const own = budget.lines.filter((l) => l.organisationId === p.organisationId);
          expect(p.totalMinor).toBe(own.reduce((sum, l) => sum + (l.amountMinor ?? 0), 0));
          expect(p.totalMinor).toBe(p.directMinor + p.administrationMinor);
        }
        expect(budget.flows.reduce((sum, f) => sum + f.amountMinor, 0)).toBe(budget.directMinor);
        expect(budget.directMinor + budget.administrationMinor).toBe(budget.totalMinor);
        // Every line belongs to a partner of the list, and the share goes to the coordinator alone.
        expect(budget.lines.every((l) => budget.partners.some((p) => p.organisationId === l.organisationId))).toBe(true);
        expect(budget.lines.filter((l) => l.kind === 'administration')).toEqual([expect.objectContaining({ organisationId: coordinatorOrganisationId })]);
      }),
    );
  });

  it('prices each line as its quantity times its unit cost, in whole minor units, or marks it unpriced', () => {
    fc.assert(
      fc.property(arbitraryRound, ({ flows, coordinatorOrganisationId, rates: r, bandChoices }) => {
        const bands = new Map(flows.map((f, i) => [f.id, bandChoices[i]!]));
        const budget = computeRoundBudget({ flows, coordinatorOrganisationId, rates: r, bands });
        for (const line of budget.lines) {
          expect(Number.isSafeInteger(line.quantity)).toBe(true);
          if (line.problem) {
            expect([line.unitCostMinor, line.amountMinor]).toEqual([null, null]);
            continue;
          }
          expect(Number.isSafeInteger(line.unitCostMinor)).toBe(true);
          expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
          // Checked on exact integers, not on floating-point numbers.
          expect(BigInt(line.amountMinor!)).toBe(BigInt(line.quantity) * BigInt(line.unitCostMinor!));
        }
        for (const total of [budget.totalMinor, budget.directMinor, budget.administrationMinor, ...budget.partners.map((p) => p.totalMinor)]) expect(Number.isSafeInteger(total)).toBe(true);
        expect(budget.administrationMinor).toBe(shareOf(budget.directMinor, r.adminShareBasisPoints));
        // A travel line lacks an amount exactly when its band is unknown; an allowance when its country has no group.
        for (const f of flows) {
          const travel = budget.lines.find((l) => l.flowId === f.id && l.kind === 'travel')!;
          expect(travel.problem === 'distanceUnknown').toBe(bands.get(f.id) === null);
          const allowance = budget.lines.find((l) => l.flowId === f.id && l.kind === 'allowance')!;
          expect(allowance.problem === 'countryWithoutGroup').toBe(!(f.hostCountryCode in r.groupOf));
          expect(allowance.organisationId).toBe(f.hostOrganisationId);
          expect(travel.organisationId).toBe(f.sendingOrganisationId);
        }
      }),
    );
  });
});
