import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInvoice, editInvoice } from '../../src/domain/invoices.js';
import { computeTotals, type ItemInput } from '../../src/domain/totals.js';
import type { DocumentAdjustment } from '../../src/domain/types.js';
import { unitCode } from '../../src/domain/units.js';
import { categoryDefaultsFor, defaultCategory } from '../../src/domain/vat-categories.js';
import { type VatRuleSubject, vatRuleProblems } from '../../src/domain/vat-rules.js';
import { nextId, sampleDocument } from './fixtures.js';

const TODAY = '2026-03-01';
const seller = { taxId: 'DE123456789' };
type Line = VatRuleSubject['items'][number];
const line = (taxCategory: Line['taxCategory'], taxRate = '0', extra: Partial<Line> = {}): Line => ({ taxCategory, taxRate, unitPrice: '10.00', ...extra });
const subject = (items: Line[], extra: Partial<VatRuleSubject> = {}): VatRuleSubject => ({ items, customer: { taxId: 'FR12345678901' }, issuer: seller, ...extra });
const refusals = (invoice: VatRuleSubject) => vatRuleProblems(invoice).filter((problem) => problem.level === 'refuse').map((problem) => problem.rule);

describe('vatRuleProblems', () => {
  it('passes invoices that keep the rules', () => {
    expect(vatRuleProblems(subject([line('S', '19'), line('S', '7'), line('Z')]))).toEqual([]);
    expect(vatRuleProblems(subject([line('AE'), line('E', '0', { exemptionReason: 'Medical' })]))).toEqual([]);
    expect(vatRuleProblems(subject([line('K')], { serviceDate: TODAY, customer: { taxId: 'FR1', postalAddress: { country: 'FR' } } }))).toEqual([]);
  });

  it('refuses rates that do not fit the category (BR-x-05/06/07)', () => {
    expect(refusals(subject([line('S', '0')]))).toEqual(['BR-S-05']);
    expect(refusals(subject([line('Z', '7'), line('E', '7'), line('AE', '19'), line('K', '19', {}), line('G', '1')], { serviceDate: TODAY }))).toEqual(['BR-Z-05', 'BR-E-05', 'BR-AE-05', 'BR-IC-05', 'BR-G-05']);
    expect(refusals(subject([line('O', '19')], { customer: {} }))).toEqual(['BR-O-05']);
    const allowance: DocumentAdjustment = { amount: 100, taxCategory: 'S', taxRate: '0' };
    const charge: DocumentAdjustment = { amount: 100, taxCategory: 'AE', taxRate: '19' };
    expect(refusals(subject([line('S', '19')], { allowances: [allowance], charges: [charge] }))).toEqual(['BR-S-06', 'BR-AE-07']);
  });

  it('refuses reverse charge and intra-community supplies without both VAT ids, naming what is missing', () => {
    const [problem] = vatRuleProblems(subject([line('AE')], { customer: {} }));
    expect(problem).toMatchObject({ rule: 'BR-AE-02', level: 'refuse', message: "reverse charge (AE) needs the seller's VAT id and the buyer's VAT id (the buyer's VAT id missing)" });
    expect(refusals(subject([line('AE')], { issuer: { taxNumber: '12/345/67890' } }))).toEqual(['BR-AE-02']);
    expect(refusals(subject([line('S', '19')], { charges: [{ amount: 1, taxCategory: 'AE', taxRate: '0' }], customer: {} }))).toEqual(['BR-AE-04']);
    expect(refusals(subject([line('K')], { customer: {}, serviceDate: TODAY }))).toEqual(['BR-IC-02']);
  });

  it('refuses an intra-community supply without a date of supply or period (BR-IC-11)', () => {
    expect(refusals(subject([line('K')]))).toEqual(['BR-IC-11']);
    expect(refusals(subject([line('K')], { servicePeriod: { start: '2026-02-01', end: '2026-02-28' } }))).toEqual([]);
  });

  it('refuses O mixed with any other category (BR-O-12/13/14)', () => {
    expect(vatRuleProblems(subject([line('O'), line('S', '19')], { customer: {}, issuer: {} })).find((problem) => problem.level === 'refuse')).toMatchObject({
      rule: 'BR-O-12',
      message: 'an invoice with item 1 outside the scope of VAT (O) has no other VAT category (item 2 is S)',
    });
    expect(refusals(subject([line('O')], { allowances: [{ amount: 1, taxCategory: 'Z', taxRate: '0' }], customer: {}, issuer: {} }))).toEqual(['BR-O-13']);
  });

  it('refuses exemption reasons on S and Z, and two different reasons in one category', () => {
    expect(refusals(subject([line('S', '19', { exemptionReason: 'because' }), line('Z', '0', { exemptionCode: 'VATEX-EU-G' })]))).toEqual(['BR-S-10', 'BR-Z-10']);
    expect(refusals(subject([line('E', '0', { exemptionReason: 'Medical' }), line('E', '0', { exemptionReason: 'Education' })]))).toEqual(['BR-E-01']);
  });

  it('lists what only an e-invoice needs at the export level', () => {
    const levels = (invoice: VatRuleSubject) => vatRuleProblems(invoice).map((problem) => `${problem.rule} ${problem.level}`);
    expect(levels(subject([line('S', '19')], { issuer: {} }))).toEqual(['BR-S-02 export']);
    expect(levels(subject([line('O')], { customer: { taxId: 'FR1' }, issuer: {} }))).toEqual(['BR-O-02 export']);
    expect(levels(subject([line('Z', '0', { unitPrice: '-5' })]))).toEqual(['BR-27 export']);
    expect(levels(subject([line('G')], { issuer: { taxNumber: '1' } }))).toEqual(['BR-G-02 export']);
  });
});

