/**
 * Tables for people. On a terminal: box-drawn borders (cli-table3) and colour when allowed. Piped: no
 * borders, columns separated by two spaces, no colour, so `grep` and `awk` work on the lines.
 */
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';

export interface TableStyle {
  stdoutIsTTY: boolean;
  color: boolean;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

const PLAIN_CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

export function colors(style: Pick<TableStyle, 'color'>): ChalkInstance {
  return new Chalk({ level: style.color ? 1 : 0 });
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle): string {
  const paint = colors(style);
  const table = new Table({
    head: columns.map((column) => paint.bold(column.header)),
    colAligns: columns.map((column) => column.align ?? 'left'),
    style: style.stdoutIsTTY ? { head: [], border: [] } : { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    ...(style.stdoutIsTTY ? {} : { chars: PLAIN_CHARS }),
  });
  for (const row of rows) table.push([...row]);
  const text = table.toString();
  return `${style.stdoutIsTTY ? text : text.split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}

const visibleLength = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').length;

/** Label/value lines ("Customer  Globex GmbH"), for the detail views; amounts align right. */
export function renderFields(fields: readonly (readonly [string, string])[], style: Pick<TableStyle, 'color'>, align: 'left' | 'right' = 'left'): string {
  const paint = colors(style);
  const width = Math.max(...fields.map(([label]) => label.length));
  const valueWidth = Math.max(...fields.map(([, value]) => visibleLength(value)));
  return fields
    .map(([label, value]) => {
      if (align === 'right') return `${paint.dim(label.padEnd(width))}  ${' '.repeat(valueWidth - visibleLength(value))}${value}`;
      const [first = '', ...rest] = value.split('\n');
      const continuation = rest.map((line) => `\n${' '.repeat(width + 2)}${line}`).join('');
      return `${paint.dim(label.padEnd(width))}  ${first}${continuation}`;
    })
    .join('\n')
    .concat('\n');
}
