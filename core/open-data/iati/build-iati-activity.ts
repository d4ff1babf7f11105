import type { MarkerValues } from '../../../db/schema/applications.ts';
import type { CallStage } from '../../../db/schema/calls.ts';
import type { LedgerKind } from '../../../db/schema/ledger.ts';
import { MARKERS } from '../../applications/markers.ts';
import { ledgerAccount, parseLedgerAccount } from '../../finance/ledger-accounts.ts';
import { splitByWeights, WHOLE_BASIS_POINTS } from '../../finance/money.ts';
import { osloDate } from '../../partnerships/check-deadline.ts';
import type { FixTarget, IatiActivity, IatiBudget, IatiIndicator, IatiOrg, IatiResult, IatiResultPeriod, IatiTransaction } from './iati-activity.ts';

/** Who publishes: the agency, under its IATI organisation identifier (IATI_ORGANISATION_IDENTIFIER). */
export interface IatiPublisher {
  identifier: string;
  name: string;
  /** OrganisationType: 10 government. */
  type: string;
  agencyId: string;
}

/** What the export reads about one approved partnership (`load-iati-activity-facts.ts`). */
export interface ActivityFacts {
  partnership: { id: string; title: string; status: string; sectorCode: string | null; sdgGoals: string[]; startsOn: string | null; endsOn: string | null; updatedAt: Date };
  partners: { id: string; name: string; countryCode: string; organisationType: string; registrationScheme: string | null; registrationNumber: string | null; isCoordinator: boolean }[];
  /** Granted stages: feasibility, agreement, rounds, in the order of the chain. */
  stages: { id: string; applicationId: string; kind: CallStage; roundNumber: number | null; startsOn: string; endsOn: string; amountCeilingMinor: number; currency: string }[];
  /** The applications that granted those stages. */
  applications: { id: string; summary: string; sectorCode: string | null; sdgGoals: string[]; sdgTargets: string[]; markers: MarkerValues; updatedAt: Date }[];
  goals: { id: string; applicationId: string; organisationId: string | null; description: string; indicators: { id: string; seriesId: string; description: string; baseline: string; target: string }[] }[];
  /**
   * The accepted round reports' values (`core/results/accepted-actuals.ts`), one per reporting partner,
   * indicator and round: matched to the reported indicators by series (the same indicator across the
   * partnership's applications), each round becomes a result period with its actuals.
   */
  actuals: { seriesId: string; start: string; end: string; value: number | null; women: number | null; men: number | null; other: number | null; valueText: string }[];
  /** Ledger entries into or out of the stages' accounts. */
  ledger: { id: string; kind: LedgerKind; amountMinor: number; currency: string; fromAccount: string; toAccount: string; postedAt: Date; /** A tranche payment's day. */ paidOn?: string | null }[];
}

const STATUS_CODES: Record<string, string> = { approved: '2', active: '2', closing: '3', closed: '4' };
/** The donor country: partners there are not recipients. */
const DONOR_COUNTRY = 'NO';
const numeric = /^-?\d+(\.\d+)?$/;

/** Two-decimal report values as IATI writes them: `12`, `12.5`, never `12.50` or `1e21`. */
const reportNumber = (n: number) => (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '');

/**
 * One result period per round reported, in date order: numbers summed over the partners who reported
 * (a people indicator as one actual per gender, each with its `sex` dimension, the sum being the total);
 * words as one qualitative actual holding every partner's text.
 */
function actualPeriods(rows: ActivityFacts['actuals'], measure: '1' | '5'): IatiResultPeriod[] {
  const byPeriod = new Map<string, ActivityFacts['actuals']>();
  for (const r of rows) byPeriod.set(`${r.start}/${r.end}`, [...(byPeriod.get(`${r.start}/${r.end}`) ?? []), r]);
  return [...byPeriod.values()]
    .sort((a, b) => a[0]!.start.localeCompare(b[0]!.start))
    .flatMap((period): IatiResultPeriod[] => {
      const { start, end } = period[0]!;
      if (measure === '5') {
        const texts = period.map((r) => r.valueText.trim() || (r.value === null ? '' : reportNumber(r.value))).filter(Boolean);
        return texts.length ? [{ start, end, actuals: [{ comment: [{ text: texts.join('\n\n') }] }] }] : [];
      }
      const sum = (pick: (r: ActivityFacts['actuals'][number]) => number | null) => {
        const values = period.map(pick).filter((v): v is number => v !== null);
        return values.length ? values.reduce((a, b) => a + b, 0) : null;
      };
      const byGender: [string, (r: ActivityFacts['actuals'][number]) => number | null][] = [['female', (r) => r.women], ['male', (r) => r.men], ['other', (r) => r.other]];
      const genders = byGender.map(([name, pick]) => [name, sum(pick)] as const);
      if (genders.some(([, n]) => n !== null)) {
        return [{ start, end, actuals: genders.filter(([, n]) => n !== null).map(([name, n]) => ({ value: String(n), dimensions: [{ name: 'sex', value: name }] })) }];
      }
      const total = sum((r) => r.value);
      return total === null ? [] : [{ start, end, actuals: [{ value: reportNumber(total) }] }];
    });
}