describe('default categories', () => {
  it('follow the small-business setting, then the customer treatment, then the rate', () => {
    expect(defaultCategory({ rate: { coef: 19n, scale: 0 } })).toBe('S');
    expect(defaultCategory({ rate: '7.5' })).toBe('S');
    expect(defaultCategory({ rate: '0.00' })).toBe('Z');
    expect(defaultCategory({ rate: { coef: 0n, scale: 0 } })).toBe('Z');
    expect(defaultCategory({})).toBe('Z');
    expect(defaultCategory({ rate: { coef: 0n, scale: 0 }, treatment: 'reverse-charge' })).toBe('AE');
    expect(defaultCategory({ treatment: 'intra-community' })).toBe('K');
    expect(defaultCategory({ treatment: 'export' })).toBe('G');
    expect(defaultCategory({ treatment: 'exempt' })).toBe('E');
    expect(defaultCategory({ rate: '19', treatment: 'standard' })).toBe('S');
    expect(defaultCategory({ treatment: 'reverse-charge', smallBusiness: 'E' })).toBe('E');
    expect(categoryDefaultsFor({ vat: { smallBusiness: true } }, { vatTreatment: 'export' })).toEqual({ treatment: 'export', smallBusiness: 'O' });
    expect(categoryDefaultsFor({ vat: { smallBusiness: false, smallBusinessCategory: 'E' } }, {})).toEqual({});
  });
});

describe('units', () => {
  it('maps aliases to Rec. 20 codes and accepts any code of the list', () => {
    expect(['h', 'Hours', 'day', 'month', 'piece', 'pcs', 'kg', 'm', 'kWh', 'km', 'l', 'week', 'year', 'minute'].map((unit) => unitCode(unit))).toEqual([
      'HUR', 'HUR', 'DAY', 'MON', 'H87', 'H87', 'KGM', 'MTR', 'KWH', 'KMT', 'LTR', 'WEE', 'ANN', 'MIN',
    ]);
    expect(unitCode('hur')).toBe('HUR');
    expect(unitCode('XPP')).toBe('XPP'); // Rec. 21 (packages)
    expect(unitCode(' c62 ')).toBe('C62');
    expect(() => unitCode('hrs.')).toThrow(/unit: 'hrs\.' is not a UN\/ECE Rec\. 20\/21 unit code/);
    expect(() => unitCode('ZZZZ')).toThrow(/not a UN\/ECE/);
  });
});

describe('create and edit check the rules before anything changes', () => {
  const items = (extra: Partial<ItemInput> = {}): ItemInput[] => [{ description: 'Audit', unitPrice: '1000', taxRate: '0', taxCategory: 'AE', ...extra }];

  it('refuses reverse charge to a customer without a VAT id, adding nothing', () => {
    const doc = sampleDocument();
    expect(() => createInvoice(doc, { customer: 'globex', items: items() }, { today: TODAY, id: nextId() })).toThrow(/^BR-AE-02: reverse charge \(AE\) needs the seller's VAT id and the buyer's VAT id/);
    expect(doc.invoices).toEqual([]);
    expect(doc.sequences).toEqual({});
  });

  it('carries the new fields onto the invoice and keeps the edit atomic', () => {
    const doc = sampleDocument();
    doc.customers[0]!.taxId = 'ATU12345678';
    const invoice = createInvoice(
      doc,
      {
        customer: 'globex',
        items: items({ unit: 'day', quantity: '3' }),
        serviceDate: '2026-02-27',
        servicePeriod: { start: '2026-02-01', end: '2026-02-28' },
        purchaseOrder: 'PO-7',
        buyerReference: '04011000-12345-03',
        contract: 'C-1',
        charges: [{ amount: '50', reason: 'Travel', taxCategory: 'AE', taxRate: '0' }],
      },
      { today: TODAY, id: nextId() },
    );
    expect(invoice).toMatchObject({
      type: 'invoice',
      lang: 'de',
      serviceDate: '2026-02-27',
      servicePeriod: { start: '2026-02-01', end: '2026-02-28' },
      purchaseOrder: 'PO-7',
      buyerReference: '04011000-12345-03',
      contract: 'C-1',
      lineTotal: 300000,
      chargeTotal: 5000,
      subtotal: 305000,
      total: 305000,
      items: [{ unit: 'DAY', taxCategory: 'AE' }],
      taxes: [{ category: 'AE', exemptionReason: 'Steuerschuldnerschaft des Leistungsempfängers' }], // globex reads German
    });
    const before = JSON.stringify(doc);
    expect(() => editInvoice(doc, invoice, { items: [{ description: 'x', unitPrice: '5', taxCategory: 'O' }] }, TODAY)).toThrow(/^BR-O-14: /);
    expect(JSON.stringify(doc)).toBe(before);
    // Removing the charge and a reference, keeping the rest.
    editInvoice(doc, invoice, { charges: [], contract: '' }, TODAY);
    expect(invoice).not.toHaveProperty('charges');
    expect(invoice).not.toHaveProperty('contract');
    expect(invoice).toMatchObject({ chargeTotal: 0, total: 300000, purchaseOrder: 'PO-7' });
    // The replaced version keeps what it had.
    expect(invoice.history.at(-1)).toMatchObject({ event: 'edited', previous: { chargeTotal: 5000, total: 305000, contract: 'C-1', charges: [{ amount: 5000, taxCategory: 'AE' }] } });
  });

  it('refuses a period that ends before it starts', () => {
    const doc = sampleDocument();
    expect(() => createInvoice(doc, { customer: 'globex', items: [{ description: 'x', unitPrice: '1' }], servicePeriod: { start: '2026-03-01', end: '2026-02-01' } }, { today: TODAY, id: nextId() })).toThrow(
      /servicePeriod: the start 2026-03-01 is after the end 2026-02-01/,
    );
  });
});

