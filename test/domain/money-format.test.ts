import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_MINOR_UNITS } from '../../src/domain/money.js';
import { displayDecimal, displayMoney, formatAmount, formatMoney, formatUnitPrice } from '../../src/domain/money-format.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the display form of money (tables and messages)', () => {
  it.each([
    [178500, 'EUR', '1,785.00 EUR'],
    [5, 'EUR', '0.05 EUR'],
    [-123456, 'EUR', '-1,234.56 EUR'],
    [1785, 'JPY', '1,785 JPY'],
    [1234567, 'KWD', '1,234.567 KWD'],
    [MAX_MINOR_UNITS, 'EUR', '9,999,999,999,999.99 EUR'],
    [0, 'USD', '0.00 USD'],
  ])('%d %s is %s', (minor, currency, text) => {
    expect(displayMoney(minor, currency)).toBe(text);
  });

  it('writes every digit of a unit price, and at least the currency’s', () => {
    expect(displayDecimal('0.125', 'EUR')).toBe('0.125 EUR');
    expect(displayDecimal('4200', 'EUR')).toBe('4,200.00 EUR');
    expect(displayDecimal('1000', 'JPY')).toBe('1,000 JPY');
  });

  it('is the exact decimal with commas between thousands, whatever the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MINOR_UNITS, max: MAX_MINOR_UNITS }), fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (minor, currency) => {
        const shown = displayMoney(minor, currency);
        expect(shown.replace(/,/g, '')).toBe(`${formatAmount(minor, currency)} ${currency}`);
        expect(displayDecimal(formatAmount(minor, currency), currency)).toBe(shown);
      }),
    );
  });

  it("writes a plain decimal as Intl's en-US grouping does, without creating an Intl formatter (ICU's start-up cost)", () => {
    const digits = fc.stringMatching(/^[0-9]{1,19}$/);
    fc.assert(
      fc.property(fc.constantFrom('', '-'), digits, fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined }), fc.constantFrom('EUR', 'JPY', 'KWD'), (sign, whole, fraction, currency) => {
        const decimal = `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
        const places = Math.max({ EUR: 2, JPY: 0, KWD: 3 }[currency]!, fraction?.length ?? 0);
        const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
        expect(displayDecimal(decimal, currency)).toBe(`${intl.format(decimal as unknown as number)} ${currency}`);
      }),
    );
    for (const decimal of ['-0', '0', '000', '-000.50', '0001234.5']) {
      expect(displayDecimal(decimal, 'EUR')).toBe(`${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(decimal as unknown as number)} EUR`);
    }
  });

  it('creates no Intl formatter for the display form of amounts and prices', async () => {
    vi.resetModules();
    const fresh = await import('../../src/domain/money-format.js');
    const created = vi.spyOn(Intl, 'NumberFormat');
    try {
      expect([fresh.displayMoney(-123456, 'EUR'), fresh.displayDecimal('0.125', 'JPY')]).toEqual(['-1,234.56 EUR', '0.125 JPY']);
      expect(created).not.toHaveBeenCalled();
    } finally {
      created.mockRestore();
    }
  });
});

describe("money in the customer's language (PDF and email)", () => {
  it.each([
    [178500, 'EUR', 'de', '1.785,00 €'],
    [178500, 'EUR', 'en', '€1,785.00'],
    [178500, 'EUR', 'fr', '1 785,00 €'],
    [178500, 'USD', 'es', '1785,00 US$'],
    [1785, 'JPY', 'de', '1.785 ¥'],
    [MAX_MINOR_UNITS, 'EUR', 'en', '€9,999,999,999,999.99'],
  ])('%d %s in %s is %s', (minor, currency, locale, text) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(text);
  });

  it('keeps every decimal of a unit price, and at least the currency’s', () => {
    expect(plain(formatUnitPrice('0.125', 'EUR', 'de'))).toBe('0,125 €');
    expect(formatUnitPrice('12.5', 'EUR', 'en')).toBe('€12.50');
    expect(formatUnitPrice('1000', 'JPY', 'en')).toBe('¥1,000');
  });
});
