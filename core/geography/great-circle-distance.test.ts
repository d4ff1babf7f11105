import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_MEAN_RADIUS_KM, greatCircleDistance, type Coordinates } from './great-circle-distance.ts';

const place: fc.Arbitrary<Coordinates> = fc.record({
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});
const halfCircumference = Math.PI * EARTH_MEAN_RADIUS_KM;

describe('great-circle distance', () => {
  it('is the same both ways', () => {
    fc.assert(
      fc.property(place, place, (a, b) => {
        expect(greatCircleDistance(a, b)).toBeCloseTo(greatCircleDistance(b, a), 6);
      }),
    );
  });

  it('is zero from a place to itself, and never negative', () => {
    fc.assert(
      fc.property(place, (a) => {
        expect(greatCircleDistance(a, a)).toBe(0);
      }),
    );
    fc.assert(
      fc.property(place, place, (a, b) => {
        expect(greatCircleDistance(a, b)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is never longer than going by a third place (triangle inequality)', () => {
    // Within a metre: near antipodal points the haversine's rounding comes to a few centimetres (fast-check
    // found 0.01 m between a point on the equator at 180° and two a few centimetres apart at 0°).
    fc.assert(
      fc.property(place, place, place, (a, b, c) => {
        expect(greatCircleDistance(a, c)).toBeLessThanOrEqual(greatCircleDistance(a, b) + greatCircleDistance(b, c) + 1e-3);
      }),
    );
  });

  it('is at most half the circumference, reached at the antipode', () => {
    fc.assert(
      fc.property(place, place, (a, b) => {
        expect(greatCircleDistance(a, b)).toBeLessThanOrEqual(halfCircumference + 1e-9);
      }),
    );
    expect(greatCircleDistance({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(halfCircumference, 6);
    expect(greatCircleDistance({ latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 })).toBeCloseTo(halfCircumference, 6);
  });

  it('gives a quarter of the circumference from the equator to a pole, wherever on the equator', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), (longitude) => {
        expect(greatCircleDistance({ latitude: 0, longitude }, { latitude: 90, longitude: 0 })).toBeCloseTo(halfCircumference / 2, 6);
      }),
    );
  });

  it('refuses what is not a place on Earth', () => {
    expect(() => greatCircleDistance({ latitude: 91, longitude: 0 }, { latitude: 0, longitude: 0 })).toThrow(RangeError);
    expect(() => greatCircleDistance({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: Number.NaN })).toThrow(RangeError);
  });
});
