import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.tsx';

const sdgName = '2 Objectif 2. Éliminer la faim, assurer la sécurité alimentaire, améliorer la nutrition et promouvoir l’agriculture durable';

function chart(rows: { label: string; values: (number | null)[] }[], format = (v: number) => String(v)) {
  const html = renderToString(
    <BarChart id="c" title="Résultats" description="Par objectif" series={[{ label: 'Femmes', tone: 'base' }, { label: 'Hommes', tone: 'accent' }]} rows={rows} format={format} missing="<5" />,
  );
  const width = Number(/viewBox="0 0 (\d+) /.exec(html)![1]);
  const texts = [...html.matchAll(/<text x="([\d.]+)" y="([\d.]+)"( text-anchor="end")? class="bar-chart__(label|value)">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), anchorEnd: Boolean(m[3]), kind: m[4], text: m[5]!.replace(/&lt;/g, '<') }));
  return { width, labels: texts.filter((t) => t.kind === 'label'), values: texts.filter((t) => t.kind === 'value') };
}

describe('the bar chart', () => {
  it('writes each row’s name on a line of its own from the chart’s start, shortened only past what the width holds', () => {
    const { labels } = chart([
      { label: sdgName, values: [22, 8] },
      { label: 'Health (ESTHER)', values: [42, 19] },
    ]);
    expect(labels.map((l) => [l.x, l.anchorEnd])).toEqual([
      [0, false],
      [0, false],
    ]);
    expect(labels[0]!.text).toBe('2 Objectif 2. Éliminer la faim, assurer la sécurité…');
    expect(labels[1]!.text).toBe('Health (ESTHER)');
  });

  it('leaves room after the longest bar for the longest figure, money included', () => {
    const money = (v: number) => `${String(v).replace(/\B(?=(\d{3})+$)/g, ' ')} kr`;
    const { width, values } = chart(
      [
        { label: 'Professional', values: [85_950_000, 7_350_000] },
        { label: 'Volunteer/Youth', values: [47_750_000, null] },
      ],
      money,
    );
    expect(values.map((v) => v.text)).toEqual(['85 950 000 kr', '7 350 000 kr', '47 750 000 kr', '<5']);
    // 7.2 units a character is the most a digit of the 12-unit text takes.
    for (const v of values) expect(v.x + v.text.length * 7.2).toBeLessThanOrEqual(width);
  });
});
