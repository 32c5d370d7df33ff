/**
 * EN 16931's arithmetic (totals.ts) against figures computed by hand, and against an official EN 16931
 * example invoice. Amounts are minor units (cents).
 */
import { describe, expect, it } from 'vitest';
import { inputOfDocumentAdjustment } from '../../src/domain/adjustments.js';
import { type DocumentAdjustmentInput, type ItemInput, computeTotals, inputOfLine } from '../../src/domain/totals.js';

const line = (unitPrice: string, quantity: string, taxRate: string, extra: Partial<ItemInput> = {}): ItemInput => ({ description: 'Work', quantity, unitPrice, taxRate, ...extra });

describe('EN 16931 arithmetic', () => {
  it('computes the worked example of the totals module header', () => {
    const totals = computeTotals(
      [
        line('33.33', '3', '19', { allowances: [{ percent: '10', reason: 'Loyalty' }] }),
        line('5.00', '12', '19', { baseQuantity: '12' }),
        line('0.125', '2', '7'),
      ],
      'EUR',
      { charges: [{ amount: '12.50', reason: 'Shipping', taxCategory: 'S', taxRate: '7' }] },
    );
    expect(totals.items.map((item) => item.net)).toEqual([8999, 500, 25]);
    expect(totals.items[0]?.allowances).toEqual([{ amount: 1000, percent: '10', base: 9999, reason: 'Loyalty' }]);
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '7', base: 1275, tax: 89 }, // 0.8925 → 0.89
      { category: 'S', rate: '19', base: 9499, tax: 1805 }, // 18.0481 → 18.05
    ]);
    expect(totals).toMatchObject({ lineTotal: 9524, allowanceTotal: 0, chargeTotal: 1250, subtotal: 10774, tax: 1894, total: 12668 });
  });

  it('subtracts a line allowance: each percentage of quantity × price independently, amounts as given', () => {
    const totals = computeTotals([line('100.00', '4', '19', { allowances: [{ percent: '10' }, { percent: '5' }, { amount: '2.50' }], charges: [{ percent: '1', reason: 'Insurance' }] })], 'EUR');
    // 400.00 − 40.00 − 20.00 − 2.50 + 4.00 (not 10% then 5% of what is left)
    expect(totals.items[0]?.net).toBe(34150);
    expect(totals.items[0]?.charges).toEqual([{ amount: 400, percent: '1', base: 40000, reason: 'Insurance' }]);
    expect(totals).toMatchObject({ lineTotal: 34150, subtotal: 34150, tax: 6489, total: 40639 }); // 64.885 → 64.89
  });

  it('rounds each percentage allowance to the cent before the line net (BT-136 is an amount)', () => {
    // Two allowances of 0.5% on 1.00: 0.005 → 0.01 each, so 0.98, not 1.00 − 0.01 = 0.99.
    expect(computeTotals([line('1.00', '1', '0', { allowances: [{ percent: '0.5' }, { percent: '0.5' }] })], 'EUR').items[0]?.net).toBe(98);
  });

  it('taxes a document charge at another rate in its own group', () => {
    const totals = computeTotals([line('100.00', '1', '19')], 'EUR', { charges: [{ amount: '10.00', reason: 'Packing', taxCategory: 'S', taxRate: '7' }] });
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '7', base: 1000, tax: 70 },
      { category: 'S', rate: '19', base: 10000, tax: 1900 },
    ]);
    expect(totals).toMatchObject({ lineTotal: 10000, chargeTotal: 1000, subtotal: 11000, tax: 1970, total: 12970 });
    expect(totals.charges).toEqual([{ amount: 1000, reason: 'Packing', taxCategory: 'S', taxRate: '7' }]);
  });

  it('mixes S 19% and 7%', () => {
    const totals = computeTotals([line('100.00', '1', '19'), line('50.00', '1', '7'), line('0.10', '3', '7')], 'EUR');
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '7', base: 5030, tax: 352 }, // 3.521 → 3.52
      { category: 'S', rate: '19', base: 10000, tax: 1900 },
    ]);
    expect(totals.total).toBe(15030 + 2252);
  });

  it('turns one document percentage without a group into one allowance per (category, rate) group', () => {
    const totals = computeTotals([line('1000.00', '1', '19'), line('200.00', '1', '7')], 'EUR', { allowances: [{ percent: '5', reason: 'Early order' }] });
    expect(totals.allowances).toEqual([
      { amount: 5000, percent: '5', base: 100000, taxCategory: 'S', taxRate: '19', reason: 'Early order' },
      { amount: 1000, percent: '5', base: 20000, taxCategory: 'S', taxRate: '7', reason: 'Early order' },
    ]);
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '7', base: 19000, tax: 1330 },
      { category: 'S', rate: '19', base: 95000, tax: 18050 },
    ]);
    expect(totals).toMatchObject({ lineTotal: 120000, allowanceTotal: 6000, subtotal: 114000, tax: 19380, total: 133380 });
  });

  it('takes a document percentage of its own group, or of the baseAmount given', () => {
    const lines = [line('1000.00', '1', '19'), line('200.00', '1', '7')];
    const own = computeTotals(lines, 'EUR', { allowances: [{ percent: '10', taxCategory: 'S', taxRate: '7' }] });
    expect(own.allowances).toEqual([{ amount: 2000, percent: '10', base: 20000, taxCategory: 'S', taxRate: '7' }]);
    const given = computeTotals(lines, 'EUR', { charges: [{ percent: '2', baseAmount: '150.00', taxCategory: 'S', taxRate: '19' }] });
    expect(given.charges).toEqual([{ amount: 300, percent: '2', base: 15000, baseGiven: true, taxCategory: 'S', taxRate: '19' }]);
  });

  it('puts a document amount without a group into the only group, and refuses to guess between several', () => {
    expect(computeTotals([line('100', '1', '19')], 'EUR', { allowances: [{ amount: '10' }] }).allowances).toEqual([{ amount: 1000, taxCategory: 'S', taxRate: '19' }]);
    expect(() => computeTotals([line('100', '1', '19'), line('100', '1', '7')], 'EUR', { allowances: [{ amount: '10' }] })).toThrow(
      /allowances\[0\]: the invoice's lines are in several VAT groups \(S 19%, S 7%\); give its taxCategory and taxRate/,
    );
    expect(() => computeTotals([line('100', '1', '19')], 'EUR', { allowances: [{ percent: '10', taxCategory: 'S', taxRate: '7' }] })).toThrow(/no lines in S 7% to take 10% of; give a baseAmount/);
  });

  it('gives reverse charge its note in the invoice language, and no tax', () => {
    const totals = computeTotals([line('1000.00', '1', '0', { taxCategory: 'AE' })], 'EUR', { lang: 'de' });
    expect(totals.taxes).toEqual([{ category: 'AE', rate: '0', exemptionReason: 'Steuerschuldnerschaft des Leistungsempfängers', base: 100000, tax: 0 }]);
    expect(computeTotals([line('10', '1', '0', { taxCategory: 'ae' })], 'EUR', { lang: 'fr-FR' }).taxes[0]?.exemptionReason).toBe('Autoliquidation');
    expect(computeTotals([line('10', '1', '0', { taxCategory: 'AE' })], 'EUR', { lang: 'es' }).taxes[0]?.exemptionReason).toBe('Inversión del sujeto pasivo');
    expect(computeTotals([line('10', '1', '0', { taxCategory: 'AE' })], 'EUR', { lang: 'ja' }).taxes[0]?.exemptionReason).toBe('Reverse charge');
    // A code alone is a reason (BR-AE-10): no default text is added.
    expect(computeTotals([line('10', '1', '0', { taxCategory: 'AE', exemptionCode: 'vatex-eu-ae' })], 'EUR').taxes[0]).toEqual({ category: 'AE', rate: '0', exemptionCode: 'VATEX-EU-AE', base: 1000, tax: 0 });
  });

  it('makes every line of a small business O with the legal note of its country, in the reader language', () => {
    const totals = computeTotals([line('500.00', '1', '0'), line('80.00', '2', '0')], 'EUR', { defaults: { smallBusiness: 'O' }, lang: 'de', sellerCountry: 'DE' });
    expect(totals.items.map((item) => item.taxCategory)).toEqual(['O', 'O']);
    expect(totals.taxes).toEqual([{ category: 'O', rate: '0', exemptionReason: 'Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.', base: 66000, tax: 0 }]);
    expect(totals).toMatchObject({ subtotal: 66000, tax: 0, total: 66000 });
    const france = computeTotals([line('500.00', '1', '0')], 'EUR', { defaults: { smallBusiness: 'O' }, lang: 'fr', sellerCountry: 'FR' });
    expect(france.taxes[0]?.exemptionReason).toBe('TVA non applicable, art. 293 B du CGI');
    // O without the small-business setting is simply "not subject to VAT".
    expect(computeTotals([line('5', '1', '0', { taxCategory: 'O' })], 'EUR').taxes[0]?.exemptionReason).toBe('Not subject to VAT');
  });

  it('takes the customer treatment as the default category, unless a line says otherwise', () => {
    const totals = computeTotals([line('100', '1', '0'), line('10', '1', '19', { taxCategory: 'S' })], 'EUR', { defaults: { treatment: 'export' } });
    expect(totals.items.map((item) => item.taxCategory)).toEqual(['G', 'S']);
    expect(totals.taxes.map((tax) => [tax.category, tax.exemptionReason])).toEqual([
      ['G', 'Export outside the EU, exempt from VAT'],
      ['S', undefined],
    ]);
  });

  it('allows a negative quantity (a return) as long as the invoice total is not negative', () => {
    const totals = computeTotals([line('50.00', '2', '19'), line('50.00', '-1', '19', { allowances: [{ percent: '10' }] })], 'EUR');
    // −50.00 with 10% off: −50.00 − (−5.00) = −45.00
    expect(totals.items.map((item) => item.net)).toEqual([10000, -4500]);
    expect(totals.taxes).toEqual([{ category: 'S', rate: '19', base: 5500, tax: 1045 }]);
    expect(totals.total).toBe(6545);
    expect(() => computeTotals([line('50.00', '1', '19'), line('50.00', '-2', '19')], 'EUR')).toThrow(/the invoice total would be negative/);
    expect(() => computeTotals([line('50.00', '0', '19')], 'EUR')).toThrow(/items\[0\]\.quantity: must not be 0/);
  });

  it('divides the price by its base quantity (BT-149), exactly, before rounding once', () => {
    const totals = computeTotals([line('5.00', '30', '19', { baseQuantity: '12' }), line('1.00', '7', '19', { baseQuantity: '12', unit: 'piece' })], 'EUR');
    // 30 × 5.00 / 12 = 12.50; 7 × 1.00 / 12 = 0.58333… → 0.58
    expect(totals.items.map((item) => item.net)).toEqual([1250, 58]);
    expect(totals.items[1]).toMatchObject({ baseQuantity: '12', unit: 'H87' });
    expect(computeTotals([line('1', '1', '0', { baseQuantity: '1' })], 'EUR').items[0]).not.toHaveProperty('baseQuantity');
    expect(() => computeTotals([line('1', '1', '0', { baseQuantity: '0' })], 'EUR')).toThrow(/items\[0\]\.baseQuantity: must be more than 0/);
  });

  it('rounds half-cent ties once per group, away from zero, not per line', () => {
    // Three lines of 0.50 at 7%: per line 0.035 → 0.04, 0.12 in all; per group 1.50 × 7% = 0.105 → 0.11.
    const totals = computeTotals([line('0.50', '1', '7'), line('0.50', '1', '7'), line('0.50', '1', '7'), line('0.10', '1', '19')], 'EUR');
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '7', base: 150, tax: 11 },
      { category: 'S', rate: '19', base: 10, tax: 2 }, // 0.019 → 0.02
    ]);
    // A group with a negative base rounds away from zero too: −0.50 × 7% = −0.035 → −0.04.
    const negative = computeTotals([line('0.50', '-1', '7'), line('100', '1', '0')], 'EUR');
    expect(negative.taxes).toEqual([
      { category: 'Z', rate: '0', base: 10000, tax: 0 },
      { category: 'S', rate: '7', base: -50, tax: -4 },
    ]);
  });

  it('keeps 0% categories apart: zero rated, exempt and reverse charge are separate groups', () => {
    const totals = computeTotals([line('10', '1', '0'), line('20', '1', '0', { taxCategory: 'E', exemptionReason: 'Medical care' }), line('30', '1', '0', { taxCategory: 'AE' })], 'EUR');
    expect(totals.taxes).toEqual([
      { category: 'Z', rate: '0', base: 1000, tax: 0 },
      { category: 'E', rate: '0', exemptionReason: 'Medical care', base: 2000, tax: 0 },
      { category: 'AE', rate: '0', exemptionReason: 'Reverse charge', base: 3000, tax: 0 },
    ]);
  });

  it('names the field at fault in the new inputs', () => {
    const refuse = (extra: Partial<ItemInput>, message: RegExp) => expect(() => computeTotals([line('10', '1', '19', extra)], 'EUR')).toThrow(message);
    refuse({ unit: 'parsec' }, /items\[0\]\.unit: 'parsec' is not a UN\/ECE Rec\. 20\/21 unit code/);
    refuse({ taxCategory: 'X' }, /items\[0\]\.taxCategory: 'X' is not a VAT category/);
    refuse({ exemptionCode: 'AE' }, /items\[0\]\.exemptionCode: 'AE' is not a VATEX code/);
    refuse({ allowances: [{ percent: '10', amount: '1' }] }, /items\[0\]\.allowances\[0\]: give a percent or an amount, not both/);
    refuse({ allowances: [{}] }, /items\[0\]\.allowances\[0\]: give a percent or an amount/);
    refuse({ allowances: [{ percent: '120' }] }, /items\[0\]\.allowances\[0\]\.percent: an allowance is at most 100%/);
    refuse({ charges: [{ amount: '-1' }] }, /items\[0\]\.charges\[0\]\.amount: must be more than 0/);
    refuse({ charges: [{ amount: '1.001' }] }, /items\[0\]\.charges\[0\]\.amount: 1\.001 has more than 2 decimal places/);
    refuse({ allowances: [{ percent: '5', reason: 'a\nb' }] }, /items\[0\]\.allowances\[0\]\.reason: must be one line/);
    expect(() => computeTotals([line('10', '1', '19')], 'EUR', { allowances: [{ amount: '1', baseAmount: '5' }] })).toThrow(/allowances\[0\]\.baseAmount: only with a percent/);
    expect(() => computeTotals([line('10', '1', '19')], 'EUR', { charges: [{ amount: '1', taxCategory: 'S', taxRate: '101' }] })).toThrow(/charges\[0\]\.taxRate: must be a percentage from 0 to 100/);
  });

  it('accepts "10%" as a percentage and stores units as codes', () => {
    const totals = computeTotals([line('100', '8', '19', { unit: 'hours', allowances: [{ percent: '10%' }] })], 'EUR');
    expect(totals.items[0]).toMatchObject({ unit: 'HUR', net: 72000, allowances: [{ percent: '10', amount: 8000 }] });
    expect(computeTotals([line('100', '1', '19', { unit: 'C62' })], 'EUR').items[0]).not.toHaveProperty('unit');
  });

  it('prices stored lines and document adjustments again to the same totals (edit, verify)', () => {
    const first = computeTotals(
      [line('33.33', '3', '19', { unit: 'DAY', baseQuantity: '2', allowances: [{ percent: '7.5', reason: 'x' }], charges: [{ amount: '1.11' }] }), line('12', '-1', '7')],
      'EUR',
      { allowances: [{ percent: '3' }], charges: [{ percent: '2', baseAmount: '10.00', taxCategory: 'Z', taxRate: '0', reason: 'Fee' }] },
    );
    const again = computeTotals(
      first.items.map((item) => inputOfLine(item, 'EUR')),
      'EUR',
      { allowances: first.allowances?.map((entry) => inputOfDocumentAdjustment(entry, 'EUR')), charges: first.charges?.map((entry) => inputOfDocumentAdjustment(entry, 'EUR')) },
    );
    expect(again).toEqual(first);
  });
});

