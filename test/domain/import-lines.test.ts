/** The rows of the Xero and QuickBooks import files: exact amounts, VAT shared out per row, the settings. */
import { describe, expect, it } from 'vitest';
import { quickBooksTaxCode, xeroTaxType } from '../../src/domain/accounting-import-settings.js';
import { changeSetting, checkSettingKey, createBusiness, unsetSetting } from '../../src/domain/business.js';
import { importDate, importRows, importableDocuments } from '../../src/domain/import-lines.js';
import { type DocumentAdjustmentInput, type ItemInput, computeTotals } from '../../src/domain/totals.js';
import type { Invoice } from '../../src/domain/types.js';

function invoiceOf(items: ItemInput[], extra: Partial<Invoice> = {}, charges?: DocumentAdjustmentInput[]): Invoice {
  const totals = computeTotals(items, extra.currency ?? 'EUR', { ...(charges && { charges }) });
  return {
    id: 'inv_1', number: 'INV-1', status: 'open', customer: { id: 'c', name: 'C', email: 'c@x.test' }, issuer: null,
    issueDate: '2026-11-01', dueDate: '2026-12-01', terms: 30, currency: 'EUR', paid: 0, payments: [], history: [], type: 'invoice',
    ...totals, ...extra,
  } as Invoice;
}

const figures = (invoice: Invoice) => importRows(invoice).map((row) => [row.description, row.quantity, row.unitAmount, row.amount, row.tax, `${row.category} ${row.rate}`]);

describe('importRows', () => {
  it('gives each allowance and charge a row, and shares each VAT group\'s tax so the rows add up to the invoice', () => {
    // The worked example of totals.ts: S 19: 3 × 33.33 = 99.99 − 10% (10.00) = 89.99, and 12 × 5.00 per dozen = 5.00;
    // S 7: 2 × 0.125 = 0.25 and a 12.50 charge. Tax S 19: 18.05 on 94.99, S 7: 0.89 on 12.75.
    const invoice = invoiceOf(
      [
        { description: 'Design', quantity: '3', unitPrice: '33.33', taxRate: '19', allowances: [{ percent: '10', reason: 'Loyalty' }] },
        { description: 'Bolts', quantity: '12', unitPrice: '5.00', baseQuantity: '12', taxRate: '19' },
        { description: 'Stamps', quantity: '2', unitPrice: '0.125', taxRate: '7' },
      ],
      {},
      [{ amount: '12.50', reason: 'Shipping', taxCategory: 'S', taxRate: '7' }],
    );
    expect(invoice.tax).toBe(1894);
    expect(figures(invoice)).toEqual([
      ['Design', '3', '33.33', 9999, 1900, 'S 19'], //        18.05 × 99.99 / 94.99 = 19.0003 → 19.00
      ['Discount: Loyalty (10%)', '1', '-10.00', -1000, -190, 'S 19'], // 18.05 × −10 / 94.99 = −1.900 → −1.90
      ['Bolts (12 × 5.00 per 12)', '1', '5.00', 500, 95, 'S 19'], //   the rest: 18.05 − 19.00 + 1.90 = 0.95
      ['Stamps', '2', '0.125', 25, 2, 'S 7'], //              0.89 × 0.25 / 12.75 = 0.0174 → 0.02
      ['Charge: Shipping', '1', '12.50', 1250, 87, 'S 7'], // the rest: 0.89 − 0.02 = 0.87
    ]);
    const rows = importRows(invoice);
    expect(rows.reduce((sum, row) => sum + row.amount, 0)).toBe(invoice.subtotal);
    expect(rows.reduce((sum, row) => sum + row.tax, 0)).toBe(invoice.tax);
  });

  it('writes a price with more than 4 decimals as 1 × the line amount', () => {
    const invoice = invoiceOf([{ description: 'Tokens', quantity: '1000', unitPrice: '0.00125', taxRate: '20' }]);
    expect(figures(invoice)).toEqual([['Tokens (1000 × 0.00125)', '1', '1.25', 125, 25, 'S 20']]);
  });

  it('negates the unit amounts, amounts and tax of a credit note (its document figures are positive)', () => {
    const note = invoiceOf([{ description: 'Refund', quantity: '2', unitPrice: '50', taxRate: '20', allowances: [{ amount: '10' }] }], { type: 'credit-note', number: 'CN-1' });
    expect(figures(note)).toEqual([
      ['Refund', '2', '-50.00', -10000, -2000, 'S 20'],
      ['Discount', '1', '10.00', 1000, 200, 'S 20'],
    ]);
  });

  it('shares out a group of returns (negative base) too', () => {
    const invoice = invoiceOf([
      { description: 'Goods', quantity: '1', unitPrice: '100', taxRate: '20' },
      { description: 'Return', quantity: '-3', unitPrice: '33.33', taxRate: '10' },
      { description: 'Return 2', quantity: '-1', unitPrice: '0.01', taxRate: '10' },
    ]);
    // S 10: base −100.00, tax −10.00: −10.00 × −99.99 / −100.00 = −9.999 → −10.00; the rest 0.00.
    expect(importRows(invoice).map((row) => row.tax)).toEqual([2000, -1000, 0]);
  });
});

