/**
 * Tables for people, fitted to the width of the terminal (`io.columns`: COLUMNS, else the terminal's, else 80).
 * On a terminal: box-drawn borders, a line under the header and none between rows, colour when allowed.
 * Piped: no borders, columns separated by two spaces, no colour, so `grep` and `awk` work on the lines.
 *
 * Fitting, in this order, until every line is within the width:
 *   1. columns marked `shrink` (names, descriptions, emails, errors) are cut with "…", the widest first,
 *      down to 20 characters (or their header);
 *   2. columns with a `drop` rank are left out: empty ones first, then the lowest rank (e.g. the issue date
 *      before the due date); --json and --csv always have every field;
 *   3. if that is not enough, the same again with free text cut down to 12 characters;
 *   4. as a last resort (a terminal of 20 columns), each line is cut at the width.
 * Amounts are never cut in steps 1 and 2, and always align right. Every cell's text is made safe for a
 * terminal here (control characters shown as "?"), whatever the caller did: stored text is untrusted.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { cell, displayWidth, fitWidth, wrap } from './text.js';

export interface TableStyle {
  stdoutIsTTY: boolean;
  color: boolean;
  /** The width to fit: the terminal's columns. */
  columns: number;
  /** false when stdout is piped and COLUMNS is not set: tables keep every column, whole. */
  fitTables?: boolean;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Free text that may be cut with "…" to fit the width. */
  shrink?: boolean;
  /** May be left out when the table cannot fit otherwise; the lowest rank goes first. */
  drop?: number;
}

/** A cell: plain text, or text with a colour applied after it has been fitted (so colour never counts as width). */
export type Cell = string | { text: string; paint: (text: string) => string };

export function colors(style: Pick<TableStyle, 'color'>): ChalkInstance {
  return new Chalk({ level: style.color ? 1 : 0 });
}

/** Free text is first cut to no less than 20 characters, columns dropped before it goes shorter; then 12. */
const SHRINK_FLOORS = [20, 12];
const MIN_SHRINK = 12;
const PLAIN_GAP = 2;

interface Layout {
  /** Indexes of the columns shown. */
  shown: number[];
  widths: number[];
}

function naturalWidths(columns: readonly Column[], texts: readonly string[][]): number[] {
  return columns.map((column, index) => texts.reduce((widest, row) => Math.max(widest, displayWidth(row[index] ?? '')), displayWidth(column.header)));
}

/** Widths for the shown columns within `available` characters of cell text, or undefined when they cannot fit. */
function fitColumns(columns: readonly Column[], natural: readonly number[], shown: readonly number[], available: number, floor: number): number[] | undefined {
  const widths = shown.map((index) => natural[index] as number);
  const total = () => widths.reduce((sum, width) => sum + width, 0);
  if (total() <= available) return widths;
  const minimum = shown.map((index, at) => (columns[index]?.shrink ? Math.min(widths[at] as number, Math.max(floor, displayWidth(columns[index]?.header ?? ''))) : (widths[at] as number)));
  if (minimum.reduce((sum, width) => sum + width, 0) > available) return undefined;
  // Take one character at a time from the widest column that may still shrink: the long ones give first.
  let excess = total() - available;
  while (excess > 0) {
    let widest = -1;
    for (let at = 0; at < widths.length; at += 1) {
      if ((widths[at] as number) > (minimum[at] as number) && (widest === -1 || (widths[at] as number) > (widths[widest] as number))) widest = at;
    }
    widths[widest] = (widths[widest] as number) - 1;
    excess -= 1;
  }
  return widths;
}

