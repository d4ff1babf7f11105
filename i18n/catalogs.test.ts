import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogsSource, messageAreas } from '../scripts/write-catalogs.ts';
import { catalogAreas, catalogs } from './catalogs.ts';
import { locales } from './locales.ts';

/** Every placeholder name in a message, including those inside plural and select branches. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      found.add(el.value);
      for (const option of Object.values(el.options)) placeholders(option.value, found);
    }
    if (el.type === TYPE.tag) placeholders(el.children, found);
  }
  return found;
}

const english = catalogs.en;
const keys = Object.keys(english).sort();

describe('message catalogs', () => {
  it.each(locales)('%s has every message and nothing more', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(keys);
  });

  it.each(locales)('%s defines each key in one area only', (locale) => {
    const seen = new Map<string, number>();
    for (const area of catalogAreas[locale]) for (const key of Object.keys(area)) seen.set(key, (seen.get(key) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
  });

  it.each(locales)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s uses the same placeholders as English in every message', (locale) => {
    const differing = keys.filter((key) => {
      const source = [...placeholders(parse(english[key as keyof typeof english]))].sort();
      const translated = [...placeholders(parse(catalogs[locale][key as keyof typeof english]))].sort();
      return JSON.stringify(source) !== JSON.stringify(translated);
    });
    expect(differing).toEqual([]);
  });

  it('has every message key that the code uses', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk('app');
    walk('core');
    walk('server');
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !(key in english))).toEqual([]);
  });

  it('is assembled from every area folder (scripts/write-catalogs.ts wrote it)', () => {
    expect(readFileSync('i18n/catalogs.ts', 'utf8')).toBe(catalogsSource(messageAreas()));
  });
});
