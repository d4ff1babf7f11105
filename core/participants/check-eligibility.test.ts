import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, checkEligibility, editDistance, foldName, isNearMatch, stayMonths, type EligibilityFacts, type OtherPlacement } from './check-eligibility.ts';

/** Sita, 29 on her start date, six months within the round, living in Nepal and sent from Nepal: eligible. */
const eligible: EligibilityFacts = {
  person: { givenName: 'Sita', familyName: 'Shrestha', birthDate: '1996-04-12', email: 'sita@example.org', residenceCountry: 'NP', startsOn: '2026-03-01', endsOn: '2026-08-31' },
  programme: { minAge: 22, maxAge: 35, stayMonths: [6, 12] },
  round: { startsOn: '2026-01-01', endsOn: '2026-12-31' },
  sendingCountry: 'NP',
  others: [],
};

const other = (overrides: Partial<OtherPlacement> = {}): OtherPlacement => ({
  id: 'other-1',
  givenName: 'Tigist',
  familyName: 'Bekele',
  birthDate: '1990-01-01',
  email: 'tigist@example.org',
  startsOn: '2026-05-01',
  endsOn: '2026-10-31',
  ...overrides,
});

const codes = (facts: EligibilityFacts) => checkEligibility(facts).problems.map((p) => p.code);
const withPerson = (person: Partial<EligibilityFacts['person']>, rest: Partial<EligibilityFacts> = {}): EligibilityFacts => ({ ...eligible, ...rest, person: { ...eligible.person, ...person } });

describe('eligibility rules', () => {
  it('passes a person who meets every rule', () => {
    expect(checkEligibility(eligible)).toEqual({ problems: [], warnings: [] });
  });

  it('takes the age on the planned start date, both ends of the range included', () => {
    expect(codes(withPerson({ birthDate: '2004-03-01' }))).toEqual([]); // 22 on the day
    expect(checkEligibility(withPerson({ birthDate: '2004-03-02' })).problems).toEqual([{ field: 'birthDate', code: 'ageNotEligible', params: { age: 21, min: 22, max: 35 } }]);
    expect(codes(withPerson({ birthDate: '1990-03-02' }))).toEqual([]); // 35 until 2 March
    expect(codes(withPerson({ birthDate: '1990-03-01' }))).toEqual(['ageNotEligible']); // 36 on the day
  });

  it('allows only the stay lengths the programme allows, in whole months', () => {
    expect(codes(withPerson({ endsOn: '2027-02-28' }))).toEqual(['outsideRoundPeriod']); // 12 months, but past the round
    expect(checkEligibility(withPerson({ endsOn: '2026-11-30' })).problems).toEqual([{ field: 'endsOn', code: 'stayLengthNotAllowed', params: { months: 9, allowed: '6, 12' } }]);
  });

  it('keeps the stay within the round', () => {
    expect(checkEligibility(withPerson({ startsOn: '2025-12-01', endsOn: '2026-05-31' })).problems).toEqual([
      { field: 'startsOn', code: 'outsideRoundPeriod', params: { from: '2026-01-01', to: '2026-12-31' } },
    ]);
    // A record from before nominations has no round: nothing to be within.
    expect(codes({ ...withPerson({ startsOn: '2025-12-01', endsOn: '2026-05-31' }), round: null })).toEqual([]);
  });

  it('requires living in the sending organisation’s country', () => {
    expect(checkEligibility(withPerson({ residenceCountry: 'IN' })).problems).toEqual([{ field: 'residenceCountry', code: 'residenceNotSendingCountry', params: { country: 'NP' } }]);
    expect(codes(withPerson({ residenceCountry: null }))).toEqual([]);
  });

  it('refuses the same person (same email, or same name and birth date) in an overlapping placement', () => {
    const byEmail = other({ email: 'SITA@example.org' });
    expect(checkEligibility({ ...eligible, others: [byEmail] }).problems).toEqual([{ field: 'email', code: 'overlappingPlacement', params: { startsOn: '2026-05-01', endsOn: '2026-10-31' } }]);
    const byName = other({ givenName: 'Sita', familyName: 'Shrestha', birthDate: '1996-04-12', email: null });
    expect(checkEligibility({ ...eligible, others: [byName] }).problems).toEqual([{ field: 'givenName', code: 'overlappingPlacement', params: { startsOn: '2026-05-01', endsOn: '2026-10-31' } }]);
    // Placements that do not overlap, touching included as overlap only when they share a day.
    expect(codes({ ...eligible, others: [{ ...byEmail, startsOn: '2026-09-01', endsOn: '2027-02-28' }] })).toEqual([]);
    expect(codes({ ...eligible, others: [{ ...byEmail, startsOn: '2026-08-31', endsOn: '2027-02-28' }] })).toEqual(['overlappingPlacement']);
    // Same name, another birth date: another person.
    expect(codes({ ...eligible, others: [{ ...byName, birthDate: '1996-04-13' }] })).toEqual([]);
  });

  it('warns about a near match (same birth date, a name differing in case, accents or a letter or two), without refusing', () => {
    const near = other({ givenName: 'sitá', familyName: 'Shreshta', birthDate: '1996-04-12', email: 'another@example.org' });
    const result = checkEligibility({ ...eligible, others: [near] });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([{ field: 'givenName', code: 'possibleSamePerson', params: { startsOn: '2026-05-01', endsOn: '2026-10-31' }, otherId: 'other-1' }]);
    // Names in the other order are a near match too; a clearly different name is not.
    expect(checkEligibility({ ...eligible, others: [{ ...near, givenName: 'Shrestha', familyName: 'Sita' }] }).warnings).toHaveLength(1);
    expect(checkEligibility({ ...eligible, others: [{ ...near, givenName: 'Anjali', familyName: 'Gurung' }] }).warnings).toEqual([]);
    // Not overlapping: no warning either.
    expect(checkEligibility({ ...eligible, others: [{ ...near, startsOn: '2027-01-01', endsOn: '2027-06-30' }] }).warnings).toEqual([]);
  });
});

