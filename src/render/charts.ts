/**
 * Charts drawn with text, to sit above the report tables. They are drawings: the figures are in the table
 * under them, exact. The line chart (asciichart) spreads the points over the width of the terminal
 * (COLUMNS, else 80); colour only when allowed.
 */
import asciichart from 'asciichart';
import { fitWidth } from './text.js';

export interface Series {
  name: string;
  /** One value per point, in major units (a drawing needs no exactness). */
  values: number[];
}

export interface ChartStyle {
  color: boolean;
  columns: number;
}

const COLORS = [asciichart.blue, asciichart.green];
const RESET = '\u001b[0m';

/**
 * The points spread over `width` columns: straight lines between them when there are fewer points than
 * columns, a sample along those lines when there are more (a period of 97,200 months must not draw a line
 * 97,200 columns long).
 */
function stretch(values: readonly number[], width: number): number[] {
  if (values.length < 2 || width === values.length) return [...values];
  const stretched: number[] = [];
  for (let column = 0; column < width; column += 1) {
    const position = (column * (values.length - 1)) / (width - 1);
    const left = Math.floor(position);
    const right = Math.min(values.length - 1, left + 1);
    const weight = position - left;
    stretched.push((values[left] as number) * (1 - weight) + (values[right] as number) * weight);
  }
  return stretched;
}

function plotOf(series: readonly Series[], max: number, width: number, labelWidth: number, label: (value: number) => string, height: number, colors?: string[]): string {
  return asciichart.plot(
    series.map((s) => stretch(s.values, width)),
    {
      height,
      min: 0,
      max: max === 0 ? 1 : max,
      padding: ' '.repeat(labelWidth),
      format: (value) => label(value).padStart(labelWidth),
      ...(colors && { colors }),
    },
  );
}

/**
 * A line chart of several series over the same points, y labels from `label`, x labels under it and a
 * legend. In colour the series share one plot; without colour (NO_COLOR, a pipe) lines of one look could not
 * be told apart, so each series gets a plot of its own, on the same scale, under its name.
 */
export function lineChart(series: readonly Series[], xLabels: readonly string[], label: (value: number) => string, style: ChartStyle): string {
  // A loop, not Math.max(...values): a period of 97,200 months is too many arguments for one call.
  const max = series.reduce((highest, s) => s.values.reduce((a, b) => Math.max(a, b), highest), 0);
  const labelWidth = Math.max(label(max).length, label(0).length) + 1;
  const width = Math.max(2, Math.min(style.columns - labelWidth - 3, xLabels.length * 12));
  const axis = new Array<string>(width + labelWidth + 2).fill(' ');
  const step = xLabels.length > 1 ? (width - 1) / (xLabels.length - 1) : 0;
  const every = Math.max(1, Math.ceil((xLabels.length * 4) / width));
  xLabels.forEach((text, index) => {
    if (index % every !== 0) return;
    const start = labelWidth + 2 + Math.round(index * step) - Math.floor(text.length / 2);
    for (let offset = 0; offset < text.length; offset += 1) if (start + offset >= 0) axis[start + offset] = text[offset] as string;
  });
  const xAxis = axis.join('').trimEnd();
  const indent = ' '.repeat(labelWidth + 2);
  if (style.color) {
    // The lines carry the colours the legend promises (issue 9 item 19: they were drawn without them).
    const legend = series.map((s, index) => `${COLORS[index]}──${RESET} ${s.name}`).join('   ');
    return fitLines(`${plotOf(series, max, width, labelWidth, label, 10, COLORS.slice(0, series.length))}
${xAxis}
${indent}${legend}
`, style.columns);
  }
  return fitLines(series.map((s) => `${indent}${s.name}\n${plotOf([s], max, width, labelWidth, label, 6)}\n${xAxis}\n`).join('\n'), style.columns);
}

/** Every line within the width, whatever a long label or legend did. */
function fitLines(text: string, columns: number): string {
  return text
    .split('\n')
    .map((line) => fitWidth(line, columns))
    .join('\n');
}

/** Horizontal bars: one line each, label, bar scaled to the largest value, and the value's text. */
export function barChart(rows: readonly { label: string; value: number; text: string }[], style: ChartStyle): string {
  const labelWidth = rows.reduce((widest, row) => Math.max(widest, row.label.length), 0);
  const textWidth = rows.reduce((widest, row) => Math.max(widest, row.text.length), 0);
  const barWidth = Math.max(1, style.columns - labelWidth - textWidth - 4);
  const max = rows.reduce((highest, row) => Math.max(highest, row.value), 0);
  return rows
    .map((row) => {
      const length = max === 0 ? 0 : Math.round((row.value / max) * barWidth);
      const bar = '█'.repeat(length) + (row.value > 0 && length === 0 ? '▏' : '');
      const painted = style.color && bar ? `${asciichart.blue}${bar}${RESET}` : bar;
      return fitWidth(`${row.label.padEnd(labelWidth)}  ${painted}${' '.repeat(Math.max(0, barWidth - bar.length))}  ${row.text.padStart(textWidth)}`, style.columns);
    })
    .join('\n')
    .concat('\n');
}