describe('the official EN 16931 example ubl-tc434-example2 (NOK)', () => {
  // Figures from ConnectingEurope/eInvoicing-EN16931 ubl/examples/ubl-tc434-example2.xml. Its line 1 says
  // quantity 2 but carries the net of one (1273.00 at 1273.00 each), so it is entered as 1.
  const items: ItemInput[] = [
    { description: 'Laptop computer', quantity: '1', unitPrice: '1273.00', taxRate: '25', allowances: [{ amount: '12.00', reason: 'Damage' }], charges: [{ amount: '12.00', reason: 'Testing' }] },
    { description: 'Returned "Advanced computing" book', quantity: '-1', unitPrice: '3.96', taxRate: '15' },
    { description: '"Computing for dummies" book', quantity: '2', unitPrice: '2.48', taxRate: '15' },
    { description: 'Returned IBM 5150 desktop', quantity: '-1', unitPrice: '25.00', taxRate: '0', taxCategory: 'E', exemptionReason: 'Exempt New Means of Transport' },
    { description: 'Network cable', quantity: '250', unitPrice: '0.75', taxRate: '25', unit: 'MTR' },
  ];
  const allowances: DocumentAdjustmentInput[] = [{ amount: '100.00', reason: 'Promotion discount', reasonCode: '75', taxCategory: 'S', taxRate: '25' }];
  const charges: DocumentAdjustmentInput[] = [{ amount: '100.00', reason: 'Freight', taxCategory: 'S', taxRate: '25' }];

  it('agrees to the øre: line nets, VAT breakdown and document totals', () => {
    const totals = computeTotals(items, 'NOK', { allowances, charges });
    expect(totals.items.map((item) => item.net)).toEqual([127300, -396, 496, -2500, 18750]);
    expect(totals.taxes).toEqual([
      { category: 'E', rate: '0', exemptionReason: 'Exempt New Means of Transport', base: -2500, tax: 0 },
      { category: 'S', rate: '15', base: 100, tax: 15 },
      { category: 'S', rate: '25', base: 146050, tax: 36513 }, // 365.125 → 365.13
    ]);
    // BT-106 1436.50, BT-107 100.00, BT-108 100.00, BT-109 1436.50, BT-110 365.28, BT-112 1801.78
    expect(totals).toMatchObject({ lineTotal: 143650, allowanceTotal: 10000, chargeTotal: 10000, subtotal: 143650, tax: 36528, total: 180178 });
  });
});

