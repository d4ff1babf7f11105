import { describe, expect, it } from 'vitest';
import { parseWholeAmount, wholeToMinor } from './whole-amount.ts';

describe('parseWholeAmount', () => {
  it.each([
    ['30000000', 30_000_000],
    ['30 000 000', 30_000_000],
    ['30\u00a0000\u00a0000', 30_000_000],
    ['30\u202f000\u202f000', 30_000_000],
    ['30.000.000', 30_000_000],
    ['30,000,000', 30_000_000],
    ["2'000'000", 2_000_000],
    ['  NOK 2 000 000 ', 2_000_000],
    ['12 000 000 kr', 12_000_000],
    ['450 000,-', 450_000],
    ['999', 999],
  ])('reads %j as %d', (text, expected) => {
    expect(parseWholeAmount(text)).toBe(expected);
  });

  it.each(['', 'thirty million', '30,5', '30 000,50', '3 00 000', '30 000.000', '-5', '0', '1e9', '30 000 000 000 000'])('refuses %j', (text) => {
    expect(parseWholeAmount(text)).toBeNull();
  });

  it('stores kroner as øre', () => {
    expect(wholeToMinor(30_000_000)).toBe(3_000_000_000);
  });
});
