import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type CodelistName =
  | 'OrganisationType'
  | 'Sector'
  | 'OrganisationRegistrationAgency'
  | 'Country'
  | 'UNSDG-Goals'
  | 'UNSDG-Targets'
  | 'PolicyMarker'
  | 'PolicySignificance'
  | 'OrganisationRole'
  | 'ActivityStatus'
  | 'ActivityDateType'
  | 'TransactionType'
  | 'BudgetType'
  | 'BudgetStatus'
  | 'TagVocabulary'
  | 'PolicyMarkerVocabulary'
  | 'ResultType'
  | 'IndicatorMeasure'
  | 'Currency'
  | 'SectorVocabulary'
  | 'Language';

export interface CodelistItem {
  code: string;
  /** Names by language as the list has them (IATI lists carry English and sometimes French). */
  names: Record<string, string>;
  active: boolean;
}

type Narrative = string | { '#text': string; '@_xml:lang'?: string };
interface RawItem {
  code: string | number;
  name?: { narrative?: Narrative | Narrative[] };
  '@_status'?: string;
}

const cache = new Map<CodelistName, CodelistItem[]>();
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'codelist-item' || name === 'narrative' });

/** An IATI code list from reference/iati (read once per process, from the working directory). */
export function codelist(name: CodelistName): CodelistItem[] {
  const cached = cache.get(name);
  if (cached) return cached;
  const xml = readFileSync(join(process.cwd(), 'reference', 'iati', `${name}.xml`), 'utf8');
  const raw = parser.parse(xml) as { codelist: { 'codelist-items': { 'codelist-item': RawItem[] } } };
  const items = raw.codelist['codelist-items']['codelist-item'].map((item) => {
    const narratives = [item.name?.narrative ?? []].flat();
    const names: Record<string, string> = {};
    for (const n of narratives) {
      if (typeof n === 'string') names.en = n;
      else names[n['@_xml:lang'] ?? 'en'] = n['#text'];
    }
    return { code: String(item.code), names, active: item['@_status'] !== 'withdrawn' };
  });
  cache.set(name, items);
  return items;
}

export function isCode(name: CodelistName, code: string): boolean {
  return codelist(name).some((item) => item.code === code && item.active);
}

/** The item's name in the reader's language where the list has it, else English. */
export function codeName(item: CodelistItem, locale: string): string {
  return item.names[locale] ?? item.names.en ?? item.code;
}
