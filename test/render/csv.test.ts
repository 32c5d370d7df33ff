import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/render/csv.js';

describe('CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rReturn', `"'\rReturn"`],
    ['Globex GmbH', 'Globex GmbH'],
    ['Smith, John', '"Smith, John"'],
    ['say "hi"', '"say ""hi"""'],
    ['1785.00', '1785.00'],
    ['-12.50', '-12.50'],
    // Issue 9 item 14: a formula after any separator, for spreadsheets that split on ; or tabs.
    ['Globex;=cmd|\' /C calc', "Globex;'=cmd|' /C calc"],
    ['a;+1', "a;'+1"],
    ['a;-1;@SUM(A1)', "a;'-1;'@SUM(A1)"],
    ['a,=1', `"a,'=1"`],
    ['a\t=1', "a\t'=1"],
    ['a;\t=1', "a;'\t'=1"],
    ['x; =1', "x;' =1"],
    [' =1', "' =1"],
    ['2026-11-25', '2026-11-25'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes empty fields for null, and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[null, 1]])).toBe('a,b\r\n,1\r\n');
  });
});
