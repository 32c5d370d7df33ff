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
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes empty fields for null, and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[null, 1]])).toBe('a,b\r\n,1\r\n');
  });
});
