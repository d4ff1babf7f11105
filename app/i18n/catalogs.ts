import en from './messages/en.json';
import es from './messages/es.json';
import fr from './messages/fr.json';
import nb from './messages/nb.json';
import nn from './messages/nn.json';
import type { Locale } from './locales.ts';

/** English is the source catalog: its keys are the type every other catalog must match. */
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export const catalogs: Record<Locale, Catalog> = { en, nb, nn, fr, es };
