import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogs, type MessageKey } from './catalogs.ts';
import type { Locale } from './locales.ts';

type TranslatedLocale = Exclude<Locale, 'en'>;

/**
 * Messages whose translation is rightly the same as the English text. Keep this list short:
 * every entry is a place where a forgotten English copy would go unnoticed.
 * Messages with no words of their own (only placeholders and punctuation, like
 * "{page} – {agency}" or "{agency}, {city}") need no entry: they are skipped below.
 */
const sameAsEnglish: Record<TranslatedLocale, readonly MessageKey[]> = {
  // "Administrator" and "Register" (a register of legal entities) are also Norwegian words (bokmål and nynorsk).
  nb: ['role.administrator', 'organisation.field.registrationScheme', 'partnerships.filter.status', 'partnerships.partner', 'application.field.status', 'application.partners.partner', 'course.participant.status', 'course.csv.status', 'participantList.filter.status', 'participantList.column.status', 'participantList.csv.status', 'participantList.csv.id', 'unitCosts.column.status', 'tranches.column.status', 'tranches.column.partner', 'statistics.region.asia', 'statistics.ageBand.under-25', 'results.column.partner', 'results.column.status'],
  nn: ['role.administrator', 'organisation.field.registrationScheme', 'partnerships.filter.status', 'application.field.status', 'course.participant.status', 'course.csv.status', 'participantList.filter.status', 'participantList.column.status', 'participantList.csv.status', 'participantList.csv.id', 'unitCosts.column.status', 'tranches.column.status', 'statistics.region.asia', 'statistics.ageBand.under-25', 'results.column.status'],
  fr: [
    // "Organisations" is French too (the open data's dataset).
    'openData.dataset.organisations.name',
    // "Programme" and "Code" are French words too (statistics).
    'statistics.filter.programme',
    'statistics.table.programme',
    'statistics.csv.code',
    'partnerships.programme',
    // "participant", "organisation", "invitation(s)", "administration" and "action(s)" are French words too.
    'home.figures.participants',
    'nav.participants',
    'role.participant',
    'invitations.field.participant',
    'organisations.column.name',
    'invitations.field.organisation',
    'nav.invitations',
    'invitations.title',
    'nav.admin',
    'admin.title',
    'admin.audit.action',
    'account.sessions.actions',
    'application.partners.column.name',
    'application.partners.column.actions',
    'application.plan.actions',
    'participantList.title',
    'participantList.filter.programme',
    'participantList.csv.programme',
    // "Programme" and "distance" are French words too.
    'unitCosts.column.programme',
    'unitCosts.column.distance',
    // "Action", "Programme" and "Code" are French words too.
    'results.column.action',
    'results.dimension.programme',
    'results.csv.code',
  ],
  es: [
    // "Asia" (statistics regions) is Spanish too.
    'statistics.region.asia',
    // "Triangular", "Roles" and "Sector" are Spanish words too.
    'home.shapes.triangular.title',
    'account.roles',
    'organisation.field.sector',
    // "No" (the answer) is Spanish too.
    'course.participant.attendedNo',
    'course.csv.no',
    // "Error" (a problem that makes the IATI file wrong) is Spanish too.
    'openData.iati.severity.error',
    // "Individual" is Spanish too.
    'results.level.individual',
  ],
};

/** True when the message has a letter outside its placeholders, in any plural or select branch. */
function hasOwnWords(elements: MessageFormatElement[]): boolean {
  return elements.some((el) => {
    if (el.type === TYPE.literal) return /\p{L}/u.test(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) return Object.values(el.options).some((option) => hasOwnWords(option.value));
    if (el.type === TYPE.tag) return hasOwnWords(el.children);
    return false;
  });
}

const english = catalogs.en;
const keys = Object.keys(english) as MessageKey[];
const translatedLocales = Object.keys(sameAsEnglish) as TranslatedLocale[];

describe('translations', () => {
  it.each(translatedLocales)('%s has no message left in English', (locale) => {
    const allowed = new Set(sameAsEnglish[locale]);
    const untranslated = keys.filter((key) => catalogs[locale][key] === english[key] && hasOwnWords(parse(english[key])) && !allowed.has(key));
    expect(untranslated).toEqual([]);
  });

  it.each(translatedLocales)('%s allowlist only holds messages that really are the same as English', (locale) => {
    // Once a message is translated differently, or its English text changes, its entry must go.
    const stale = sameAsEnglish[locale].filter((key) => catalogs[locale][key] !== english[key]);
    expect(stale).toEqual([]);
  });
});