describe('more official EN 16931 examples (ConnectingEurope/eInvoicing-EN16931 ubl/examples)', () => {
  it('ubl-tc434-example5 (DKK): line and document percentages, each of its own base', () => {
    const totals = computeTotals(
      [
        { description: 'Item 1', quantity: '1000', unitPrice: '1.00', baseQuantity: '1', taxRate: '25', allowances: [{ percent: '10', reason: 'Loyal customer' }], charges: [{ percent: '10', reason: 'Packaging' }] },
        { description: 'Item 2', quantity: '100', unitPrice: '5.00', taxRate: '25' },
        { description: 'Item 3', quantity: '500', unitPrice: '5.00', taxRate: '12' },
      ],
      'DKK',
      // 10% of the S 25% line total 1500.00, as the example's BaseAmount says.
      { allowances: [{ percent: '10', reason: 'Loyal customer', taxCategory: 'S', taxRate: '25' }], charges: [{ percent: '10', reason: 'Packaging', taxCategory: 'S', taxRate: '25' }] },
    );
    expect(totals.items.map((item) => item.net)).toEqual([100000, 50000, 250000]);
    expect(totals.allowances).toEqual([{ amount: 15000, percent: '10', base: 150000, reason: 'Loyal customer', taxCategory: 'S', taxRate: '25' }]);
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '12', base: 250000, tax: 30000 },
      { category: 'S', rate: '25', base: 150000, tax: 37500 },
    ]);
    expect(totals).toMatchObject({ lineTotal: 400000, allowanceTotal: 15000, chargeTotal: 15000, subtotal: 400000, tax: 67500, total: 467500 });
  });

  it('ubl-tc434-example3 (DKK): a document charge in one of two rate groups', () => {
    // Its lines say quantity 2 but carry the net of one (800.00 at 800.00), so they are entered as 1.
    const totals = computeTotals(
      [
        { description: 'Item 1', quantity: '1', unitPrice: '800.00', taxRate: '25' },
        { description: 'Item 2', quantity: '1', unitPrice: '800.00', taxRate: '10' },
      ],
      'DKK',
      { charges: [{ amount: '100.00', reason: 'Freight charge', taxCategory: 'S', taxRate: '25' }] },
    );
    expect(totals.taxes).toEqual([
      { category: 'S', rate: '10', base: 80000, tax: 8000 },
      { category: 'S', rate: '25', base: 90000, tax: 22500 },
    ]);
    expect(totals).toMatchObject({ lineTotal: 160000, chargeTotal: 10000, subtotal: 170000, tax: 30500, total: 200500 });
  });

  it('ubl-tc434-example7 (SEK): outside the scope of VAT, with its own exemption text', () => {
    const totals = computeTotals(
      [
        { description: 'Item 1', quantity: '1', unitPrice: '2500.00', taxCategory: 'O', exemptionReason: 'Tax' },
        { description: 'Item 2', quantity: '1', unitPrice: '700.00', taxCategory: 'O' },
      ],
      'SEK',
    );
    expect(totals.taxes).toEqual([{ category: 'O', rate: '0', exemptionReason: 'Tax', base: 320000, tax: 0 }]);
    expect(totals).toMatchObject({ lineTotal: 320000, subtotal: 320000, tax: 0, total: 320000 });
  });

  it('sample-discount-price (EUR): a four-decimal price', () => {
    const totals = computeTotals([{ description: 'Item', quantity: '100.000', unitPrice: '0.1212', baseQuantity: '1', taxRate: '25' }], 'EUR');
    expect(totals).toMatchObject({ lineTotal: 1212, subtotal: 1212, tax: 303, total: 1515 });
  });
});