/** The partnership's IATI identifier: the publisher's organisation identifier, a hyphen, the partnership's id. */
export function iatiIdentifier(publisherIdentifier: string, partnershipId: string): string {
  return `${publisherIdentifier}-${partnershipId}`;
}

/** An organisation's IATI identifier from its registration (`NO-BRC` and `971254823`), when it has one. */
export function organisationRef(o: { registrationScheme: string | null; registrationNumber: string | null }): string | undefined {
  return o.registrationScheme && o.registrationNumber ? `${o.registrationScheme}-${o.registrationNumber}` : undefined;
}

/**
 * The IATI activity of one approved partnership, from its facts alone (no I/O): `today` (Europe/Oslo) decides
 * which dates are actual. Budgets per round (`stageBudgets`); transactions are the ledger's commitments to and disbursements
 * from the stages (a release or refund is the same type, negative); results are the goals and indicators of
 * the latest granted application that has some.
 */
export function buildIatiActivity(facts: ActivityFacts, publisher: IatiPublisher, today: string): IatiActivity {
  const { partnership: p, partners, stages, applications } = facts;
  const identifier = iatiIdentifier(publisher.identifier, p.id);
  const ofPartnership: FixTarget = { record: 'partnership', id: p.id };
  const latest = stages.length ? applications.find((a) => a.id === stages[stages.length - 1]!.applicationId) : undefined;
  const ofLatest = (field: string): FixTarget => (latest ? { record: 'application', id: latest.id, field } : { ...ofPartnership, field });
  const agency: IatiOrg & { ref: string; type: string } = { ref: publisher.identifier, type: publisher.type, name: publisher.name };
  const ofAgency: FixTarget = { record: 'agency', id: publisher.agencyId };
  const coordinator = partners.find((x) => x.isCoordinator) ?? partners[0];

  const starts = [p.startsOn, ...stages.map((s) => s.startsOn)].filter((d): d is string => Boolean(d)).sort();
  const ends = [p.endsOn, ...stages.map((s) => s.endsOn)].filter((d): d is string => Boolean(d)).sort();
  const plannedStart = starts[0];
  const plannedEnd = ends[ends.length - 1];
  const dates: IatiActivity['dates'] = [];
  if (plannedStart) dates.push({ type: '1', isoDate: plannedStart, fix: { ...ofPartnership, field: 'startsOn' } });
  if (plannedStart && plannedStart <= today) dates.push({ type: '2', isoDate: plannedStart, fix: { ...ofPartnership, field: 'startsOn' } });
  if (plannedEnd) dates.push({ type: '3', isoDate: plannedEnd, fix: { ...ofPartnership, field: 'endsOn' } });
  if (plannedEnd && p.status === 'closed' && plannedEnd <= today) dates.push({ type: '4', isoDate: plannedEnd, fix: { ...ofPartnership, field: 'endsOn' } });

  // Recipient countries: the partners' countries outside Norway, weighted by how many partners are there.
  const countries = new Map<string, { count: number; organisationId: string }>();
  for (const partner of partners.filter((x) => x.countryCode !== DONOR_COUNTRY)) {
    const seen = countries.get(partner.countryCode);
    countries.set(partner.countryCode, { count: (seen?.count ?? 0) + 1, organisationId: seen?.organisationId ?? partner.id });
  }
  const countryCodes = [...countries.keys()].sort();
  const shares = countryCodes.length ? splitByWeights(WHOLE_BASIS_POINTS, countryCodes.map((c) => countries.get(c)!.count)) : [];
  const recipientCountries = countryCodes.map((code, i) => ({ code, basisPoints: shares[i]!, fix: { record: 'organisation', id: countries.get(code)!.organisationId, field: 'countryCode' } as FixTarget }));

  const sectorCode = p.sectorCode ?? latest?.sectorCode;
  const goalsTagged = [...new Set([...p.sdgGoals, ...(latest?.sdgGoals ?? [])])].sort((a, b) => Number(a) - Number(b));
  const targets = [...new Set(latest?.sdgTargets ?? [])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const policyMarkers = latest
    ? MARKERS.flatMap((m) => (m.iatiCode !== null && latest.markers[m.code] !== undefined ? [{ vocabulary: '1', code: m.iatiCode, significance: String(latest.markers[m.code]), fix: ofLatest('markers') }] : []))
    : [];

  const budgets = stageBudgets(stages);

  const stageByAccount = new Map(stages.map((s) => [ledgerAccount.stage(s.id), s]));
  const partnerById = new Map(partners.map((x) => [x.id, x]));
  const provider = { ...agency, activityId: identifier };
  const receiverOf = (organisationId: string | undefined) => {
    const o = organisationId ? partnerById.get(organisationId) : undefined;
    return o ? { ref: organisationRef(o), type: o.organisationType, name: o.name } : undefined;
  };
  const transactions: IatiTransaction[] = [];
  for (const e of facts.ledger) {
    const from = parseLedgerAccount(e.fromAccount);
    const to = parseLedgerAccount(e.toAccount);
    const toStage = stageByAccount.get(e.toAccount);
    const fromStage = stageByAccount.get(e.fromAccount);
    const base = { date: e.paidOn ?? osloDate(e.postedAt), currency: e.currency, provider, fix: { record: 'ledgerEntry', id: e.id } as FixTarget };
    if (toStage && from?.kind === 'call') transactions.push({ ...base, type: '2', valueMinor: e.amountMinor, receiver: receiverOf(coordinator?.id) });
    else if (fromStage && to?.kind === 'call') transactions.push({ ...base, type: '2', valueMinor: -e.amountMinor, receiver: receiverOf(coordinator?.id) });
    else if (fromStage && to?.kind === 'partner') transactions.push({ ...base, type: '3', valueMinor: e.amountMinor, receiver: receiverOf(to.id) });
    else if (toStage && from?.kind === 'partner') transactions.push({ ...base, type: '3', valueMinor: -e.amountMinor, receiver: receiverOf(from.id) });
  }

  const goalApplication = [...stages].reverse().map((s) => s.applicationId).find((id) => facts.goals.some((g) => g.applicationId === id));
  const results: IatiResult[] = facts.goals
    .filter((g) => g.applicationId === goalApplication && g.indicators.length > 0)
    .map((g) => ({
      type: '2',
      title: [{ text: g.description }],
      fix: { record: 'application', id: g.applicationId, field: `goal-${g.id}` },
      indicators: g.indicators.map((i): IatiIndicator => {
        const measure = numeric.test(i.baseline.trim()) && numeric.test(i.target.trim()) ? '1' : '5';
        const valueOf = (text: string) => (measure === '1' ? { value: text.trim() } : { comment: [{ text }] });
        return {
          measure,
          title: [{ text: i.description }],
          baseline: plannedStart ? { year: Number(plannedStart.slice(0, 4)), isoDate: plannedStart, ...valueOf(i.baseline) } : undefined,
          periods: [
            ...(plannedStart && plannedEnd ? [{ start: plannedStart, end: plannedEnd, target: valueOf(i.target) }] : []),
            ...actualPeriods(facts.actuals.filter((x) => x.seriesId === i.seriesId), measure),
          ],
          fix: { record: 'application', id: g.applicationId, field: `indicator-${i.id}` },
        };
      }),
    }));

  const lastUpdated = new Date(Math.max(p.updatedAt.getTime(), ...applications.map((a) => a.updatedAt.getTime()), ...facts.ledger.map((e) => e.postedAt.getTime())));
  const summary = latest?.summary.trim();
  return {
    partnershipId: p.id,
    identifier,
    lastUpdated,
    defaultLanguage: 'en',
    defaultCurrency: stages[0]?.currency ?? 'NOK',
    reportingOrg: agency,
    title: [{ text: p.title }],
    descriptions: [{ type: '1', narratives: [{ text: summary || p.title }], fix: ofLatest('summary') }],
    participatingOrgs: [
      { ...agency, role: '1', fix: ofAgency },
      { ...agency, role: '3', fix: ofAgency },
      ...partners.map((x) => ({ ref: organisationRef(x), type: x.organisationType, name: x.name, role: '4', fix: { record: 'organisation', id: x.id, field: 'registrationNumber' } as FixTarget })),
    ],
    status: STATUS_CODES[p.status] ?? '2',
    dates,
    recipientCountries,
    sectors: sectorCode ? [{ vocabulary: '1', code: sectorCode, basisPoints: WHOLE_BASIS_POINTS, fix: latest ? ofLatest('sectorCode') : { ...ofPartnership, field: 'sectorCode' } }] : [],
    tags: [...goalsTagged.map((code) => ({ vocabulary: '2', code, fix: ofLatest('sdgGoals') })), ...targets.map((code) => ({ vocabulary: '3', code, fix: ofLatest('sdgTargets') }))],
    policyMarkers,
    budgets,
    transactions,
    results,
  };
}

/**
 * Budgets per round: each feasibility study and round its own amount, in periods of at most a year split by
 * days. A collaboration agreement is the envelope its rounds are granted from: what it holds beyond the
 * rounds granted so far is spread over the part of its period no granted stage covers yet, so that no two
 * budgets overlap and none is counted twice.
 */
export function stageBudgets(stages: ActivityFacts['stages']): IatiBudget[] {
  const budget = (s: ActivityFacts['stages'][number], start: string, end: string, valueMinor: number): IatiBudget => ({ type: '1', status: '2', start, end, valueMinor, currency: s.currency, valueDate: start, fix: { record: 'application', id: s.applicationId } });
  const split = (s: ActivityFacts['stages'][number], periods: { start: string; end: string; days: number }[], amount: number) => {
    const amounts = splitByWeights(amount, periods.map((x) => x.days));
    return periods.map((period, i) => budget(s, period.start, period.end, amounts[i]!));
  };
  const granted = stages.filter((s) => s.kind !== 'agreement');
  const out = granted.filter((s) => s.amountCeilingMinor > 0).flatMap((s) => split(s, yearlyPeriods(s.startsOn, s.endsOn), s.amountCeilingMinor));
  for (const agreement of stages.filter((s) => s.kind === 'agreement')) {
    const within = granted.filter((s) => s.startsOn >= agreement.startsOn && s.endsOn <= agreement.endsOn && s.currency === agreement.currency);
    const left = agreement.amountCeilingMinor - within.reduce((sum, s) => sum + s.amountCeilingMinor, 0);
    const gaps = uncovered(agreement, granted).flatMap((g) => yearlyPeriods(g.start, g.end));
    if (left > 0 && gaps.length) out.push(...split(agreement, gaps, left));
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/** The parts of a period (first and last day included) that none of `covers` covers. */
function uncovered(period: { startsOn: string; endsOn: string }, covers: readonly { startsOn: string; endsOn: string }[]): { start: string; end: string }[] {
  const gaps: { start: string; end: string }[] = [];
  let from = utc(period.startsOn);
  const last = utc(period.endsOn);
  for (const c of [...covers].sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    const cStart = utc(c.startsOn);
    const cEnd = utc(c.endsOn);
    if (cEnd < from || cStart > last) continue;
    if (cStart > from) gaps.push({ start: iso(from), end: iso(cStart - DAY) });
    from = Math.max(from, cEnd + DAY);
  }
  if (from <= last) gaps.push({ start: iso(from), end: iso(last) });
  return gaps;
}

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A period cut into consecutive parts of at most one year (a year from each part's first day, less a day), with their lengths in days. */
export function yearlyPeriods(start: string, end: string): { start: string; end: string; days: number }[] {
  const parts: { start: string; end: string; days: number }[] = [];
  let from = utc(start);
  const last = utc(end);
  if (!(last >= from)) return [{ start, end, days: 1 }];
  while (from <= last) {
    const d = new Date(from);
    const yearOn = Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()) - DAY;
    const to = Math.min(yearOn, last);
    parts.push({ start: iso(from), end: iso(to), days: Math.round((to - from) / DAY) + 1 });
    from = to + DAY;
  }
  return parts;
}
