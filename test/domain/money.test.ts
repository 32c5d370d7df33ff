import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorDigits } from '../../src/domain/currency.js';
import { DomainError } from '../../src/domain/errors.js';
import { MAX_MINOR_UNITS, formatAmount, parseAmount } from '../../src/domain/money.js';

describe('currencies', () => {
  it('knows the minor digits of ISO 4217', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('CLF')).toBe(4);
  });
});

describe('parseAmount', () => {
  it.each([
    ['100', 'EUR', 10000],
    ['100.5', 'EUR', 10050],
    ['0.01', 'EUR', 1],
    ['1785', 'JPY', 1785],
    ['1.234', 'KWD', 1234],
    ['100.000', 'EUR', 10000],
    ['5.0', 'JPY', 5],
  ])('%s %s → %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency, 'amount')).toBe(minor);
  });

  it('refuses more digits than the currency has, naming the field', () => {
    expect(() => parseAmount('10.001', 'EUR', '--amount')).toThrow(/--amount: 10.001 has more than 2 decimal places/);
    expect(() => parseAmount('10.5', 'JPY', 'amount')).toThrow(DomainError);
  });

  it('refuses amounts beyond the limit', () => {
    expect(() => parseAmount('99999999999999999', 'EUR', 'amount')).toThrow(/too large/);
  });
});

describe('formatAmount', () => {
  it.each([
    [178500, 'EUR', '1785.00'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1785, 'JPY', '1785'],
    [1785, 'KWD', '1.785'],
    [MAX_MINOR_UNITS, 'EUR', '9999999999999.99'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });

  it('round-trips with parseAmount for every amount in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MINOR_UNITS, max: MAX_MINOR_UNITS }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (minor, currency) => {
        expect(parseAmount(formatAmount(minor, currency), currency, 'amount')).toBe(minor);
      }),
    );
  });
});