/** Items with allowances and charges well within the limits. */
const cents = (max: number) => fc.integer({ min: 1, max }).map((value) => (value / 100).toFixed(2));
const adjustment = fc.oneof(fc.record({ percent: fc.integer({ min: 1, max: 1000 }).map((value) => String(value / 100)) }), fc.record({ amount: cents(5000) }));
const documentAdjustment = fc.oneof(
  fc.record({ percent: fc.integer({ min: 1, max: 1000 }).map((value) => String(value / 100)) }),
  fc.record({ amount: cents(5000), taxCategory: fc.constant('S'), taxRate: fc.constant('19') }),
);
const itemWithAdjustments = fc.record({
  description: fc.constant('Work'),
  quantity: fc.integer({ min: 1, max: 500 }).map(String),
  unitPrice: cents(100_000),
  taxRate: fc.constantFrom('0', '7', '19', '20'),
  baseQuantity: fc.constantFrom(undefined, '1', '12', '100'),
  allowances: fc.array(adjustment, { maxLength: 3 }),
  charges: fc.array(adjustment, { maxLength: 2 }),
}).map(({ baseQuantity, ...rest }) => ({ ...rest, ...(baseQuantity !== undefined && { baseQuantity }) }));

describe('the arithmetic, as properties', () => {
  it('adds up: line nets, groups, document adjustments, subtotal and total, with each tax within half a cent', () => {
    fc.assert(
      fc.property(fc.array(itemWithAdjustments, { minLength: 1, maxLength: 20 }), fc.array(documentAdjustment, { maxLength: 2 }), fc.array(documentAdjustment, { maxLength: 2 }), (items, allowances, charges) => {
        let totals;
        try {
          totals = computeTotals(items, 'EUR', { allowances, charges });
        } catch (error) {
          // Allowances may exceed what they discount; that is refused, never mis-added.
          expect((error as Error).message).toMatch(/negative/);
          return;
        }
        expect(totals.lineTotal).toBe(totals.items.reduce((sum, item) => sum + item.net, 0));
        expect(totals.allowanceTotal).toBe((totals.allowances ?? []).reduce((sum, entry) => sum + entry.amount, 0));
        expect(totals.chargeTotal).toBe((totals.charges ?? []).reduce((sum, entry) => sum + entry.amount, 0));
        expect(totals.subtotal).toBe(totals.lineTotal - totals.allowanceTotal + totals.chargeTotal);
        expect(totals.taxes.reduce((sum, line) => sum + line.base, 0)).toBe(totals.subtotal);
        expect(totals.total).toBe(totals.subtotal + totals.tax);
        for (const item of totals.items) {
          const off = (item.allowances ?? []).reduce((sum, entry) => sum + entry.amount, 0);
          const on = (item.charges ?? []).reduce((sum, entry) => sum + entry.amount, 0);
          const gross = item.net + off - on;
          // gross is q × price ÷ base quantity rounded once: within half a cent of the exact value.
          const exact = (Number(item.quantity) * Number(item.unitPrice) * 100) / Number(item.baseQuantity ?? '1');
          expect(Math.abs(gross - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
        }
        for (const line of totals.taxes) expect(Math.abs(line.tax - (line.base * Number(line.rate)) / 100)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
    );
  });
});
