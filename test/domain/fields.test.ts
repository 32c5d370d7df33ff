import { describe, expect, it } from 'vitest';
import { escapeControls, multiLine, singleLine, withoutControls } from '../../src/domain/fields.js';
import { computeTotals } from '../../src/domain/totals.js';
import { validateNumberFormat } from '../../src/domain/numbering.js';

// Issue 9 item 14: one rule for every stored text.
const REFUSED: [string, string][] = [
  ['ESC', '\x1b[2J'],
  ['BEL', '\x07'],
  ['NUL', '\0'],
  ['DEL', '\x7f'],
  ['C1 NEL', '\u0085'],
  ['C1 CSI', '\u009b'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['right-to-left override', '\u202e'],
  ['left-to-right isolate', '\u2066'],
  ['pop directional isolate', '\u2069'],
  ['right-to-left mark', '\u200f'],
  ['Arabic letter mark', '\u061c'],
];

describe('stored text', () => {
  it.each(REFUSED)('refuses %s in one-line and multi-line fields, naming it', (_name, character) => {
    expect(() => singleLine(`Globex${character}GmbH`, 'name')).toThrow(/^name: must be one line without control characters \(found U\+[0-9A-F]{4}\)$/);
    expect(() => multiLine(`Main St${character}1`, 'address')).toThrow(/^address: must not contain control characters/);
  });

  it('refuses tab and line breaks in one-line fields; keeps newlines and tabs in multi-line ones', () => {
    for (const text of ['a\tb', 'a\nb', 'a\rb']) expect(() => singleLine(text, 'name')).toThrow(/one line/);
    expect(multiLine('Main St 1\r\n\t12345 Berlin', 'address')).toBe('Main St 1\n\t12345 Berlin');
  });

  it('keeps letters of every script, emoji and typographic spaces', () => {
    for (const text of ['Zoë Łódź', 'شركة', '株式会社', '4\u202f000 €', 'Team 🚀', 'a\u00a0b']) expect(singleLine(text, 'name')).toBe(text);
  });

  it('refuses ESC and BEL in item descriptions, which may span lines', () => {
    expect(computeTotals([{ description: 'Design\r\n- phase 1', unitPrice: '1' }], 'EUR').items[0]?.description).toBe('Design\n- phase 1');
    expect(() => computeTotals([{ description: 'Work\x1b[2J', unitPrice: '1' }], 'EUR')).toThrow(/^items\[0\]\.description: must not contain control characters \(found U\+001B\)$/);
    expect(() => computeTotals([{ description: 'Bell\x07', unitPrice: '1' }], 'EUR')).toThrow(/U\+0007/);
  });

  it('escapes or replaces controls in text shown or kept from outside', () => {
    expect(escapeControls('a\x1b[2J\u202eb\n')).toBe('a\\u001B[2J\\u202Eb\\u000A');
    expect(withoutControls('250 ok\x1b[2J\u0085')).toBe('250 ok?[2J?');
  });
});

describe('number formats (issue 9 item 1)', () => {
  it.each(['X/{SEQ}', 'X\\{SEQ}', '../{SEQ}', '.{SEQ}', '-{SEQ}', 'A..{SEQ}', 'INV {SEQ}'])('refuses %s', (format) => {
    expect(() => validateNumberFormat(format)).toThrow(/may hold only letters, digits/);
  });

  it.each(['INV-{YYYY}-{SEQ:4}', 'R{YYYY}.{MM}-{SEQ:3}', '{SEQ}', '{YY}.{SEQ}.x', 'A_{SEQ}'])('accepts %s', (format) => {
    expect(() => validateNumberFormat(format)).not.toThrow();
  });
});
