import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MINOR_UNITS } from '../../src/domain/money.js';
import { type ItemInput, computeTotals, inputOfLine } from '../../src/domain/totals.js';

const item = (unitPrice: string, quantity = '1', taxRate = '0', description = 'Work'): ItemInput => ({ description, quantity, unitPrice, taxRate });

describe('computeTotals', () => {
  it('computes the example of the issue', () => {
    const totals = computeTotals([item('150.00', '10', '19', 'Design work')], 'EUR');
    expect(totals).toMatchObject({ subtotal: 150000, tax: 28500, total: 178500, taxes: [{ category: 'S', rate: '19', base: 150000, tax: 28500 }] });
    expect(totals.items[0]).toEqual({ description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19', net: 150000, taxCategory: 'S' });
  });

  it('rounds each line net half away from zero', () => {
    expect(computeTotals([item('0.335', '3')], 'EUR').items[0]?.net).toBe(101); // 1.005 → 1.01
    expect(computeTotals([item('0.125', '2')], 'EUR').items[0]?.net).toBe(25);
    expect(computeTotals([item('-1.005'), item('5')], 'EUR').items[0]?.net).toBe(-101);
  });

  it('taxes the sum per rate, not each line (the EN 16931 way)', () => {
    const totals = computeTotals([item('0.02', '1', '19'), item('0.02', '1', '19'), item('0.02', '1', '19')], 'EUR');
    // Per line: 0.0038 → 0.00 three times. Per rate: 19% × 0.06 = 0.0114 → 0.01.
    expect(totals.tax).toBe(1);
    expect(totals.total).toBe(7);
  });

  it('breaks the tax down per rate, sorted by rate', () => {
    const totals = computeTotals([item('100', '1', '19'), item('20.50', '1', '7'), item('10', '2', '19'), item('5', '1', '0')], 'EUR');
    expect(totals.taxes).toEqual([
      { category: 'Z', rate: '0', base: 500, tax: 0 },
      { category: 'S', rate: '7', base: 2050, tax: 144 }, // 1.435 → 1.44
      { category: 'S', rate: '19', base: 12000, tax: 2280 },
    ]);
    expect(totals).toMatchObject({ subtotal: 14550, tax: 2424, total: 16974 });
  });

  it('treats "19", "19.0" and "19.00" as one rate', () => {
    const totals = computeTotals([item('10', '1', '19'), item('10', '1', '19.0'), item('10', '1', '19.00')], 'EUR');
    expect(totals.taxes).toEqual([{ category: 'S', rate: '19', base: 3000, tax: 570 }]);
  });

  it('handles currencies without and with three minor digits', () => {
    expect(computeTotals([item('150', '1', '7')], 'JPY')).toMatchObject({ subtotal: 150, tax: 11, total: 161 }); // 10.5 → 11
    expect(computeTotals([item('1.234', '1', '5')], 'KWD')).toMatchObject({ subtotal: 1234, tax: 62, total: 1296 }); // 0.0617 → 0.062
    expect(computeTotals([item('0.3333', '3')], 'JPY').items[0]?.net).toBe(1);
  });

  it('keeps decimal quantities exact', () => {
    expect(computeTotals([item('72.00', '14.5')], 'EUR').items[0]?.net).toBe(104400);
    expect(computeTotals([item('0.1', '0.3')], 'EUR').items[0]?.net).toBe(3);
  });

  it('names the item field at fault', () => {
    expect(() => computeTotals([item('10'), item('abc')], 'EUR')).toThrow(/items\[1\]\.unitPrice: 'abc' is not a decimal number/);
    expect(() => computeTotals([item('10', '0')], 'EUR')).toThrow(/items\[0\]\.quantity: must not be 0/);
    expect(() => computeTotals([item('10', '1', '101')], 'EUR')).toThrow(/items\[0\]\.taxRate: must be a percentage/);
    expect(() => computeTotals([item('10', '1', '-1')], 'EUR')).toThrow(/taxRate/);
    expect(() => computeTotals([{ description: '  ', unitPrice: '1' }], 'EUR')).toThrow(/items\[0\]\.description: must not be empty/);
    expect(() => computeTotals([], 'EUR')).toThrow(/at least one item/);
  });

  it('refuses a negative total but allows discount lines', () => {
    expect(computeTotals([item('100'), item('-20')], 'EUR').total).toBe(8000);
    expect(() => computeTotals([item('10'), item('-20')], 'EUR')).toThrow(/negative/);
  });

  it('refuses amounts beyond the limit instead of losing precision', () => {
    expect(() => computeTotals([item('9999999999999', '999999999')], 'EUR')).toThrow(/too large/);
  });
});

/** Items well within the documented limits (totals under 10^15 minor units): quantities to 10^4, prices to 10^5. */
const decimalText = (maxWhole: number, decimals: number, min = 0) =>
  fc.tuple(fc.integer({ min, max: maxWhole }), fc.integer({ min: 0, max: 10 ** decimals - 1 }), fc.integer({ min: 0, max: decimals })).map(
    ([whole, fraction, places]) => (places === 0 ? String(whole) : `${whole}.${String(fraction).padStart(decimals, '0').slice(0, places)}`),
  );
const positiveItem = fc.record({
  description: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  quantity: decimalText(10_000, 3, 1),
  unitPrice: decimalText(100_000, 4),
  taxRate: fc.constantFrom('0', '5', '7', '7.7', '19', '20', '21', '25.5', '100'),
});
const currency = fc.constantFrom('EUR', 'JPY', 'KWD', 'USD');

describe('computeTotals properties', () => {
  it('total is the sum of its parts, with integers only', () => {
    fc.assert(
      fc.property(fc.array(positiveItem, { minLength: 1, maxLength: 30 }), currency, (items, code) => {
        const totals = computeTotals(items, code);
        const netSum = totals.items.reduce((sum, line) => sum + line.net, 0);
        const baseSum = totals.taxes.reduce((sum, line) => sum + line.base, 0);
        const taxSum = totals.taxes.reduce((sum, line) => sum + line.tax, 0);
        expect(totals.subtotal).toBe(netSum);
        expect(baseSum).toBe(totals.subtotal);
        expect(totals.tax).toBe(taxSum);
        expect(totals.total).toBe(totals.subtotal + totals.tax);
        for (const value of [totals.subtotal, totals.tax, totals.total, ...totals.items.map((line) => line.net)]) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(Math.abs(value)).toBeLessThanOrEqual(MAX_MINOR_UNITS);
        }
      }),
    );
  });

  it('never yields a negative total, NaN or a fraction from positive items', () => {
    fc.assert(
      fc.property(fc.array(positiveItem, { minLength: 1, maxLength: 10 }), currency, (items, code) => {
        const { total, tax } = computeTotals(items, code);
        expect(Number.isInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(tax).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is stable: recomputing from its own output gives the same totals', () => {
    fc.assert(
      fc.property(fc.array(positiveItem, { minLength: 1, maxLength: 10 }), currency, (items, code) => {
        const first = computeTotals(items, code);
        expect(computeTotals(first.items.map((line) => inputOfLine(line, code)), code)).toEqual(first);
      }),
    );
  });

  it('does not depend on the order of the items', () => {
    fc.assert(
      fc.property(fc.array(positiveItem, { minLength: 1, maxLength: 10 }), currency, (items, code) => {
        const forward = computeTotals(items, code);
        const backward = computeTotals([...items].reverse(), code);
        expect(backward.total).toBe(forward.total);
        expect(backward.taxes).toEqual(forward.taxes);
      }),
    );
  });

  it('rounds each tax within half a minor unit of the exact value', () => {
    fc.assert(
      fc.property(fc.array(positiveItem, { minLength: 1, maxLength: 10 }), currency, (items, code) => {
        for (const line of computeTotals(items, code).taxes) {
          const [whole = '0', fraction = ''] = line.rate.split('.');
          const scale = 10n ** BigInt(fraction.length);
          const exactTimes100 = BigInt(line.base) * BigInt(whole + fraction); // tax × 100 × scale
          const roundedTimes100 = BigInt(line.tax) * 100n * scale;
          const difference = exactTimes100 > roundedTimes100 ? exactTimes100 - roundedTimes100 : roundedTimes100 - exactTimes100;
          expect(difference * 2n <= 100n * scale).toBe(true);
        }
      }),
    );
  });
});
