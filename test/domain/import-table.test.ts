import { describe, expect, it } from 'vitest';
import { parseColumnMapping } from '../../src/domain/customer-import.js';
import { problemText, tableOf, tableOfCsv, tableOfJson } from '../../src/domain/import-table.js';

describe('import tables', () => {
  it('reads CSV rows by header name, undoing the formula guard, with the line each starts on', () => {
    const { table } = tableOfCsv("name,note\r\n'=A1,\"two\nlines\"\r\nB,'plain\r\n");
    expect(table).toEqual({ unit: 'line', columns: ['name', 'note'], rows: [{ line: 2, cells: { name: '=A1', note: 'two\nlines' } }, { line: 4, cells: { name: 'B', note: "'plain" } }] });
  });

  it('lists every row with the wrong number of fields, and header faults', () => {
    expect(tableOfCsv('a,b,a\n1,2,3\n1,2\n1,2,3,4\n').problems).toEqual([
      { line: 1, column: 'a', reason: 'appears twice in the header' },
      { line: 3, column: '', reason: 'has 2 fields, the header 3' },
      { line: 4, column: '', reason: 'has 4 fields, the header 3' },
    ]);
    expect(tableOfCsv('').problems).toEqual([{ line: 0, column: '', reason: 'is empty; expected a header row and rows' }]);
  });

  it('reads JSON arrays of objects; numbers as their text, null as empty; other values are bad cells', () => {
    expect(tableOfJson('[{"name":"A","terms":14,"taxId":null}]').table).toEqual({ unit: 'record', columns: ['name', 'terms', 'taxId'], rows: [{ line: 1, cells: { name: 'A', terms: '14', taxId: '' } }] });
    expect(tableOfJson('[{"name":{"x":1}}, 3]').problems).toEqual([
      { line: 1, column: 'name', reason: 'must be a string or a number' },
      { line: 2, column: '', reason: 'must be an object' },
    ]);
    expect(tableOfJson('{}').problems[0]?.reason).toBe('must be a JSON array of objects, one per row');
    expect(tableOf('[]', 'x.csv').table?.unit).toBe('record');
  });

  it('names a problem by file, line or record, and column', () => {
    expect(problemText({ unit: 'line' }, { line: 3, column: 'email', reason: 'bad' }, 'c.csv')).toBe('c.csv line 3, column email: bad');
    expect(problemText({ unit: 'record' }, { line: 2, column: '', reason: 'bad' }, 'c.json')).toBe('c.json record 2: bad');
    expect(problemText({ unit: 'line' }, { line: 0, column: '', reason: 'is empty' }, 'c.csv')).toBe('c.csv: is empty');
  });
});

describe('--map', () => {
  it.each([
    ['Firma=name', ['Firma', 'name']],
    ['USt-IdNr=taxId', ['USt-IdNr', 'taxId']],
    ['a=b=vat_id', ['a=b', 'taxId']],
    ['Land=customer_country', ['Land', 'country']],
  ])('%s', (text, expected) => {
    expect(parseColumnMapping(text)).toEqual(expected);
  });

  it.each(['name', '=name', 'Firma=firm'])('refuses %s', (text) => {
    expect(() => parseColumnMapping(text)).toThrow(/--map/);
  });
});
