/**
 * VAT categories, allowances and charges through the built CLI's --input (issue 10): the figures of
 * `invoice show --json`, and bad combinations refused with exit 2 and the store unchanged byte for byte.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  await box.ok(['customer', 'add', '--id', 'paris', '--name', 'Paris SARL', '--email', 'compta@paris.test', '--lang', 'fr', '--tax-id', 'FR40303265045']);
});
afterAll(() => box.cleanup());

const newInvoice = async (document: object) => JSON.parse((await box.ok(['invoice', 'new', '--input', '-', '--json'], { input: JSON.stringify(document) })).stdout);

describe('invoice new --input with allowances, charges and categories', () => {
  it('prices line and document allowances and charges per (category, rate) and shows them', async () => {
    const invoice = await newInvoice({
      customer: 'globex',
      issueDate: '2026-11-02',
      serviceDate: '2026-10-31',
      purchaseOrder: 'PO-4711',
      buyerReference: '04011000-12345-03',
      contract: 'Framework 2026',
      items: [
        { description: 'Consulting', quantity: '10', unit: 'h', unitPrice: '120.00', taxRate: '19', allowances: [{ percent: '10', reason: 'Loyalty' }] },
        { description: 'Printed manuals', quantity: '30', unit: 'piece', unitPrice: '5.00', baseQuantity: '12', taxRate: '7' },
        { description: 'Returned manual', quantity: '-1', unitPrice: '4.99', taxRate: '7', charges: [{ amount: '0.50', reason: 'Restocking' }] },
      ],
      allowances: [{ percent: '5', reason: 'Early order' }],
      charges: [{ amount: '12.50', reason: 'Shipping', taxCategory: 'S', taxRate: '7' }],
    });
    // Lines: 1200.00 − 120.00 = 1080.00; 30 × 5.00 / 12 = 12.50; −4.99 + 0.50 = −4.49.
    expect(invoice.items.map((item: { net: string; unit: string; taxCategory: string }) => [item.net, item.unit, item.taxCategory])).toEqual([
      ['1080.00', 'HUR', 'S'],
      ['12.50', 'H87', 'S'],
      ['-4.49', 'C62', 'S'],
    ]);
    expect(invoice.items[0].allowances).toEqual([{ amount: '120.00', percent: '10', base: '1200.00', reason: 'Loyalty', reasonCode: null }]);
    expect(invoice.items[1].baseQuantity).toBe('12');
    // 5% per group: 54.00 of 1080.00 (S 19%) and 0.40 of 8.01 (S 7%: 0.4005 → 0.40).
    expect(invoice.allowances.map((entry: { amount: string; taxCategory: string; taxRate: string }) => [entry.amount, entry.taxCategory, entry.taxRate])).toEqual([
      ['54.00', 'S', '19'],
      ['0.40', 'S', '7'],
    ]);
    expect(invoice.taxes).toEqual([
      { rate: '7', base: '20.11', tax: '1.41', category: 'S', exemptionReason: null, exemptionCode: null }, // 8.01 − 0.40 + 12.50; 1.4077 → 1.41
      { rate: '19', base: '1026.00', tax: '194.94', category: 'S', exemptionReason: null, exemptionCode: null },
    ]);
    expect(invoice).toMatchObject({
      type: 'invoice',
      lineTotal: '1088.01',
      allowanceTotal: '54.40',
      chargeTotal: '12.50',
      subtotal: '1046.11',
      tax: '196.35',
      total: '1242.46',
      balance: '1242.46',
      serviceDate: '2026-10-31',
      servicePeriod: null,
      purchaseOrder: 'PO-4711',
      buyerReference: '04011000-12345-03',
      contract: 'Framework 2026',
    });
    expect(JSON.parse((await box.ok(['invoice', 'show', invoice.number, '--json'])).stdout)).toEqual(invoice);
    // verify recomputes the same figures.
    expect((await box.ok(['verify'])).code).toBe(0);

    // An edit that leaves the document allowances nothing to apply to is refused, the store unchanged.
    const before = readFileSync(box.store);
    const refusedEdit = await box.run(['invoice', 'edit', invoice.number, '--input', '-'], { input: JSON.stringify({ items: [{ description: 'x', unitPrice: '1', taxCategory: 'O' }] }) });
    expect(refusedEdit.code).toBe(2);
    expect(refusedEdit.stderr).toMatch(/allowances\[0\]: no lines in S 19% to take 5% of/);
    expect(readFileSync(box.store).equals(before)).toBe(true);

    // Removing the charge prices the rest again: the 5% stays 5% of each group's line total.
    const edited = JSON.parse((await box.ok(['invoice', 'edit', invoice.number, '--input', '-', '--json'], { input: JSON.stringify({ charges: [] }) })).stdout);
    expect(edited.taxes.map((line: { rate: string; base: string; tax: string }) => [line.rate, line.base, line.tax])).toEqual([
      ['7', '7.61', '0.53'], // 0.5327 → 0.53
      ['19', '1026.00', '194.94'],
    ]);
    expect(edited).toMatchObject({ chargeTotal: '0.00', allowanceTotal: '54.40', subtotal: '1033.61', tax: '195.47', total: '1229.08', charges: [] });
  });

  it('issues reverse charge to a customer with a VAT id, with the note in their language', async () => {
    const invoice = await newInvoice({ customer: 'paris', items: [{ description: 'Audit', quantity: '2', unit: 'day', unitPrice: '900', taxCategory: 'AE' }] });
    expect(invoice.taxes).toEqual([{ rate: '0', base: '1800.00', tax: '0.00', category: 'AE', exemptionReason: 'Autoliquidation', exemptionCode: null }]);
    expect(invoice.total).toBe('1800.00');
  });
});

describe('bad combinations', () => {
  const refused: [string, object, RegExp][] = [
    ['reverse charge without the buyer VAT id', { customer: 'globex', items: [{ description: 'Audit', unitPrice: '900', taxCategory: 'AE' }] }, /^smallpay: BR-AE-02: reverse charge \(AE\) needs the seller's VAT id and the buyer's VAT id/],
    ['O mixed with S', { customer: 'paris', items: [{ description: 'A', unitPrice: '1', taxCategory: 'O' }, { description: 'B', unitPrice: '1', taxRate: '19' }] }, /BR-O-12: an invoice with item 1 outside the scope of VAT \(O\) has no other VAT category/],
    ['S at 0%', { customer: 'globex', items: [{ description: 'A', unitPrice: '1', taxCategory: 'S' }] }, /BR-S-05: item 1: standard rate \(S\) needs a rate above 0/],
    ['reverse charge at 19%', { customer: 'paris', items: [{ description: 'A', unitPrice: '1', taxRate: '19', taxCategory: 'AE' }] }, /BR-AE-05: item 1: reverse charge \(AE\) has the rate 0, not 19%/],
    ['an intra-community supply without a date of supply', { customer: 'paris', items: [{ description: 'A', unitPrice: '1', taxCategory: 'K' }] }, /BR-IC-11: /],
    ['a negative total', { customer: 'globex', items: [{ description: 'A', unitPrice: '10', quantity: '-1' }] }, /the invoice total would be negative/],
    ['an unknown unit', { customer: 'globex', items: [{ description: 'A', unitPrice: '10', unit: 'furlong' }] }, /items\[0\]\.unit: 'furlong' is not a UN\/ECE Rec\. 20\/21 unit code/],
    ['an unknown field in an allowance', { customer: 'globex', items: [{ description: 'A', unitPrice: '10', allowances: [{ percentage: '5' }] }] }, /allowances/],
    ['a period ending before it starts', { customer: 'globex', servicePeriod: { start: '2026-11-30', end: '2026-11-01' }, items: [{ description: 'A', unitPrice: '10' }] }, /servicePeriod: the start 2026-11-30 is after the end 2026-11-01/],
  ];
  it.each(refused)('%s: exit 2, one line, store unchanged', async (_name, document, message) => {
    const before = readFileSync(box.store);
    const result = await box.run(['invoice', 'new', '--input', '-'], { input: JSON.stringify(document) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(readFileSync(box.store).equals(before)).toBe(true);
  });
});
