import { describe, expect, it } from 'vitest';
import { type Column, renderFields, renderTable } from '../../src/render/table.js';
import { displayWidth, fitWidth, wrap } from '../../src/render/text.js';

const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

const columns: Column[] = [
  { header: 'Number' },
  { header: 'Customer', shrink: true },
  { header: 'Issued', drop: 1 },
  { header: 'Due', drop: 3 },
  { header: 'Total', align: 'right', drop: 2 },
  { header: 'Balance', align: 'right' },
  { header: 'Status' },
];
const rows = [
  ['INV-2026-0001', 'Globex GmbH', '2026-10-01', '2026-10-31', '1,785.00 EUR', '1,785.00 EUR', { text: 'open, overdue', paint: (t: string) => `\u001b[31m${t}\u001b[39m` }],
  ['INV-2026-0002', 'Ein sehr langer Kundenname für eine Rechnung mit Überlänge GmbH & Co. KG', '2026-11-01', '2026-12-01', '12,345,678.90 EUR', '5.00 EUR', 'partial'],
  ['INV-2026-0003', '株式会社サンプル商事とても長い名前', '2026-11-02', '2026-12-02', '0.00 JPY', '0 JPY', 'paid'],
];

describe('tables fit the terminal (issue 9 item 18)', () => {
  for (const width of [60, 80, 120, 200]) {
    for (const tty of [true, false]) {
      it(`keeps every line within ${width} columns ${tty ? 'on a terminal' : 'piped'}, amounts aligned right`, () => {
        const text = renderTable(columns, rows, { stdoutIsTTY: tty, color: tty, columns: width });
        const all = lines(text).map(visible);
        for (const line of all) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        // The balance of every row ends where its header ends.
        const header = all[tty ? 1 : 0] as string;
        const end = header.indexOf('Balance') + 'Balance'.length;
        for (const balance of ['1,785.00 EUR', '5.00 EUR', '0 JPY']) {
          const row = all.find((line) => line.includes(balance) && line.includes('INV')) as string;
          // Wide characters take two columns but one string index each: measure the prefix as the screen does.
          const at = row.lastIndexOf(balance) + balance.length;
          expect(displayWidth(row.slice(0, at))).toBe(displayWidth(header.slice(0, end)));
        }
      });
    }
  }

  it('shows everything when there is room, and cuts the long names with an ellipsis when there is not', () => {
    const wide = lines(renderTable(columns, rows, { stdoutIsTTY: false, color: false, columns: 200 }));
    expect(wide[2]).toContain('Ein sehr langer Kundenname für eine Rechnung mit Überlänge GmbH & Co. KG');
    const narrow = lines(renderTable(columns, rows, { stdoutIsTTY: false, color: false, columns: 80 }));
    expect(narrow[0]).toMatch(/^Number +Customer +Due +Balance +Status$/);
    expect(narrow[2]).toMatch(/Ein sehr langer Kunde\S*…/);
  });

  it('leaves out columns in their order, empty ones first', () => {
    const header = (width: number) => lines(renderTable(columns, rows, { stdoutIsTTY: false, color: false, columns: width }))[0]?.split(/ {2,}/);
    expect(header(120)).toEqual(['Number', 'Customer', 'Issued', 'Due', 'Total', 'Balance', 'Status']);
    expect(header(80)).toEqual(['Number', 'Customer', 'Due', 'Balance', 'Status']);
    expect(header(60)).toEqual(['Number', 'Customer', 'Balance', 'Status']);
    const sparse = renderTable(
      [{ header: 'Who', shrink: true }, { header: 'early', align: 'right', drop: 1 }, { header: 'late', align: 'right', drop: 2 }, { header: 'Total', align: 'right' }],
      [['Alpha Beta Gamma Delta', '100.00 EUR', '-', '100.00 EUR']],
      { stdoutIsTTY: false, color: false, columns: 44 },
    );
    expect(lines(sparse)[0]?.split(/ {2,}/)).toEqual(['Who', 'early', 'Total']);
  });

  it('keeps every column whole when piped without COLUMNS (fitTables false), for scripts', () => {
    const piped = lines(renderTable(columns, rows, { stdoutIsTTY: false, color: false, columns: 60, fitTables: false }));
    expect(piped[0]?.split(/ {2,}/)).toEqual(columns.map((column) => column.header));
    expect(piped.join('\n')).not.toContain('…');
    expect(Math.max(...piped.map((line) => line.length))).toBeGreaterThan(60);
  });

  it('draws borders on a terminal without a line between the rows', () => {
    const text = lines(renderTable(columns, rows, { stdoutIsTTY: true, color: false, columns: 200 }));
    expect(text).toHaveLength(rows.length + 4);
    expect(text[0]).toMatch(/^┌─+┬/);
    expect(text.filter((line) => line.startsWith('├'))).toHaveLength(1);
    expect(text.at(-1)).toMatch(/^└─+┴/);
  });

  it('colours after fitting, so colour takes no room, and only when colour is on', () => {
    const coloured = renderTable(columns, rows, { stdoutIsTTY: true, color: true, columns: 120 });
    expect(coloured).toContain('\u001b[31mopen, overdue\u001b[39m');
    expect(renderTable(columns, rows, { stdoutIsTTY: true, color: false, columns: 120 })).not.toContain('\u001b');
  });

  it('never prints the control characters of stored text raw', () => {
    const hostile = ['\u001b[2J\u001b]0;pwned\u0007', 'a\u0085b\u2028c\u202Etxt.exe', 'bell\u0007\r\nnext', 'ok'];
    for (const tty of [true, false]) {
      const text = renderTable([{ header: 'A' }, { header: 'B', shrink: true }, { header: 'C' }, { header: 'D\u001b[5m' }], [hostile], { stdoutIsTTY: tty, color: false, columns: 80 });
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      expect(text).toContain('?[2J?]0;pwned?');
    }
  });
});

describe('fitting text', () => {
  it('measures wide characters, combining marks and colour as a terminal shows them', () => {
    expect(displayWidth('Zoë')).toBe(3);
    expect(displayWidth('Zoe\u0308')).toBe(3);
    expect(displayWidth('株式会社')).toBe(8);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });

  it('cuts a coloured line at the width and closes the colour', () => {
    expect(fitWidth('\u001b[34mabcdef\u001b[0m', 4)).toBe('\u001b[34mabc…\u001b[0m');
    expect(fitWidth('株式会社', 5)).toBe('株式…');
  });

  it('wraps at spaces and breaks a word longer than the line without losing any of it', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('see https://example.test/a/very/long/path', 12).join('')).toBe('seehttps://example.test/a/very/long/path');
  });

  it('wraps the values of a detail view under themselves', () => {
    const text = renderFields([['Customer', 'Globex GmbH <ap@globex.test> (globex) and a long tail of words']], { color: false, columns: 40 });
    for (const line of lines(text)) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines(text)[1]).toMatch(/^ {10}\S/);
  });
});
