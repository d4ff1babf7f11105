/**
 * A horizontal bar chart drawn as SVG on the server: one group of bars per row, one bar per series, a
 * scale from zero to the largest value. No JavaScript; the figures are in the table the page puts beside
 * it (the chart is an image with a title and a description for screen readers, the table is the data).
 */
export interface BarSeries {
  label: string;
  /** A modifier of `.bar-chart__bar--…` in app.css: its fill and its pattern. */
  tone: 'base' | 'accent' | 'strong';
}

export interface BarRow {
  label: string;
  /** null: a value that is not shown (a suppressed small count); no bar, and the chart's `missing` text. */
  values: (number | null)[];
}

const ROW_LABEL_WIDTH = 130;
const BAR_HEIGHT = 12;
const BAR_GAP = 2;
const GROUP_GAP = 14;
// Narrow enough that a phone shows its text at a readable size; a wide screen caps it (app.css).
const WIDTH = 480;
const LEGEND_HEIGHT = 28;

export function BarChart({ id, title, description, series, rows, format, missing = '' }: { id: string; title: string; description: string; series: BarSeries[]; rows: BarRow[]; format: (value: number) => string; missing?: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  const groupHeight = series.length * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
  const height = LEGEND_HEIGHT + rows.length * groupHeight;
  const plotWidth = WIDTH - ROW_LABEL_WIDTH - 100;
  const shorten = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {series.map((s, i) => (
          <g key={s.label} transform={`translate(${ROW_LABEL_WIDTH + i * 110}, 6)`}>
            <rect width="12" height="12" className={`bar-chart__bar bar-chart__bar--${s.tone}`} />
            <text x="18" y="10" className="bar-chart__legend">
              {s.label}
            </text>
          </g>
        ))}
        {rows.map((row, r) => {
          const top = LEGEND_HEIGHT + r * groupHeight;
          return (
            <g key={`${row.label}-${r}`} transform={`translate(0, ${top})`}>
              <text x={ROW_LABEL_WIDTH - 8} y={(series.length * (BAR_HEIGHT + BAR_GAP)) / 2 + 4} textAnchor="end" className="bar-chart__label">
                {shorten(row.label)}
              </text>
              {row.values.map((value, i) => {
                const w = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (value / max) * plotWidth);
                const y = i * (BAR_HEIGHT + BAR_GAP);
                return (
                  <g key={i}>
                    <rect x={ROW_LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} className={`bar-chart__bar bar-chart__bar--${series[i]?.tone ?? 'base'}`} />
                    <text x={ROW_LABEL_WIDTH + w + 4} y={y + BAR_HEIGHT - 2} className="bar-chart__value">
                      {value === null ? missing : format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </g>
    </svg>
  );
}
