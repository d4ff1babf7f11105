import { isCode, type CodelistName } from '../../reference/codelists.ts';
import type { FixTarget, IatiActivity } from './iati-activity.ts';

/** The standard's rules that the XML Schema cannot express, each with a code the catalogs name (`openData.iati.rule.*`). */
export const IATI_RULES = [
  'identifierPrefix',
  'countryPercentages',
  'sectorPercentages',
  'recipientMissing',
  'sectorMissing',
  'dateOrder',
  'actualDateInFuture',
  'budgetPeriodOrder',
  'budgetPeriodTooLong',
  'budgetOutsideActivity',
  'budgetOverlap',
  'transactionDateInFuture',
  'codeNotInList',
  'organisationIdentifierMissing',
  'descriptionMissing',
] as const;
export type IatiRule = (typeof IATI_RULES)[number];

export interface IatiProblem {
  rule: IatiRule;
  /** An error makes the file wrong by the standard; a warning makes it poorer (IATI's validator says the same). */
  severity: 'error' | 'warning';
  partnershipId: string;
  identifier: string;
  /** Where in the activity, as an XPath from `iati-activity` (budget[2]/period-end/@iso-date). */
  path: string;
  params: Record<string, string | number>;
  fix: FixTarget;
}

const WARNINGS: ReadonlySet<IatiRule> = new Set(['organisationIdentifierMissing', 'descriptionMissing']);

/** A rule's severity: every problem it finds has the same. */
export function iatiRuleSeverity(rule: IatiRule): IatiProblem['severity'] {
  return WARNINGS.has(rule) ? 'warning' : 'error';
}
const ONE_YEAR_LATER = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
};

/**
 * Every problem of one activity at once, by the IATI Standard's rules beyond its schema: percentages that
 * add up to 100, dates in order and not in the future when actual, budget periods of at most a year inside
 * the activity and not overlapping, identifiers prefixed with the reporting organisation's, and codes from their code lists.
 * Pure: `today` is the publisher's date (Europe/Oslo).
 */
