import { spreadsheetCsv } from '../../core/files/spreadsheet-csv.ts';
import type { IatiCheckProblem } from '../../core/open-data/iati/iati-check-problem-row.ts';
import type { Translator } from '../../i18n/translator.ts';
import { iatiFixHref } from './iati-fix-link.ts';

/**
 * Every problem of the IATI preview in one CSV file, in the summary's order (errors first, rule by rule):
 * the kind, the rule, the activity with its identifier and page, the problem with its values, where in the
 * file, and where to fix it with the full address of that page. As the other downloads: csv-stringify,
 * UTF-8 with a byte-order mark, CRLF, a translated header, formulas escaped (a title may start with "="),
 * written as the problems are read.
 */
export function iatiProblemsCsv(t: Translator, publicUrl: string, problems: AsyncIterable<IatiCheckProblem>): ReadableStream<Uint8Array> {
  const absolute = (path: string | null) => (path ? new URL(path, publicUrl).href : '');
  const header = [
    t.t('openData.iati.column.severity'),
    t.t('openData.iati.column.rule'),
    t.t('openData.iati.column.activity'),
    t.t('openData.iati.csv.identifier'),
    t.t('openData.iati.csv.activityLink'),
    t.t('openData.iati.column.problem'),
    t.t('openData.iati.column.where'),
    t.t('openData.iati.column.fix'),
    t.t('openData.iati.csv.fixLink'),
  ];
  async function* rows() {
    yield header;
    for await (const p of problems) {
      const href = iatiFixHref(t.locale, p.fix);
      yield [
        t.t(`openData.iati.severity.${p.severity}`),
        t.t(`openData.iati.ruleHeading.${p.rule}`),
        p.title,
        p.identifier,
        absolute(`/${t.locale}/partnerships/${p.partnershipId}`),
        t.t(`openData.iati.rule.${p.rule}`, p.params),
        p.path,
        href ? t.t(`openData.iati.fix.${p.fix.record}`) : t.t('openData.iati.fix.agency'),
        absolute(href),
      ];
    }
  }
  return spreadsheetCsv(rows());
}
