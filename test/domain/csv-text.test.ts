import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, neutraliseFormulas, parseCsv, restoreFormulas } from '../../src/domain/csv-text.js';
import { toCsv } from '../../src/render/csv.js';

// Texts made of the characters that matter to the guard and to CSV quoting, so the edge cases come up often.
const tricky = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', ' ', '"', 'a', '1', '.'), maxLength: 12 });

describe('formula guard', () => {
  it.each([
    ['=1', "'=1"],
    ["'=1", "''=1"],
    ["a;'=1", "a;''=1"],
    ["'plain", "'plain"],
    ['-12.50', '-12.50'],
    ['\t=1', "'\t'=1"],
  ])('guards %j as %j and restores it', (text, guarded) => {
    expect(neutraliseFormulas(text)).toBe(guarded);
    expect(restoreFormulas(guarded)).toBe(text);
  });

  it('restoreFormulas undoes neutraliseFormulas exactly, for every text', () => {
    fc.assert(fc.property(tricky, (text) => restoreFormulas(neutraliseFormulas(text)) === text), { numRuns: 5000 });
  });

  it('a guarded text never starts a cell with a formula character', () => {
    fc.assert(fc.property(tricky, (text) => {
      const guarded = neutraliseFormulas(text);
      return /^-?\d+(?:\.\d+)?$/.test(text) || guarded.split(/(?<=[,;\t])/).every((piece) => !/^ *[=+\-@\t\r]/.test(piece));
    }), { numRuns: 2000 });
  });
});

describe('parseCsv', () => {
  it('reads what toCsv writes, field for field, with the line each record starts on', () => {
    fc.assert(fc.property(fc.array(fc.array(tricky, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
      const records = parseCsv(toCsv(['a', 'b'], rows));
      expect(records.map((record) => record.fields.map(restoreFormulas))).toEqual([['a', 'b'], ...rows]);
      let line = 1;
      records.forEach((record, index) => {
        expect(record.line).toBe(line);
        line += (index === 0 ? 0 : [...(rows[index - 1] ?? [])].join('').split('\n').length - 1) + 1;
      });
    }), { numRuns: 500 });
  });

  it('takes LF line ends, a byte-order mark and a last line without a line end; skips empty lines', () => {
    expect(parseCsv('\uFEFFa,b\n1,"x\ny"\n\n2,3')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x\ny'] },
      { line: 5, fields: ['2', '3'] },
    ]);
  });

  it.each([
    ['a,"b\n', 1, 'never closed'],
    ['a\nb,"x"y', 2, 'after a closing quote'],
    ['a\nb"c', 2, 'inside an unquoted field'],
  ])('refuses %j at line %i', (text, line, message) => {
    try {
      parseCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(line);
      expect((error as Error).message).toContain(message);
    }
  });
});