function layout(columns: readonly Column[], texts: readonly string[][], width: number, overhead: (count: number) => number): Layout {
  const natural = naturalWidths(columns, texts);
  // A column with nothing in it (blank or "-" in every row) goes before one that holds figures.
  const empty = (index: number) => texts.every((row) => row[index] === '' || row[index] === '-');
  const dropOrder = columns
    .map((_, index) => index)
    .filter((index) => columns[index]?.drop !== undefined)
    .sort((a, b) => Number(empty(b)) - Number(empty(a)) || (columns[a]?.drop as number) - (columns[b]?.drop as number));
  for (const floor of SHRINK_FLOORS) {
    const shown = columns.map((_, index) => index);
    const droppable = [...dropOrder];
    for (;;) {
      const widths = fitColumns(columns, natural, shown, width - overhead(shown.length), floor);
      if (widths) return { shown, widths };
      const next = droppable.shift();
      if (next === undefined) break;
      shown.splice(shown.indexOf(next), 1);
    }
  }
  const shown = columns.map((_, index) => index).filter((index) => !dropOrder.includes(index));
  // Nothing left to drop: shrink what may shrink to its minimum and let the lines be cut at the width.
  const widths = shown.map((index) => (columns[index]?.shrink ? Math.min(natural[index] as number, MIN_SHRINK) : (natural[index] as number)));
  return { shown, widths };
}

function pad(text: string, width: number, align: 'left' | 'right' | undefined): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly Cell[])[], style: TableStyle): string {
  const paint = colors(style);
  const texts = rows.map((row) => columns.map((_, index) => cell(textOf(row[index]))));
  const boxed = style.stdoutIsTTY;
  const overhead = (count: number) => (boxed ? 3 * count + 1 : PLAIN_GAP * (count - 1));
  // Piped without COLUMNS: every column, whole, so scripts see the same fields whatever the width.
  const fit = style.fitTables !== false;
  const { shown, widths } = layout(columns, texts, fit ? style.columns : Number.MAX_SAFE_INTEGER, overhead);
  const line = (cells: string[]) => (boxed ? `│ ${cells.join(' │ ')} │` : cells.join(' '.repeat(PLAIN_GAP)).trimEnd());
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const formatted = (text: string, at: number, painter?: (text: string) => string) => {
    const column = columns[shown[at] as number] as Column;
    const fitted = fitWidth(text, widths[at] as number);
    return pad(painter && style.color ? painter(fitted) : fitted, widths[at] as number, column.align);
  };
  const header = line(shown.map((index, at) => formatted(cell(columns[index]?.header ?? ''), at, paint.bold)));
  const body = rows.map((row, r) =>
    line(
      shown.map((index, at) => {
        const value = row[index];
        return formatted(texts[r]?.[index] ?? '', at, typeof value === 'object' ? value.paint : undefined);
      }),
    ),
  );
  const lines = boxed ? [rule('┌', '┬', '┐'), header, rule('├', '┼', '┤'), ...body, rule('└', '┴', '┘')] : [header, ...body];
  return `${lines.map((text) => (fit ? fitWidth(text, style.columns) : text)).join('\n')}\n`;
}

function textOf(value: Cell | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.text;
}

/**
 * Label/value lines ("Customer  Globex GmbH"), for the detail views; amounts align right. A value too long
 * for the width wraps under itself at spaces; a value may hold colour, applied by the caller.
 */
export function renderFields(fields: readonly (readonly [string, string])[], style: Pick<TableStyle, 'color'> & { columns?: number }, align: 'left' | 'right' = 'left'): string {
  const paint = colors(style);
  const width = Math.max(...fields.map(([label]) => label.length));
  const valueWidth = Math.max(...fields.map(([, value]) => displayWidth(value)));
  const room = style.columns === undefined ? Number.POSITIVE_INFINITY : Math.max(10, style.columns - width - 2);
  const indent = ' '.repeat(width + 2);
  return fields
    .map(([label, value]) => {
      if (align === 'right') return fitWidth(`${paint.dim(label.padEnd(width))}  ${' '.repeat(valueWidth - displayWidth(value))}${value}`, style.columns);
      const lines = value.split('\n').flatMap((line) => wrap(line, room));
      return lines.map((line, index) => fitWidth(`${index === 0 ? paint.dim(label.padEnd(width)) : indent.slice(2)}  ${line}`, style.columns)).join('\n');
    })
    .join('\n')
    .concat('\n');
}
