import { decimalAmount, percentFromBasisPoints } from './decimal-amount.ts';
import { xmlAttrs, xmlText } from './xml-text.ts';

/**
 * One IATI 2.03 activity as plain data: what `activityXml` writes and what `checkIatiRules` checks. Each
 * part says which record it comes from (`fix`), so a problem found in it links to the page to correct.
 */
export interface FixTarget {
  record: 'partnership' | 'application' | 'organisation' | 'ledgerEntry' | 'agency';
  id: string;
  /** The form field (an id on that page) the value is typed in, where there is one. */
  field?: string;
}

/** Text in one language; `lang` (ISO 639-1) left out where the text's language is the activity's default. */
export interface Narrative {
  lang?: string;
  text: string;
}

export interface IatiOrg {
  ref?: string;
  type?: string;
  name: string;
}

export interface IatiResultPeriod {
  start: string;
  end: string;
  target?: IatiValue;
  /**
   * The accepted round reports' values for the period: one, or one per gender (each with its `dimension`)
   * where the indicator counts people.
   */
  actuals?: IatiValue[];
}

export interface IatiValue {
  value?: string;
  /** Disaggregation (2.03 `dimension`): `sex` = `female` | `male` | `other`. */
  dimensions?: { name: string; value: string }[];
  comment?: Narrative[];
}

export interface IatiIndicator {
  /** IndicatorMeasure: 1 unit (a number), 5 qualitative. */
  measure: '1' | '5';
  title: Narrative[];
  baseline?: { year: number; isoDate?: string } & IatiValue;
  periods: IatiResultPeriod[];
  fix: FixTarget;
}

export interface IatiResult {
  /** ResultType: 1 output, 2 outcome, 3 impact. */
  type: string;
  title: Narrative[];
  indicators: IatiIndicator[];
  fix: FixTarget;
}

export interface IatiTransaction {
  /** TransactionType: 2 outgoing commitment, 3 disbursement. */
  type: string;
  date: string;
  valueMinor: number;
  currency: string;
  description?: Narrative[];
  provider: IatiOrg & { activityId?: string };
  receiver?: IatiOrg & { activityId?: string };
  fix: FixTarget;
}

export interface IatiBudget {
  /** BudgetType 1 original; BudgetStatus 2 committed. */
  type: string;
  status: string;
  start: string;
  end: string;
  valueMinor: number;
  currency: string;
  valueDate: string;
  fix: FixTarget;
}

