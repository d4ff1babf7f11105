/**
 * Text and attribute values for XML 1.0. Characters XML cannot carry at all (NUL, most C0 controls,
 * U+FFFE/U+FFFF, lone surrogates) are dropped, since no escape makes them legal; markup characters are
 * escaped. Whatever a user typed, the document stays well-formed.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character XML 1.0 does not allow removed. */
export function xmlChars(text: string): string {
  return text.replace(notXmlChar, '');
}

/** Element content: `&`, `<` and `>` escaped. */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value in double quotes: also `"`, and whitespace that attribute normalisation would turn into spaces. */
export function xmlAttr(text: string): string {
  return xmlChars(text).replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);
}

/** ` name="value"` for each attribute that has a value (undefined and null are left out). */
export function xmlAttrs(attrs: Record<string, string | number | undefined | null>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== null) out += ` ${name}="${xmlAttr(String(value))}"`;
  return out;
}