describe('the helpers behind the rules', () => {
  it('counts ages in whole years, a 29 February birthday from 1 March', () => {
    expect(ageOn('2000-02-29', '2022-02-28')).toBe(21);
    expect(ageOn('2000-02-29', '2022-03-01')).toBe(22);
    expect(ageOn('2000-05-10', '2026-05-10')).toBe(26);
  });

  it('measures stays in whole months, rounding a remainder over 15 days up', () => {
    expect(stayMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(stayMonths('2026-08-15', '2027-02-14')).toBe(6);
    expect(stayMonths('2026-01-31', '2026-07-30')).toBe(6);
    expect(stayMonths('2026-03-01', '2026-08-20')).toBe(6);
    expect(stayMonths('2026-03-01', '2026-08-10')).toBe(5);
    expect(stayMonths('2026-03-01', '2026-02-01')).toBe(0);
  });

  it('folds names and measures edit distance', () => {
    expect(foldName('  José   MAMANI ')).toBe('jose mamani');
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(isNearMatch({ givenName: 'Håkon', familyName: 'Berg', birthDate: '1990-01-01', email: null }, { givenName: 'Hakon', familyName: 'Berg', birthDate: '1990-01-01', email: null })).toBe(true);
  });
});

/** Facts with any subset of the rules broken, and the codes an independent reading says must come back. */
const scenario = fc
  .record({
    young: fc.boolean(),
    badLength: fc.boolean(),
    early: fc.boolean(),
    abroad: fc.boolean(),
    duplicate: fc.boolean(),
    near: fc.boolean(),
    strangers: fc.array(fc.record({ id: fc.uuid(), startsOn: fc.constantFrom('2025-01-01', '2026-04-01', '2026-10-01'), months: fc.integer({ min: 1, max: 12 }) }), { maxLength: 5 }),
  })
  .map((s) => {
    const startsOn = s.early ? '2025-12-01' : '2026-03-01';
    const endsOn = s.early ? (s.badLength ? '2026-08-31' : '2026-05-31') : s.badLength ? '2026-11-30' : '2026-08-31';
    const others: OtherPlacement[] = s.strangers.map((x) => ({ id: x.id, givenName: 'Dawit', familyName: 'Haile', birthDate: '1985-06-01', email: `${x.id}@example.org`, startsOn: x.startsOn, endsOn: x.startsOn.replace(/^(\d{4})/, (y) => String(Number(y) + (x.months > 6 ? 1 : 0))) }));
    if (s.duplicate) others.push(other({ id: 'dup', email: 'sita@example.org' }));
    if (s.near) others.push(other({ id: 'near', givenName: 'Sitaa', familyName: 'Shrestha', birthDate: '1996-04-12', email: 'someone.else@example.org' }));
    const facts = withPerson({ birthDate: s.young ? '2005-01-01' : '1996-04-12', startsOn, endsOn, residenceCountry: s.abroad ? 'IN' : 'NP' }, { others });
    const expected = [s.young && 'ageNotEligible', s.badLength && 'stayLengthNotAllowed', s.early && 'outsideRoundPeriod', s.abroad && 'residenceNotSendingCountry', s.duplicate && 'overlappingPlacement'].filter(Boolean);
    return { facts, expected };
  });

describe('eligibility properties', () => {
  it('names every broken rule at once, and only those', () => {
    fc.assert(
      fc.property(scenario, ({ facts, expected }) => {
        expect(codes(facts)).toEqual(expected);
      }),
    );
  });

  it('gives the same answer whatever order the other placements come in', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.facts.others as OtherPlacement[], { minLength: s.facts.others.length }))),
        ([{ facts }, shuffled]) => {
          expect(checkEligibility({ ...facts, others: shuffled })).toEqual(checkEligibility(facts));
        },
      ),
    );
  });
});