export interface IatiActivity {
  partnershipId: string;
  identifier: string;
  lastUpdated: Date;
  defaultLanguage: string;
  defaultCurrency: string;
  reportingOrg: IatiOrg & { ref: string; type: string };
  title: Narrative[];
  descriptions: { type: string; narratives: Narrative[]; fix: FixTarget }[];
  participatingOrgs: (IatiOrg & { role: string; fix: FixTarget })[];
  /** ActivityStatus. */
  status: string;
  /** ActivityDateType 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
  dates: { type: string; isoDate: string; fix: FixTarget }[];
  recipientCountries: { code: string; basisPoints: number; fix: FixTarget }[];
  sectors: { vocabulary: string; code: string; basisPoints: number; fix: FixTarget }[];
  tags: { vocabulary: string; code: string; fix: FixTarget }[];
  policyMarkers: { vocabulary: string; code: string; significance: string; fix: FixTarget }[];
  budgets: IatiBudget[];
  transactions: IatiTransaction[];
  results: IatiResult[];
}

const narratives = (items: Narrative[]) => items.map((n) => `<narrative${xmlAttrs({ 'xml:lang': n.lang })}>${xmlText(n.text)}</narrative>`).join('');
const org = (tag: string, o: IatiOrg, extra: Record<string, string | undefined> = {}) => `<${tag}${xmlAttrs({ ref: o.ref, type: o.type, ...extra })}>${narratives([{ text: o.name }])}</${tag}>`;
const value = (tag: string, v: IatiValue) => {
  const inner = (v.dimensions ?? []).map((d) => `<dimension${xmlAttrs({ name: d.name, value: d.value })}/>`).join('') + (v.comment?.length ? `<comment>${narratives(v.comment)}</comment>` : '');
  return inner ? `<${tag}${xmlAttrs({ value: v.value })}>${inner}</${tag}>` : `<${tag}${xmlAttrs({ value: v.value })}/>`;
};

/** The activity as an `<iati-activity>` element, in the order the 2.03 schema's sequence asks for. */
export function activityXml(a: IatiActivity): string {
  const out: string[] = [];
  out.push(`<iati-activity${xmlAttrs({ 'last-updated-datetime': a.lastUpdated.toISOString().replace(/\.\d{3}Z$/, 'Z'), 'xml:lang': a.defaultLanguage, 'default-currency': a.defaultCurrency })}>`);
  out.push(`<iati-identifier>${xmlText(a.identifier)}</iati-identifier>`);
  out.push(`<reporting-org${xmlAttrs({ ref: a.reportingOrg.ref, type: a.reportingOrg.type, 'secondary-reporter': '0' })}>${narratives([{ text: a.reportingOrg.name }])}</reporting-org>`);
  out.push(`<title>${narratives(a.title)}</title>`);
  for (const d of a.descriptions) out.push(`<description${xmlAttrs({ type: d.type })}>${narratives(d.narratives)}</description>`);
  for (const p of a.participatingOrgs) out.push(org('participating-org', p, { role: p.role }));
  out.push(`<activity-status${xmlAttrs({ code: a.status })}/>`);
  for (const d of a.dates) out.push(`<activity-date${xmlAttrs({ type: d.type, 'iso-date': d.isoDate })}/>`);
  for (const c of a.recipientCountries) out.push(`<recipient-country${xmlAttrs({ code: c.code, percentage: percentFromBasisPoints(c.basisPoints) })}/>`);
  for (const s of a.sectors) out.push(`<sector${xmlAttrs({ vocabulary: s.vocabulary, code: s.code, percentage: percentFromBasisPoints(s.basisPoints) })}/>`);
  for (const t of a.tags) out.push(`<tag${xmlAttrs({ vocabulary: t.vocabulary, code: t.code })}/>`);
  for (const m of a.policyMarkers) out.push(`<policy-marker${xmlAttrs({ vocabulary: m.vocabulary, code: m.code, significance: m.significance })}/>`);
  for (const b of a.budgets) {
    out.push(
      `<budget${xmlAttrs({ type: b.type, status: b.status })}><period-start${xmlAttrs({ 'iso-date': b.start })}/><period-end${xmlAttrs({ 'iso-date': b.end })}/>` +
        `<value${xmlAttrs({ currency: b.currency, 'value-date': b.valueDate })}>${decimalAmount(b.valueMinor, b.currency)}</value></budget>`,
    );
  }
  for (const t of a.transactions) {
    out.push(
      `<transaction><transaction-type${xmlAttrs({ code: t.type })}/><transaction-date${xmlAttrs({ 'iso-date': t.date })}/>` +
        `<value${xmlAttrs({ currency: t.currency, 'value-date': t.date })}>${decimalAmount(t.valueMinor, t.currency)}</value>` +
        (t.description?.length ? `<description>${narratives(t.description)}</description>` : '') +
        org('provider-org', t.provider, { 'provider-activity-id': t.provider.activityId }) +
        (t.receiver ? org('receiver-org', t.receiver, { 'receiver-activity-id': t.receiver.activityId }) : '') +
        `</transaction>`,
    );
  }
  for (const r of a.results) {
    out.push(`<result${xmlAttrs({ type: r.type, 'aggregation-status': '0' })}><title>${narratives(r.title)}</title>`);
    for (const i of r.indicators) {
      out.push(`<indicator${xmlAttrs({ measure: i.measure })}><title>${narratives(i.title)}</title>`);
      if (i.baseline) out.push(value('baseline', i.baseline).replace('<baseline', `<baseline${xmlAttrs({ year: i.baseline.year, 'iso-date': i.baseline.isoDate })}`));
      for (const p of i.periods) {
        out.push(`<period><period-start${xmlAttrs({ 'iso-date': p.start })}/><period-end${xmlAttrs({ 'iso-date': p.end })}/>`);
        if (p.target) out.push(value('target', p.target));
        for (const actual of p.actuals ?? []) out.push(value('actual', actual));
        out.push('</period>');
      }
      out.push('</indicator>');
    }
    out.push('</result>');
  }
  out.push('</iati-activity>\n');
  return out.join('');
}

/** The document's start: the root element with the standard's version and when the file was made. */
export function activitiesHeader(generated: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities${xmlAttrs({ version: '2.03', 'generated-datetime': generated.toISOString().replace(/\.\d{3}Z$/, 'Z') })}>\n`;
}

export const activitiesFooter = '</iati-activities>\n';
