import { worldMap } from '../statistics/world-map.server.ts';

/**
 * /statistics/world.svg: the flow map's land, drawn once per process (world-map.server.ts). Its address
 * carries the drawing's hash (?v=…), so browsers may keep it for a year: the statistics page then weighs
 * 36 KB less on every visit after the first.
 */
export function loader() {
  return new Response(worldMap().landSvg, {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' },
  });
}
