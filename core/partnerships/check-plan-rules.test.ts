import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlanRules, type ProgrammeRules } from './check-plan-rules.ts';

const professional: ProgrammeRules = { allowedShapes: ['north_south', 'triangular'], stayMonths: [6, 12, 18] };
const southSouthOnly: ProgrammeRules = { allowedShapes: ['south_south'], stayMonths: [12] };

describe('checkPlanRules', () => {
  it('accepts a triangular plan with allowed stays', () => {
    const plan = { partnerCountries: ['NO', 'ET', 'NP'], flows: [{ months: 6 }, { months: 12 }, { months: 18 }] };
    expect(checkPlanRules(plan, professional)).toEqual([]);
  });

  it('refuses a shape the programme does not fund', () => {
    const plan = { partnerCountries: ['NO', 'MW'], flows: [{ months: 12 }] };
    expect(checkPlanRules(plan, southSouthOnly)).toEqual([{ code: 'shapeNotAllowed', shape: 'north_south' }]);
  });

  it('says there is no shape for a single partner or Norwegian partners only', () => {
    expect(checkPlanRules({ partnerCountries: ['NP'], flows: [] }, professional)).toEqual([{ code: 'noShape' }]);
    expect(checkPlanRules({ partnerCountries: ['NO', 'NO'], flows: [] }, professional)).toEqual([{ code: 'noShape' }]);
  });

  it('names each flow whose stay is not allowed, with the allowed lengths sorted', () => {
    const plan = { partnerCountries: ['ET', 'NP'], flows: [{ months: 12 }, { months: 9 }, { months: 24 }] };
    const programme = { allowedShapes: ['south_south' as const], stayMonths: [18, 6, 12] };
    expect(checkPlanRules(plan, programme)).toEqual([
      { code: 'monthsNotAllowed', flowIndex: 1, months: 9, allowed: [6, 12, 18] },
      { code: 'monthsNotAllowed', flowIndex: 2, months: 24, allowed: [6, 12, 18] },
    ]);
  });

  it('lists the shape problem before the flow problems', () => {
    const plan = { partnerCountries: ['NO', 'BO'], flows: [{ months: 3 }] };
    expect(checkPlanRules(plan, southSouthOnly).map((p) => p.code)).toEqual(['shapeNotAllowed', 'monthsNotAllowed']);
  });

  it('does not let a caller mutate the programme through a problem', () => {
    const programme = { allowedShapes: ['south_south' as const], stayMonths: [12, 6] };
    const [problem] = checkPlanRules({ partnerCountries: ['ET', 'NP'], flows: [{ months: 1 }] }, programme);
    if (problem?.code !== 'monthsNotAllowed') throw new Error('expected monthsNotAllowed');
    problem.allowed.push(99);
    expect(programme.stayMonths).toEqual([12, 6]);
  });
});

describe('checkPlanRules properties', () => {
  const months = fc.integer({ min: 1, max: 36 });
  const country = fc.constantFrom('NO', 'NP', 'ET', 'MW', 'BO');
  const shape = fc.constantFrom('north_south' as const, 'south_south' as const, 'triangular' as const);

  it('never reports monthsNotAllowed when every flow uses an allowed stay', () => {
    fc.assert(
      fc.property(
        fc.array(months, { minLength: 1, maxLength: 4 }).chain((stayMonths) =>
          fc.record({
            stayMonths: fc.constant(stayMonths),
            flows: fc.array(fc.constantFrom(...stayMonths).map((m) => ({ months: m })), { maxLength: 8 }),
            countries: fc.array(country, { maxLength: 5 }),
            allowedShapes: fc.uniqueArray(shape),
          }),
        ),
        ({ stayMonths, flows, countries, allowedShapes }) => {
          const problems = checkPlanRules({ partnerCountries: countries, flows }, { allowedShapes, stayMonths });
          expect(problems.filter((p) => p.code === 'monthsNotAllowed')).toEqual([]);
        },
      ),
    );
  });

  it('reports exactly one monthsNotAllowed per flow outside the allowed stays', () => {
    fc.assert(
      fc.property(fc.array(months, { maxLength: 4 }), fc.array(months, { maxLength: 8 }), (stayMonths, flowMonths) => {
        const plan = { partnerCountries: ['ET', 'NP'], flows: flowMonths.map((m) => ({ months: m })) };
        const problems = checkPlanRules(plan, { allowedShapes: ['south_south'], stayMonths });
        expect(problems.length).toBe(flowMonths.filter((m) => !stayMonths.includes(m)).length);
      }),
    );
  });
});
