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

const BAR_HEIGHT = 12;
const BAR_GAP = 2;
const GROUP_GAP = 12;
/** Each row's name sits on its own line above its bars, as wide as the chart: a name beside the bars had 120 units and was cut. */
const ROW_LABEL_HEIGHT = 16;
/** What a character of the 12-unit text takes at most, about: room is left after the longest bar for the longest figure. */
const CHARACTER_WIDTH = 7.2;
// About a phone's width, so that a phone shows the 12-unit text at about 11 px; a wide screen caps it (app.css).
const WIDTH = 360;
const LEGEND_HEIGHT = 28;
/** As many characters of a row's name as the chart's width holds; the whole name is in the table beside it. */
const LABEL_CHARACTERS = 52;

export function BarChart({ id, title, description, series, rows, format, missing = '' }: { id: string; title: string; description: string; series: BarSeries[]; rows: BarRow[]; format: (value: number) => string; missing?: string }) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  const groupHeight = ROW_LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
  const height = LEGEND_HEIGHT + rows.length * groupHeight;
  const figures = rows.map((r) => r.values.map((v) => (v === null ? missing : format(v))));
  const longest = Math.max(1, ...figures.flat().map((f) => f.length));
  const plotWidth = WIDTH - Math.min(WIDTH / 2, 8 + longest * CHARACTER_WIDTH);
  const legendStep = WIDTH / Math.max(3, series.length);
  const shorten = (text: string) => (text.length > LABEL_CHARACTERS ? `${text.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…` : text);
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {series.map((s, i) => (
          <g key={s.label} transform={`translate(${i * legendStep}, 6)`}>
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
              <text x="0" y={ROW_LABEL_HEIGHT - 4} className="bar-chart__label">
                {shorten(row.label)}
              </text>
              {row.values.map((value, i) => {
                const w = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (value / max) * plotWidth);
                const y = ROW_LABEL_HEIGHT + i * (BAR_HEIGHT + BAR_GAP);
                return (
                  <g key={i}>
                    <rect x="0" y={y} width={w} height={BAR_HEIGHT} className={`bar-chart__bar bar-chart__bar--${series[i]?.tone ?? 'base'}`} />
                    <text x={w + 4} y={y + BAR_HEIGHT - 2} className="bar-chart__value">
                      {figures[r]![i]}
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
