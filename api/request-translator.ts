import type { Context } from 'hono';
import { catalogs, type MessageKey } from '../i18n/catalogs.ts';
import { negotiateLocale } from '../i18n/negotiate-locale.ts';
import { createTranslator, type MessageValues, type Translator } from '../i18n/translator.ts';

/** The API has no locale in its addresses: messages follow the request's Accept-Language. */
export function requestTranslator(c: Context): Translator {
  return createTranslator(negotiateLocale(c.req.header('accept-language')));
}

/** The first of `keys` that the catalogs define, translated; undefined when none is defined. */
export function firstMessage(t: Translator, keys: string[], values?: MessageValues): string | undefined {
  const key = keys.find((k) => k in catalogs.en);
  return key ? t.t(key as MessageKey, values) : undefined;
}
