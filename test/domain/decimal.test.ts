import { describe, expect, it } from 'vitest';
import { canonicalText, divideRoundHalfAwayFromZero, formatScaled, parseDecimal, roundToScale, textWithMinScale } from '../../src/domain/decimal.js';

describe('parseDecimal', () => {
  it.each([
    ['10', 10n, 0],
    ['-0.5', -5n, 1],
    ['150.00', 15000n, 2],
    ['+3.14', 314n, 2],
    [' 7 ', 7n, 0],
  ])('reads %s', (text, coef, scale) => {
    expect(parseDecimal(text)).toEqual({ coef, scale });
  });

  it.each(['', '1e3', '1,5', '.5', '5.', 'abc', '1 000', 'NaN', 'Infinity', '0x10', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('divideRoundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [1005n, 1000n, 1n],
    [1500n, 1000n, 2n],
    [-1500n, 1000n, -2n],
    [1499n, 1000n, 1n],
    [0n, 7n, 0n],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(divideRoundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });
});

describe('roundToScale', () => {
  it('rounds half away from zero', () => {
    expect(roundToScale({ coef: 1005n, scale: 3 }, 2)).toBe(101n);
    expect(roundToScale({ coef: -1005n, scale: 3 }, 2)).toBe(-101n);
    expect(roundToScale({ coef: 1004n, scale: 3 }, 2)).toBe(100n);
  });
  it('scales up exactly', () => {
    expect(roundToScale({ coef: 15n, scale: 1 }, 3)).toBe(1500n);
  });
});

describe('text forms', () => {
  it('formats scaled values', () => {
    expect(formatScaled(12345n, 2)).toBe('123.45');
    expect(formatScaled(-5n, 3)).toBe('-0.005');
    expect(formatScaled(7n, 0)).toBe('7');
  });
  it('gives canonical text', () => {
    expect(canonicalText(parseDecimal('10.50')!)).toBe('10.5');
    expect(canonicalText(parseDecimal('7.000')!)).toBe('7');
    expect(canonicalText(parseDecimal('-0.0')!)).toBe('0');
  });
  it('pads to a minimum scale', () => {
    expect(textWithMinScale(parseDecimal('150')!, 2)).toBe('150.00');
    expect(textWithMinScale(parseDecimal('0.125')!, 2)).toBe('0.125');
    expect(textWithMinScale(parseDecimal('1.5000')!, 0)).toBe('1.5');
  });
});
