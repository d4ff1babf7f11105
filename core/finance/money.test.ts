import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyOverflowError, parseWholeAmount, shareOf, splitByWeights, sumMinor, timesQuantity } from './money.ts';

const amount = fc.integer({ min: -1e12, max: 1e12 });

describe('money in minor units', () => {
  it('splits add up to the whole, each part within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(amount, fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)), (total, weights) => {
        const parts = splitByWeights(total, weights);
        expect(sumMinor(parts)).toBe(total);
        const weightSum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / weightSum)).toBeLessThan(1 + 1e-6));
      }),
    );
  });

  it('splits 80/20 as a finance officer expects', () => {
    expect(splitByWeights(100_001, [8000, 2000])).toEqual([80_001, 20_000]);
    expect(splitByWeights(3, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(splitByWeights(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitByWeights(-5, [1, 1])).toEqual([-3, -2]);
  });

  it('rounds a share half away from zero, exactly', () => {
    expect(shareOf(150, 5000)).toBe(75);
    expect(shareOf(1, 5000)).toBe(1);
    expect(shareOf(-1, 5000)).toBe(-1);
    expect(shareOf(1_234_567, 700)).toBe(86_420);
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 10_000 }), (a, bp) => {
        expect(Math.abs(shareOf(a, bp) - (a * bp) / 10_000)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('a total is the sum of its lines whichever order they come in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1000 }))), (lines) => {
        const amounts = lines.map(([unit, quantity]) => timesQuantity(unit, quantity));
        expect(sumMinor(amounts)).toBe(sumMinor([...amounts].reverse()));
        expect(sumMinor(amounts)).toBe(amounts.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('refuses to lose precision rather than rounding silently', () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyOverflowError);
    expect(() => timesQuantity(Number.MAX_SAFE_INTEGER, 2)).toThrow(MoneyOverflowError);
    expect(() => sumMinor([0.5])).toThrow(MoneyOverflowError);
  });

  it('reads whole amounts as people type them', () => {
    expect(parseWholeAmount('2 400 000', 'NOK')).toBe(240_000_000);
    expect(parseWholeAmount('2.400.000', 'NOK')).toBe(240_000_000);
    expect(parseWholeAmount('12', 'JPY')).toBe(12);
    expect(parseWholeAmount('-4', 'NOK')).toBeNull();
    expect(parseWholeAmount('', 'NOK')).toBeNull();
    expect(parseWholeAmount('99999999999999', 'NOK')).toBeNull();
    expect(parseWholeAmount('12,5', 'NOK')).toBeNull();
    expect(parseWholeAmount('2 40 000', 'NOK')).toBeNull();
    expect(parseWholeAmount(' 12 500 000 ', 'NOK')).toBe(1_250_000_000);
  });
});
