/** Flags → options of the credit, refund, write-off and unpay verbs, and their run output with test deps. */
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import * as creditInvoice from '../../src/commands/invoice/credit.js';
import * as refundInvoice from '../../src/commands/invoice/refund.js';
import * as showInvoice from '../../src/commands/invoice/show.js';
import * as unpayInvoice from '../../src/commands/invoice/unpay.js';
import { createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { applyPayment } from '../../src/domain/invoice-settlement.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { createTestDeps, outputText } from '../support/test-deps.js';

const items = [{ flag: 'item', value: 'Refund of 2 hours' }, { flag: 'qty', value: '2' }, { flag: 'price', value: '100' }, { flag: 'tax', value: '19' }];
const usage = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no usage error');
};

describe('invoice credit flags', () => {
  it('takes --all, the item flags or --input: exactly one of them', () => {
    expect(creditInvoice.toOptions({ args: ['INV-2026-0001'], opts: { all: true, reason: 'cancelled', date: '2026-11-20' } })).toEqual({ invoice: 'INV-2026-0001', all: true, reason: 'cancelled', date: '2026-11-20', json: false });
    expect(creditInvoice.toOptions({ args: ['INV-2026-0001'], opts: { item: items } }).items).toEqual([{ description: 'Refund of 2 hours', quantity: '2', unitPrice: '100', taxRate: '19' }]);
    expect(usage(() => creditInvoice.toOptions({ args: ['INV-2026-0001'], opts: {} }))).toBe('say what to credit: --all, --item … or --input <file|->');
    expect(usage(() => creditInvoice.toOptions({ args: ['INV-2026-0001'], opts: { all: true, input: '-' } }))).toBe('--all and --input cannot be used together');
    expect(usage(() => creditInvoice.toOptions({ args: [], opts: { all: true } }))).toBe('missing invoice number or id');
    expect(() => creditInvoice.toOptions({ args: ['INV-2026-0001'], opts: { all: true, date: '2026-02-30' } })).toThrow(/--date/);
  });

  it('unpay takes a payment number from 1, refund a positive amount', () => {
    expect(unpayInvoice.toOptions({ args: ['INV-2026-0001', '2'], opts: { reason: 'twice' } })).toEqual({ invoice: 'INV-2026-0001', index: 2, reason: 'twice', json: false });
    expect(usage(() => unpayInvoice.toOptions({ args: ['INV-2026-0001'], opts: {} }))).toMatch(/missing payment index/);
    for (const index of ['0', '-1', '1.5', 'x', '9999999']) expect(usage(() => unpayInvoice.toOptions({ args: ['INV-2026-0001', index], opts: {} }))).toMatch(/is not a number from 1/);
    expect(usage(() => refundInvoice.toOptions({ args: ['INV-2026-0001'], opts: { amount: '0' } }))).toBe('--amount: must be greater than 0');
  });
});

describe('invoice credit and refund runs', () => {
  const setup = createTestDeps({ tty: false });
  afterEach(() => setup.cleanup());

  it('prints the credit note number, tells what is owed back, and shows it on the invoice', async () => {
    await setup.store.update((doc) => {
      doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com' });
      addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test' }, '2026-01-01');
      const invoice = createInvoice(doc, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Work', quantity: '10', unitPrice: '100', taxRate: '19' }] }, { today: '2026-11-01', id: 'inv_a' });
      applyPayment(invoice, { date: '2026-11-10' }, '2026-11-25');
    });
    const out = await creditInvoice.run(creditInvoice.toOptions({ args: ['INV-2026-0001'], opts: { item: items } }), setup.deps);
    expect(out).toBe('CN-2026-0001\n');
    expect(setup.stderr()).toContain('Issued credit note CN-2026-0001 for 238.00 EUR against INV-2026-0001; refund due 238.00 EUR (smallpay invoice refund INV-2026-0001)');
    const shown = outputText(await showInvoice.run(showInvoice.toOptions({ args: ['INV-2026-0001'], opts: {} }), setup.deps));
    expect(shown).toMatch(/^Invoice INV-2026-0001  paid, refund due/);
    expect(shown).toMatch(/Credited\s+238.00 EUR\nPaid\s+1,190.00 EUR\nRefund due\s+238.00 EUR/);
    expect(shown).toMatch(/credited 238.00 EUR by credit note CN-2026-0001/);
    await refundInvoice.run(refundInvoice.toOptions({ args: ['INV-2026-0001'], opts: {} }), setup.deps);
    const after = outputText(await showInvoice.run(showInvoice.toOptions({ args: ['INV-2026-0001'], opts: {} }), setup.deps));
    expect(after).toMatch(/Refunded\s+238.00 EUR\nBalance due\s+0.00 EUR/);
    expect(after).toMatch(/Refunds\n\s+2026-11-25\s+238.00 EUR/);
  });
});
