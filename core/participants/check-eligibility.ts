import type { EligibilityProblemCode } from '../../db/schema/participants.ts';
import type { ErrorCode, FieldProblem } from '../errors.ts';

/** A placement of someone else (any partnership), with its dates as they stand: actual where known, else planned. */
export interface OtherPlacement {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  email: string | null;
  startsOn: string;
  endsOn: string;
}

/** What the rules look at. Dates are YYYY-MM-DD. */
export interface EligibilityFacts {
  person: {
    givenName: string;
    familyName: string;
    birthDate: string;
    email: string | null;
    /** Null on records from before nominations: the rule is then not checked. */
    residenceCountry: string | null;
    startsOn: string;
    endsOn: string;
  };
  programme: { minAge: number; maxAge: number; stayMonths: readonly number[] };
  /** The round's period; null on records from before nominations (no round to be within). */
  round: { startsOn: string; endsOn: string } | null;
  sendingCountry: string;
  /** Other people's placements that are not withdrawn; the rules decide which overlap and match. */
  others: readonly OtherPlacement[];
}

export interface EligibilityProblem extends FieldProblem {
  code: EligibilityProblemCode & ErrorCode;
}

/** Something an adviser should look at, which refuses nothing: a placement that may be the same person's. */
export interface EligibilityWarning {
  field: 'givenName';
  code: 'possibleSamePerson';
  params: { startsOn: string; endsOn: string };
  otherId: string;
}

export interface Eligibility {
  /** Every rule broken, in a fixed order (age, stay, round period, residence, overlap), whatever order the facts came in. */
  problems: EligibilityProblem[];
  warnings: EligibilityWarning[];
}

/**
 * The programme's eligibility rules for one participant (docs/architecture.md#participant-lifecycle),
 * all checked at once so every problem is named together. Pure: the facts are gathered by
 * get-participant-eligibility.ts.
 * - age on the planned start date within the programme's [minAge, maxAge];
 * - a stay (rounded to whole months) of a length the programme allows, within the round's period;
 * - living in the sending organisation's country;
 * - not the same person (same email, or same name and date of birth) in an overlapping placement;
 *   a near match (same date of birth, a name that differs only in case, accents or a couple of letters)
 *   is a warning, since two different people can have it.
 */
export function checkEligibility(facts: EligibilityFacts): Eligibility {
  const { person, programme, round } = facts;
  const problems: EligibilityProblem[] = [];
  const age = ageOn(person.birthDate, person.startsOn);
  if (age < programme.minAge || age > programme.maxAge) {
    problems.push({ field: 'birthDate', code: 'ageNotEligible', params: { age, min: programme.minAge, max: programme.maxAge } });
  }
  const months = stayMonths(person.startsOn, person.endsOn);
  if (!programme.stayMonths.includes(months)) {
    problems.push({ field: 'endsOn', code: 'stayLengthNotAllowed', params: { months, allowed: [...programme.stayMonths].sort((a, b) => a - b).join(', ') } });
  }
  if (round && (person.startsOn < round.startsOn || person.endsOn > round.endsOn)) {
    problems.push({ field: person.startsOn < round.startsOn ? 'startsOn' : 'endsOn', code: 'outsideRoundPeriod', params: { from: round.startsOn, to: round.endsOn } });
  }
  if (person.residenceCountry !== null && person.residenceCountry !== facts.sendingCountry) {
    problems.push({ field: 'residenceCountry', code: 'residenceNotSendingCountry', params: { country: facts.sendingCountry } });
  }

  const overlapping = facts.others
    .filter((o) => o.startsOn <= person.endsOn && person.startsOn <= o.endsOn)
    .sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.startsOn < b.startsOn ? -1 : 1));
  const same = overlapping.filter((o) => isSamePerson(person, o));
  if (same.length > 0) {
    problems.push({ field: same.some((o) => sameEmail(person.email, o.email)) ? 'email' : 'givenName', code: 'overlappingPlacement', params: { startsOn: same[0]!.startsOn, endsOn: same[0]!.endsOn } });
  }
  const warnings: EligibilityWarning[] = overlapping
    .filter((o) => !isSamePerson(person, o) && isNearMatch(person, o))
    .map((o) => ({ field: 'givenName', code: 'possibleSamePerson', params: { startsOn: o.startsOn, endsOn: o.endsOn }, otherId: o.id }));
  return { problems, warnings };
}

type Named = Pick<OtherPlacement, 'givenName' | 'familyName' | 'birthDate' | 'email'>;

function sameEmail(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function isSamePerson(a: Named, b: Named): boolean {
  if (sameEmail(a.email, b.email)) return true;
  return a.birthDate === b.birthDate && a.givenName.trim().normalize('NFC') === b.givenName.trim().normalize('NFC') && a.familyName.trim().normalize('NFC') === b.familyName.trim().normalize('NFC');
}

/** Same date of birth, and names within two edits of each other once case, accents and spacing are set aside (either name order). */
export function isNearMatch(a: Named, b: Named): boolean {
  if (a.birthDate !== b.birthDate) return false;
  const left = foldName(`${a.givenName} ${a.familyName}`);
  return editDistance(left, foldName(`${b.givenName} ${b.familyName}`)) <= 2 || editDistance(left, foldName(`${b.familyName} ${b.givenName}`)) <= 2;
}

/** Lower case, no accents or other combining marks, single spaces: "José  Mamani" and "jose mamani" fold alike. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance (insertions, deletions, substitutions), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}

/** Age in whole years on a date: a birthday counts from its day (29 February from 1 March in other years). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const day = 24 * 60 * 60_000;
const toTime = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** `months` after a date, on the same day of the month or the month's last day (31 January + 1 month = 28/29 February). */
function addMonths(date: string, months: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(Number(date.slice(8, 10)), lastDay));
}

/**
 * The length of a stay from its first to its last day, in whole months: 1 January to 31 December is 12,
 * 15 August to 14 February is 6. A remainder of more than 15 days counts as one more month, so a stay
 * a few days off a whole number of months still has the length everyone calls it.
 */
export function stayMonths(startsOn: string, endsOn: string): number {
  const end = toTime(endsOn) + day;
  const start = toTime(startsOn);
  if (end <= start) return 0;
  const endDate = new Date(end);
  let months = (endDate.getUTCFullYear() - Number(startsOn.slice(0, 4))) * 12 + (endDate.getUTCMonth() + 1 - Number(startsOn.slice(5, 7)));
  while (months > 0 && addMonths(startsOn, months) > end) months--;
  const rest = Math.round((end - addMonths(startsOn, months)) / day);
  return rest > 15 ? months + 1 : months;
}