export function checkIatiRules(a: IatiActivity, today: string): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const add = (rule: IatiRule, path: string, fix: FixTarget, params: Record<string, string | number> = {}) =>
    problems.push({ rule, severity: iatiRuleSeverity(rule), partnershipId: a.partnershipId, identifier: a.identifier, path, params, fix });
  const ofPartnership: FixTarget = { record: 'partnership', id: a.partnershipId };
  const code = (list: CodelistName, value: string, path: string, fix: FixTarget) => {
    if (!isCode(list, value)) add('codeNotInList', path, fix, { list, code: value });
  };

  if (!a.identifier.startsWith(`${a.reportingOrg.ref}-`)) add('identifierPrefix', 'iati-identifier', { record: 'agency', id: a.reportingOrg.ref }, { prefix: a.reportingOrg.ref, identifier: a.identifier });

  code('Language', a.defaultLanguage, '@xml:lang', ofPartnership);
  code('Currency', a.defaultCurrency, '@default-currency', ofPartnership);
  code('OrganisationType', a.reportingOrg.type, 'reporting-org/@type', { record: 'agency', id: a.reportingOrg.ref });
  if (a.descriptions.every((d) => d.narratives.every((n) => !n.text.trim() || a.title.some((t) => t.text === n.text)))) add('descriptionMissing', 'description', a.descriptions[0]?.fix ?? ofPartnership);

  a.participatingOrgs.forEach((o, i) => {
    const path = `participating-org[${i + 1}]`;
    code('OrganisationRole', o.role, `${path}/@role`, o.fix);
    if (o.type) code('OrganisationType', o.type, `${path}/@type`, o.fix);
    if (!o.ref) add('organisationIdentifierMissing', `${path}/@ref`, o.fix, { name: o.name });
  });

  code('ActivityStatus', a.status, 'activity-status/@code', ofPartnership);
  const date = (type: string) => a.dates.find((d) => d.type === type);
  a.dates.forEach((d, i) => {
    code('ActivityDateType', d.type, `activity-date[${i + 1}]/@type`, d.fix);
    if ((d.type === '2' || d.type === '4') && d.isoDate > today) add('actualDateInFuture', `activity-date[${i + 1}]/@iso-date`, d.fix, { date: d.isoDate });
  });
  for (const [startType, endType] of [['1', '3'], ['2', '4']] as const) {
    const start = date(startType);
    const end = date(endType);
    if (start && end && end.isoDate < start.isoDate) add('dateOrder', `activity-date[@type='${endType}']/@iso-date`, end.fix, { start: start.isoDate, end: end.isoDate });
  }

  if (a.recipientCountries.length === 0) add('recipientMissing', 'recipient-country', ofPartnership);
  a.recipientCountries.forEach((c, i) => code('Country', c.code, `recipient-country[${i + 1}]/@code`, c.fix));
  const countryTotal = a.recipientCountries.reduce((sum, c) => sum + c.basisPoints, 0);
  if (a.recipientCountries.length > 0 && countryTotal !== 10_000) add('countryPercentages', 'recipient-country/@percentage', a.recipientCountries[0]!.fix, { total: countryTotal / 100 });

  if (a.sectors.length === 0) add('sectorMissing', 'sector', ofPartnership);
  a.sectors.forEach((s, i) => {
    code('SectorVocabulary', s.vocabulary, `sector[${i + 1}]/@vocabulary`, s.fix);
    if (s.vocabulary === '1') code('Sector', s.code, `sector[${i + 1}]/@code`, s.fix);
  });
  for (const vocabulary of new Set(a.sectors.map((s) => s.vocabulary))) {
    const inVocabulary = a.sectors.filter((s) => s.vocabulary === vocabulary);
    const total = inVocabulary.reduce((sum, s) => sum + s.basisPoints, 0);
    if (total !== 10_000) add('sectorPercentages', `sector[@vocabulary='${vocabulary}']/@percentage`, inVocabulary[0]!.fix, { total: total / 100, vocabulary });
  }

  a.tags.forEach((t, i) => {
    code('TagVocabulary', t.vocabulary, `tag[${i + 1}]/@vocabulary`, t.fix);
    if (t.vocabulary === '2') code('UNSDG-Goals', t.code, `tag[${i + 1}]/@code`, t.fix);
    if (t.vocabulary === '3') code('UNSDG-Targets', t.code, `tag[${i + 1}]/@code`, t.fix);
  });
  a.policyMarkers.forEach((m, i) => {
    code('PolicyMarkerVocabulary', m.vocabulary, `policy-marker[${i + 1}]/@vocabulary`, m.fix);
    if (m.vocabulary === '1') code('PolicyMarker', m.code, `policy-marker[${i + 1}]/@code`, m.fix);
    code('PolicySignificance', m.significance, `policy-marker[${i + 1}]/@significance`, m.fix);
  });

  const activityStart = date('1')?.isoDate ?? date('2')?.isoDate;
  const activityEnd = date('3')?.isoDate ?? date('4')?.isoDate;
  a.budgets.forEach((b, i) => {
    const path = `budget[${i + 1}]`;
    code('BudgetType', b.type, `${path}/@type`, b.fix);
    code('BudgetStatus', b.status, `${path}/@status`, b.fix);
    code('Currency', b.currency, `${path}/value/@currency`, b.fix);
    if (b.end < b.start) add('budgetPeriodOrder', `${path}/period-end/@iso-date`, b.fix, { start: b.start, end: b.end });
    else if (b.end >= ONE_YEAR_LATER(b.start)) add('budgetPeriodTooLong', `${path}/period-end/@iso-date`, b.fix, { start: b.start, end: b.end });
    if ((activityStart && b.start < activityStart) || (activityEnd && b.end > activityEnd)) add('budgetOutsideActivity', `${path}/period-start/@iso-date`, b.fix, { start: b.start, end: b.end, activityStart: activityStart ?? '', activityEnd: activityEnd ?? '' });
  });

  a.budgets.forEach((b, i) => {
    const earlier = a.budgets.findIndex((o, j) => j < i && o.type === b.type && o.start <= b.end && b.start <= o.end);
    if (earlier >= 0) add('budgetOverlap', `budget[${i + 1}]/period-start/@iso-date`, b.fix, { start: b.start, end: b.end, otherStart: a.budgets[earlier]!.start, otherEnd: a.budgets[earlier]!.end });
  });

  a.transactions.forEach((t, i) => {
    const path = `transaction[${i + 1}]`;
    code('TransactionType', t.type, `${path}/transaction-type/@code`, t.fix);
    code('Currency', t.currency, `${path}/value/@currency`, t.fix);
    if (t.date > today) add('transactionDateInFuture', `${path}/transaction-date/@iso-date`, t.fix, { date: t.date });
    if (t.provider.activityId !== undefined && !t.provider.activityId.startsWith(`${a.reportingOrg.ref}-`)) add('identifierPrefix', `${path}/provider-org/@provider-activity-id`, t.fix, { prefix: a.reportingOrg.ref, identifier: t.provider.activityId });
  });

  a.results.forEach((r, i) => {
    code('ResultType', r.type, `result[${i + 1}]/@type`, r.fix);
    r.indicators.forEach((ind, j) => code('IndicatorMeasure', ind.measure, `result[${i + 1}]/indicator[${j + 1}]/@measure`, ind.fix));
  });
  return problems;
}
