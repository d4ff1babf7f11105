/** Letters that Unicode does not split into a base letter and an accent, written as their plain form. */
const plainLetters: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n' };

/**
 * A place name as it is compared, case and accents set aside: "Førde", "FORDE" and "forde" are all
 * "forde", "Cobán" is "coban", "Port-aux-Français" is "port aux francais". Apostrophes go ("Mek'ele" is
 * "mekele"); other punctuation and runs of spaces become one space.
 */
export function placeNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßđðłþıħŧŋ]/g, (c) => plainLetters[c]!)
    .replace(/['’ʼ‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same name written the same way, case and spacing aside: "Santa bárbara" is "Santa Bárbara", "Santa Barbara" is not. */
export function sameSpelling(a: string, b: string): boolean {
  const plain = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return plain(a) === plain(b);
}
