/**
 * Writes i18n/catalogs.ts from the message files: i18n/messages/<locale>.json, then one folder per area
 * (i18n/messages/<area>/<locale>.json) in alphabetical order. Run it after adding an area:
 * `npx tsx scripts/write-catalogs.ts`. i18n/catalogs.test.ts fails when the file is not what this writes.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const locales = ['en', 'nb', 'nn', 'fr', 'es'] as const;
const root = fileURLToPath(new URL('../i18n/', import.meta.url));

const camel = (area: string) => area.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function catalogsSource(areas: string[]): string {
  const name = (area: string | null, locale: string) => (area ? `${camel(area)}${capital(locale)}` : locale);
  const imports: string[] = [];
  for (const locale of [...locales].sort()) imports.push(`import ${locale} from './messages/${locale}.json' with { type: 'json' };`);
  for (const area of areas) for (const locale of [...locales].sort()) imports.push(`import ${name(area, locale)} from './messages/${area}/${locale}.json' with { type: 'json' };`);
  const list = (locale: string) => [locale, ...areas.map((a) => name(a, locale))];
  return `${imports.join('\n')}
import type { Locale } from './locales.ts';

/**
 * One catalog per locale, assembled from one file per area (messages/<area>/<locale>.json) so that
 * areas can be written side by side. catalogs.test.ts fails when two areas define the same key.
 * Written by scripts/write-catalogs.ts: run it after adding an area, do not edit by hand.
 */
export const catalogAreas = {
${locales.map((l) => `  ${l}: [${list(l).join(', ')}],`).join('\n')}
} as const;

const english = { ${list('en').map((n) => `...${n}`).join(', ')} };

/** English is the source catalog: its keys are the type every other catalog must match. */
export type MessageKey = keyof typeof english;
export type Catalog = Record<MessageKey, string>;

const merge = (areas: readonly object[]) => Object.assign({}, ...areas) as Catalog;

export const catalogs: Record<Locale, Catalog> = {
  en: english,
  nb: merge(catalogAreas.nb),
  nn: merge(catalogAreas.nn),
  fr: merge(catalogAreas.fr),
  es: merge(catalogAreas.es),
};

/** True when \`key\` names a message: for keys built from what a request sent (\`?saved=…\`), which may name none. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.en, key);
}
`;
}

export function messageAreas(): string[] {
  const dir = join(root, 'messages');
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, 'catalogs.ts'), catalogsSource(messageAreas()));
}
