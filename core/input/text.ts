import { z } from 'zod';

/**
 * True when a string can be stored and shown as it is: no U+0000 (PostgreSQL refuses it in text) and no
 * lone UTF-16 surrogate (not Unicode at all: JSON columns and UTF-8 encoders refuse it).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/**
 * The one text rule for every input schema: text with a character that cannot be stored is refused with
 * `invalidCharacters` (a message naming the field, in the user's language), and what is kept is in
 * Unicode NFC, so "é" typed as e + accent and "é" typed as one character compare and sort alike.
 * Chain length and trimming rules after it as on `z.string()`.
 */
export function text() {
  return z.string().refine(isStorableText, { message: 'invalidCharacters', abort: true }).normalize('NFC');
}