describe('importDate and importableDocuments', () => {
  it('writes dates in the three formats', () => {
    expect(['dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'].map((format) => importDate('2026-11-05', format as 'dd/mm/yyyy'))).toEqual(['05/11/2026', '11/05/2026', '2026-11-05']);
  });

  it('orders by issue date, then number, and leaves void documents out', () => {
    const base = invoiceOf([{ description: 'A', unitPrice: '1' }]);
    const docs = [
      { ...base, number: 'INV-3', issueDate: '2026-11-02' },
      { ...base, number: 'INV-2', issueDate: '2026-11-01' },
      { ...base, number: 'INV-1', issueDate: '2026-11-02', status: 'void' as const },
      { ...base, number: 'CN-1', issueDate: '2026-11-02', type: 'credit-note' as const },
    ];
    const { documents, voided } = importableDocuments(docs);
    expect(documents.map((doc) => doc.number)).toEqual(['INV-2', 'CN-1', 'INV-3']);
    expect(voided).toEqual(['INV-1']);
  });
});

describe('the xero.* and quickbooks.* settings', () => {
  it('map a category, or a category at one rate, and fall back to the built-in names', () => {
    const business = createBusiness({ name: 'Ada', email: 'ada@example.com' });
    expect([xeroTaxType(business, 'S', '20'), xeroTaxType(business, 'S', '19'), xeroTaxType(business, 'AE', '0'), xeroTaxType(business, 'K', '0'), xeroTaxType(business, 'E', '0'), xeroTaxType(business, 'O', '0')])
      .toEqual(['20% (VAT on Income)', '19% (VAT on Income)', 'Zero Rated EC Services', 'Zero Rated EC Goods Income', 'Exempt Income', 'No VAT']);
    expect([quickBooksTaxCode(business, 'S', '20'), quickBooksTaxCode(business, 'S', '5'), quickBooksTaxCode(business, 'S', '7.5'), quickBooksTaxCode(business, 'Z', '0'), quickBooksTaxCode(business, 'AE', '0')])
      .toEqual(['20.0% S', '5.0% R', '7.5% S', '0.0% Z', '0.0% ECS']);

    changeSetting(business, 'xero.taxType.s', 'Standard');
    changeSetting(business, 'xero.taxType.S.19.0', '19% Umsatzsteuer');
    changeSetting(business, 'quickbooks.taxCode.ae', 'RC');
    expect(business.xero).toEqual({ taxTypes: { S: 'Standard', 'S.19': '19% Umsatzsteuer' } });
    expect([xeroTaxType(business, 'S', '19'), xeroTaxType(business, 'S', '7'), quickBooksTaxCode(business, 'AE', '0')]).toEqual(['19% Umsatzsteuer', 'Standard', 'RC']);

    unsetSetting(business, 'xero.taxType.S');
    unsetSetting(business, 'xero.taxType.S.19');
    unsetSetting(business, 'quickbooks.taxCode.AE');
    expect([business.xero, business.quickbooks]).toEqual([undefined, undefined]);
  });

  it('checks keys and values before anything is written', () => {
    const business = createBusiness({ name: 'Ada', email: 'ada@example.com' });
    expect(checkSettingKey('xero.taxType.ae.0')).toBe('xero.taxType.AE.0');
    expect(() => checkSettingKey('xero.taxType.X')).toThrow(/not a VAT category|X/);
    expect(() => checkSettingKey('xero.taxType.S.101')).toThrow(/not a tax rate/);
    expect(() => changeSetting(business, 'xero.taxType.<cat>[.<rate>]', 'x')).toThrow(/in place of <cat>/);
    expect(() => changeSetting(business, 'xero.dateFormat', 'dd.mm.yyyy')).toThrow(/dd\/mm\/yyyy, mm\/dd\/yyyy, yyyy-mm-dd/);
    expect(() => changeSetting(business, 'xero.taxType.S', '  ')).toThrow(/must not be empty/);
    changeSetting(business, 'xero.accountCode', ' 4000 ');
    changeSetting(business, 'quickbooks.dateFormat', 'MM/DD/YYYY');
    expect([business.xero, business.quickbooks]).toEqual([{ accountCode: '4000' }, { dateFormat: 'mm/dd/yyyy' }]);
  });
});
