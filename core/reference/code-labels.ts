import { codelist, type CodelistName } from './codelists.ts';

export interface CodeLabel {
  code: string;
  name: string;
  /** The language the name is in: the reader's where the list has it, else English (for `lang`, WCAG 3.1.2). */
  lang: string;
}

/** Names for codes of one list, in the order given; a code the list does not know keeps the code as its name. */
export function codeLabels(list: CodelistName, codes: readonly string[], locale: string): CodeLabel[] {
  const items = new Map(codelist(list).map((item) => [item.code, item]));
  return codes.map((code) => {
    const names = items.get(code)?.names ?? {};
    if (names[locale]) return { code, name: names[locale], lang: locale };
    return { code, name: names.en ?? code, lang: 'en' };
  });
}
