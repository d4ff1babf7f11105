import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };
import applicationsEn from './messages/applications/en.json' with { type: 'json' };
import applicationsEs from './messages/applications/es.json' with { type: 'json' };
import applicationsFr from './messages/applications/fr.json' with { type: 'json' };
import applicationsNb from './messages/applications/nb.json' with { type: 'json' };
import applicationsNn from './messages/applications/nn.json' with { type: 'json' };
import chainEn from './messages/partnership-chain/en.json' with { type: 'json' };
import chainEs from './messages/partnership-chain/es.json' with { type: 'json' };
import chainFr from './messages/partnership-chain/fr.json' with { type: 'json' };
import chainNb from './messages/partnership-chain/nb.json' with { type: 'json' };
import chainNn from './messages/partnership-chain/nn.json' with { type: 'json' };
import participantListEn from './messages/participant-list/en.json' with { type: 'json' };
import participantListEs from './messages/participant-list/es.json' with { type: 'json' };
import participantListFr from './messages/participant-list/fr.json' with { type: 'json' };
import participantListNb from './messages/participant-list/nb.json' with { type: 'json' };
import participantListNn from './messages/participant-list/nn.json' with { type: 'json' };
import participantsEn from './messages/participants/en.json' with { type: 'json' };
import participantsEs from './messages/participants/es.json' with { type: 'json' };
import participantsFr from './messages/participants/fr.json' with { type: 'json' };
import participantsNb from './messages/participants/nb.json' with { type: 'json' };
import participantsNn from './messages/participants/nn.json' with { type: 'json' };
import programmesEn from './messages/programmes/en.json' with { type: 'json' };
import programmesEs from './messages/programmes/es.json' with { type: 'json' };
import programmesFr from './messages/programmes/fr.json' with { type: 'json' };
import programmesNb from './messages/programmes/nb.json' with { type: 'json' };
import programmesNn from './messages/programmes/nn.json' with { type: 'json' };
import reviewEn from './messages/review/en.json' with { type: 'json' };
import reviewEs from './messages/review/es.json' with { type: 'json' };
import reviewFr from './messages/review/fr.json' with { type: 'json' };
import reviewNb from './messages/review/nb.json' with { type: 'json' };
import reviewNn from './messages/review/nn.json' with { type: 'json' };
import type { Locale } from './locales.ts';

/**
 * One catalog per locale, assembled from one file per area (messages/<area>/<locale>.json) so that
 * areas can be written side by side. catalogs.test.ts fails when two areas define the same key.
 */
export const catalogAreas = {
  en: [en, applicationsEn, chainEn, participantsEn, participantListEn, programmesEn, reviewEn],
  nb: [nb, applicationsNb, chainNb, participantsNb, participantListNb, programmesNb, reviewNb],
  nn: [nn, applicationsNn, chainNn, participantsNn, participantListNn, programmesNn, reviewNn],
  fr: [fr, applicationsFr, chainFr, participantsFr, participantListFr, programmesFr, reviewFr],
  es: [es, applicationsEs, chainEs, participantsEs, participantListEs, programmesEs, reviewEs],
} as const;

const english = { ...en, ...applicationsEn, ...chainEn, ...participantsEn, ...participantListEn, ...programmesEn, ...reviewEn };

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

/** True when `key` names a message: for keys built from what a request sent (`?saved=…`), which may name none. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.en, key);
}
