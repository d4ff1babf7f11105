import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { numericCountryCode } from '../../core/stats/countries.ts';

/** The flow map's drawing area; the SVG scales to the width of the screen. */
export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 300;

export interface WorldMap {
  /**
   * Every country's outline as one path, coordinates rounded to whole units, in a standalone SVG file
   * (served at /statistics/world.svg and kept by browsers).
   */
  landSvg: string;
  /** A short hash of the land: the file's address carries it, so a new map is a new address. */
  landVersion: string;
  /** A country's point (the centroid of its largest part) by alpha-2 code, rounded to whole units. */
  point: (alpha2: string) => [number, number] | undefined;
}

let cached: WorldMap | undefined;

// Drawn as soon as the server has loaded the pages, not on the first visit: it takes about 300 ms (most of
// the statistics page's first request after a start, 530 ms at a million participants; bench/statistics.ts).
setTimeout(() => worldMap(), 0).unref();

/**
 * The world for the statistics page's flow map, from the maintained `world-atlas` package (Natural Earth
 * 1:110m countries as TopoJSON), drawn once per process with d3-geo (Equal Earth projection) and kept.
 * Antarctica is left out. Country points are d3's spherical centroid of the country's largest polygon, so
 * that Norway's point is on the mainland, not pulled north by Svalbard.
 */
export function worldMap(): WorldMap {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = topology.objects.countries;
  const kept: GeometryCollection<{ name: string }> = { ...countries, geometries: countries.geometries.filter((g) => g.id !== '010') };
  const collection = feature(topology, kept);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection).digits(0);
  const points = new Map<string, [number, number]>();
  for (const f of collection.features as Feature<Polygon | MultiPolygon, { name: string }>[]) {
    if (f.id === undefined || !f.geometry) continue;
    const largest: Feature<Polygon> =
      f.geometry.type === 'MultiPolygon'
        ? f.geometry.coordinates
            .map((coordinates): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }))
            .sort((a, b) => geoArea(b) - geoArea(a))[0]!
        : (f as Feature<Polygon>);
    const xy = projection(geoCentroid(largest));
    if (xy) points.set(String(f.id), [Math.round(xy[0]), Math.round(xy[1])]);
  }
  const land = compactPath(path(collection) ?? '');
  // Coloured here: a page's styles do not reach into an image.
  const landSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}"><path d="${land}" fill="#e3e7ec" stroke="#fff" stroke-width="0.5"/></svg>`;
  cached = {
    landSvg,
    landVersion: createHash('sha256').update(landSvg).digest('hex').slice(0, 12),
    point: (alpha2) => {
      const numeric = numericCountryCode(alpha2);
      return numeric ? points.get(numeric) : undefined;
    },
  };
  return cached;
}

/**
 * A path of absolute whole-number points ("M1,2L3,4Z" as d3 writes it) made small: relative moves, points
 * that rounding made equal dropped, and rings that rounding shrank to less than three points left out.
 */
export function compactPath(d: string): string {
  const out: string[] = [];
  for (const ring of d.split('Z')) {
    const points = ring
      .split(/[ML]/)
      .filter(Boolean)
      .map((p) => p.split(',').map(Number) as [number, number]);
    const kept = points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
    if (kept.length < 3) continue;
    let [x, y] = kept[0]!;
    let text = `M${x} ${y}l`;
    for (const [px, py] of kept.slice(1)) {
      const dx = px - x;
      const dy = py - y;
      text += ` ${dx} ${dy}`;
      [x, y] = [px, py];
    }
    out.push(`${text.replace(/l /, 'l').replace(/ -/g, '-')}z`);
  }
  return out.join('');
}
