import type { Flow } from '../../core/stats/get-participant-statistics.ts';
import { MAP_HEIGHT, MAP_WIDTH, worldMap } from './world-map.server.ts';

export interface FlowLine {
  key: string;
  /** A curve from the home country's point to the host country's, bending to its right so that both directions show. */
  d: string;
  width: number;
  /** Norway ↔ South, or South ↔ South (and the rare other). */
  kind: 'norway' | 'south';
}

export interface FlowMapData {
  width: number;
  height: number;
  /** The land, an image the browser keeps (36 KB that each page would otherwise carry). */
  landHref: string;
  lines: FlowLine[];
  /** The countries' points, for a dot on each country people went from or to. */
  dots: [number, number][];
}

// Thin and half-transparent: with a hundred flows drawn at once, wide opaque lines merged into one blot.
const MIN_WIDTH = 0.5;
const MAX_WIDTH = 6;

/**
 * The flow map's lines: one per pair of countries, its width by people (by area: the square root, so that
 * a flow of four times as many people is twice as wide), a suppressed flow drawn at the thinnest width. The
 * widest lines go first so that thin ones stay visible on top. Countries the 1:110m map lacks get no line
 * (the table beside the map has every flow).
 */
export function flowMapData(flows: Flow[]): FlowMapData {
  const map = worldMap();
  const max = Math.max(1, ...flows.map((f) => f.people ?? 0));
  const lines: (FlowLine & { people: number })[] = [];
  const dots = new Map<string, [number, number]>();
  for (const flow of flows) {
    const from = map.point(flow.home);
    const to = map.point(flow.host);
    if (!from || !to) continue;
    dots.set(flow.home, from);
    dots.set(flow.host, to);
    const [x1, y1] = from;
    const [x2, y2] = to;
    const [dx, dy] = [x2 - x1, y2 - y1];
    // The control point: off the middle, to the right of the direction of travel, by a fifth of the length.
    const cx = Math.round((x1 + x2) / 2 - dy * 0.2);
    const cy = Math.round((y1 + y2) / 2 + dx * 0.2);
    const people = flow.people ?? 0;
    lines.push({
      key: `${flow.home}-${flow.host}`,
      d: `M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}`,
      width: Math.round((MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.sqrt(people / max)) * 10) / 10,
      kind: flow.direction === 'south-south' ? 'south' : 'norway',
      people,
    });
  }
  lines.sort((a, b) => b.people - a.people);
  return { width: MAP_WIDTH, height: MAP_HEIGHT, landHref: `/statistics/world.svg?v=${map.landVersion}`, lines: lines.map(({ people: _, ...line }) => line), dots: [...dots.values()] };
}
