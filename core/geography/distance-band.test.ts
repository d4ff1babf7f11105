import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceBand, distanceBandCodes, distanceBands, wholeKilometres } from './distance-band.ts';

describe('distance bands', () => {
  it('has the seven bands, in order, with stable codes', () => {
    expect(distanceBandCodes).toEqual(['0-99', '100-499', '500-1999', '2000-2999', '3000-3999', '4000-7999', '8000+']);
  });

  it('puts each edge in the right band', () => {
    const cases: [number, string][] = [
      [0, '0-99'],
      [99, '0-99'],
      [100, '100-499'],
      [499, '100-499'],
      [500, '500-1999'],
      [1999, '500-1999'],
      [2000, '2000-2999'],
      [2999, '2000-2999'],
      [3000, '3000-3999'],
      [3999, '3000-3999'],
      [4000, '4000-7999'],
      [7999, '4000-7999'],
      [8000, '8000+'],
      [20_015, '8000+'],
    ];
    for (const [km, band] of cases) expect(distanceBand(km), `${km} km`).toBe(band);
  });

  it('rounds to whole kilometres first, so there are no gaps between bands', () => {
    expect(distanceBand(99.4)).toBe('0-99');
    expect(distanceBand(99.5)).toBe('100-499');
    expect(distanceBand(1999.49)).toBe('500-1999');
    expect(distanceBand(1999.5)).toBe('2000-2999');
    expect(distanceBand(7999.5)).toBe('8000+');
    expect(wholeKilometres(6337.6)).toBe(6338);
  });

  it('places every distance in exactly one band, whose limits hold it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 25_000, noNaN: true }), (km) => {
        const whole = Math.round(km);
        const holding = distanceBands.filter((b) => whole >= b.fromKm && (b.toKm === null || whole <= b.toKm));
        expect(holding.map((b) => b.code)).toEqual([distanceBand(km)]);
      }),
    );
  });

  it('refuses what is not a distance', () => {
    for (const km of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => distanceBand(km)).toThrow(RangeError);
  });
});
