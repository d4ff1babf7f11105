import type { FlowMapData } from './flow-map.server.ts';

/**
 * The world flow map as SVG, drawn on the server: countries in grey, a line per pair of countries with its
 * width by people and an arrowhead at the host. Norway ↔ South lines are solid, South ↔ South lines dashed
 * (and a different colour), so the two read apart without colour. The figures are in the table after it.
 */
export function FlowMap({ map, title, description, legendNorway, legendSouth }: { map: FlowMapData; title: string; description: string; legendNorway: string; legendSouth: string }) {
  return (
    <svg className="flow-map" viewBox={`0 0 ${map.width} ${map.height + 24}`} role="img" aria-labelledby="flow-map-title flow-map-desc" preserveAspectRatio="xMidYMid meet">
      <title id="flow-map-title">{title}</title>
      <desc id="flow-map-desc">{description}</desc>
      <defs>
        <marker id="flow-arrow-norway" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0 0L6 3L0 6z" className="flow-map__head--norway" />
        </marker>
        <marker id="flow-arrow-south" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0 0L6 3L0 6z" className="flow-map__head--south" />
        </marker>
      </defs>
      <g aria-hidden="true">
        <image href={map.landHref} x="0" y="0" width={map.width} height={map.height} />
        {map.lines.map((line) => (
          <path key={line.key} d={line.d} strokeWidth={line.width} className={`flow-map__line flow-map__line--${line.kind}`} markerEnd={`url(#flow-arrow-${line.kind})`} />
        ))}
        {map.dots.map(([x, y]) => (
          <circle key={`${x}-${y}`} cx={x} cy={y} r="2" className="flow-map__dot" />
        ))}
        <g transform={`translate(8, ${map.height + 10})`}>
          <path d="M0 0h28" strokeWidth="3" className="flow-map__line flow-map__line--norway" />
          <text x="34" y="4" className="flow-map__legend">
            {legendNorway}
          </text>
          <path d="M220 0h28" strokeWidth="3" className="flow-map__line flow-map__line--south" />
          <text x="254" y="4" className="flow-map__legend">
            {legendSouth}
          </text>
        </g>
      </g>
    </svg>
  );
}
