import { describe, expect, it } from 'vitest';
import { barChart, lineChart } from '../../src/render/charts.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'];
const series = [
  { name: 'invoiced', values: [1000, 2500, 1800, 3000, 2200, 4000] },
  { name: 'received', values: [0, 1200, 2400, 1500, 3100, 2600] },
];
const label = (value: number) => `${Math.round(value)} EUR`;
const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('charts', () => {
  it('draws two series in colour on one plot, with a legend', () => {
    const chart = lineChart(series, months, label, { color: true, columns: 60 });
    expect(chart).toMatchSnapshot();
    expect(chart).toContain('\u001b[34m──\u001b[0m invoiced');
    expect(chart).toContain('\u001b[32m──\u001b[0m received');
    // The lines themselves carry the legend's colours, not only the legend (issue 9 item 19).
    expect(chart).toMatch(/\u001b\[34m[╭╮╯╰─│]/);
    expect(chart).toMatch(/\u001b\[32m[╭╮╯╰─│]/);
  });

  it('draws each series apart, on one scale, without colour', () => {
    const chart = lineChart(series, months, label, { color: false, columns: 60 });
    expect(chart).toMatchSnapshot();
    expect(chart).not.toContain('\u001b[');
    expect(chart.match(/4000 EUR/g)).toHaveLength(2);
  });

  it('fits the width of the terminal, with more points than columns too', () => {
    const long = Array.from({ length: 1200 }, (_, index) => index * 10);
    const many = lineChart([{ name: 'invoiced', values: long }], long.map(() => 'Jan'), label, { color: true, columns: 80 });
    for (const line of many.split('\n')) expect(visible(line).length).toBeLessThanOrEqual(80);
    for (const columns of [40, 80, 120]) {
      const width = Math.max(...lineChart(series, months, label, { color: false, columns }).split('\n').map((line) => line.length));
      expect(width).toBeLessThanOrEqual(columns);
    }
  });

  it('draws bars scaled to the largest value', () => {
    const bars = barChart(
      [
        { label: 'Week 1', value: 300, text: '300.00 EUR' },
        { label: 'Week 2', value: 0, text: '0.00 EUR' },
        { label: 'Week 3', value: 150, text: '150.00 EUR' },
      ],
      { color: false, columns: 50 },
    );
    expect(bars).toMatchSnapshot();
    const lengths = bars.split('\n').slice(0, 3).map((line) => (line.match(/█/g) ?? []).length);
    expect(lengths[0]).toBe(2 * (lengths[2] as number));
    expect(lengths[1]).toBe(0);
  });
});
