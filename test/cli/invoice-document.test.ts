import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInvoiceDocument } from '../../src/cli/invoice-document.js';

// Issue 9 item 27: invoice-input.schema.json is the one definition of the --input document; its TypeScript
// type is generated from it and the compiler ties it to the core's InvoiceInput. What is left to check at
// run time: that the reader carries every field the schema defines into the document.
const schema = JSON.parse(readFileSync(new URL('../../src/cli/invoice-input.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, unknown>;
};

describe('the --input document', () => {
  const full = {
    customer: 'globex',
    issueDate: '2026-11-01',
    dueDate: '2026-12-01',
    terms: 30,
    currency: 'EUR',
    note: 'Thanks!',
    draft: true,
    items: [
      {
        description: 'Design work',
        quantity: 2.5,
        unitPrice: '150.00',
        taxRate: 19,
        unit: 'h',
        baseQuantity: 1,
        taxCategory: 'S',
        exemptionReason: 'none',
        exemptionCode: 'VATEX-EU-O',
        allowances: [{ percent: 10, reason: 'Loyalty', reasonCode: '95' }],
        charges: [{ amount: 5.5, reason: 'Travel' }],
      },
    ],
    serviceDate: '2026-10-31',
    servicePeriod: { start: '2026-10-01', end: '2026-10-31' },
    purchaseOrder: 'PO-1',
    buyerReference: 'BR-1',
    contract: 'C-1',
    allowances: [{ percent: 5, baseAmount: 100, reason: 'Early', reasonCode: '95', taxCategory: 'S', taxRate: 19, exemptionReason: 'x', exemptionCode: 'VATEX-EU-G' }],
    charges: [{ amount: '12.50', reason: 'Shipping', taxCategory: 'S', taxRate: '7' }],
  };
  const itemSchema = (schema.properties.items as { items: { properties: Record<string, unknown> } }).items;
  const adjustmentSchema = (schema.properties.allowances as { items: { properties: Record<string, unknown> } }).items;

  it('reads every field the schema defines, and nothing else', () => {
    expect(Object.keys(full).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(Object.keys(full.items[0]!).sort()).toEqual(Object.keys(itemSchema.properties).sort());
    expect([...Object.keys(full.allowances[0]!), 'amount'].sort()).toEqual(Object.keys(adjustmentSchema.properties).sort()); // amount: in charges[0]
    expect(parseInvoiceDocument(full, '--input x')).toEqual({
      ...full,
      items: [
        {
          ...full.items[0],
          quantity: '2.5',
          taxRate: '19',
          baseQuantity: '1',
          allowances: [{ percent: '10', reason: 'Loyalty', reasonCode: '95' }],
          charges: [{ amount: '5.5', reason: 'Travel' }],
        },
      ],
      allowances: [{ ...full.allowances[0], percent: '5', baseAmount: '100', taxRate: '19' }],
    });
  });

  it('refuses an exponent in a decimal of an allowance', () => {
    expect(() => parseInvoiceDocument({ ...full, charges: [{ amount: 1e21 }] }, '--input x')).toThrow(/^--input x: charges\[0\]\.amount: 1e\+21 is not a plain decimal/);
  });

  it('refuses a field the schema does not define', () => {
    expect(() => parseInvoiceDocument({ ...full, unit_price: 1 }, '--input x')).toThrow(/^--input x: unit_price: unknown field$/);
  });
});
