/**
 * The fixed dataset of the report tests: four customers, two currencies, payments early, on time, late and
 * partial, a void invoice and a draft. Today is 2026-11-25. Every expected figure in the tests is worked
 * out by hand from this list:
 *
 *   A1 alpha EUR 1000.00 issued 2026-01-10 due 02-09, paid 02-05 (4 days early; 26 days to pay)
 *   A2 alpha EUR  500.00 issued 2026-06-01 due 07-01, paid 200 on 06-20 and 300 on 07-11 (10 late; 40 days)
 *   A3 alpha EUR  300.00 issued 2026-10-26 due 11-24, open (due yesterday: 1 day overdue)
 *   Old alpha EUR  50.00 issued 2025-06-01 due 07-01, paid 07-01 (on time; 30 days) — before the default period
 *   V1 alpha EUR  999.00 issued 2026-11-01, void
 *   B1 beta  EUR  400.00 issued 2026-09-01 due 10-26, 100 paid 10-01 (30 days overdue, balance 300)
 *   B2 beta  EUR  250.00 issued 2026-09-15 due 10-25, open (31 days overdue)
 *   B3 beta  EUR  150.00 issued 2026-11-20 due 12-20, open (not due)
 *   B4 beta  EUR  600.00 issued 2026-03-01 due 03-31, paid 04-20 (20 late; 50 days)
 *   Dr beta  EUR  777.00 draft
 *   G1 gamma USD  800.00 issued 2026-05-01 due 05-31, open (178 days overdue: at risk)
 *   G2 gamma USD  200.00 issued 2026-11-01 due 12-01, paid 11-10 (21 early; 9 days)
 *   D1 delta EUR  100.00 issued 2026-11-24 due 12-24, open (no payment history)
 */
import { createBusiness } from '../../../src/domain/business.js';
import { addCustomer } from '../../../src/domain/customers.js';
import { applyPayment, voidInvoice } from '../../../src/domain/invoice-settlement.js';
import { createInvoice } from '../../../src/domain/invoices.js';
import type { Invoice, StoreDocument } from '../../../src/domain/types.js';
import { emptyDocument } from '../../../src/store/schema.js';

export const TODAY = '2026-11-25';

export function reportDataset(): { doc: StoreDocument; byName: Record<string, Invoice> } {
  const doc = emptyDocument();
  doc.business = createBusiness({ name: 'Ada', email: 'ada@example.com', country: 'DE' });
  addCustomer(doc, { id: 'alpha', name: 'Alpha', email: 'a@alpha.test' }, '2025-01-01');
  addCustomer(doc, { id: 'beta', name: 'Beta', email: 'b@beta.test' }, '2025-01-01');
  addCustomer(doc, { id: 'gamma', name: 'Gamma', email: 'g@gamma.test', currency: 'USD' }, '2025-01-01');
  addCustomer(doc, { id: 'delta', name: 'Delta', email: 'd@delta.test' }, '2025-01-01');
  const byName: Record<string, Invoice> = {};
  const make = (name: string, customer: string, price: string, issueDate: string, dueDate: string, options: { draft?: boolean } = {}) => {
    byName[name] = createInvoice(doc, { customer, items: [{ description: name, unitPrice: price }], issueDate, dueDate, ...options }, { today: issueDate, id: `inv_${name}` });
    return byName[name] as Invoice;
  };
  const pay = (name: string, date: string, amount?: string) => applyPayment(byName[name] as Invoice, { date, ...(amount !== undefined && { amount }) }, date);

  make('Old', 'alpha', '50.00', '2025-06-01', '2025-07-01');
  pay('Old', '2025-07-01');
  make('A1', 'alpha', '1000.00', '2026-01-10', '2026-02-09');
  pay('A1', '2026-02-05');
  make('B4', 'beta', '600.00', '2026-03-01', '2026-03-31');
  pay('B4', '2026-04-20');
  make('G1', 'gamma', '800.00', '2026-05-01', '2026-05-31');
  make('A2', 'alpha', '500.00', '2026-06-01', '2026-07-01');
  pay('A2', '2026-06-20', '200');
  pay('A2', '2026-07-11');
  make('B1', 'beta', '400.00', '2026-09-01', '2026-10-26');
  pay('B1', '2026-10-01', '100');
  make('B2', 'beta', '250.00', '2026-09-15', '2026-10-25');
  make('A3', 'alpha', '300.00', '2026-10-26', '2026-11-24');
  make('V1', 'alpha', '999.00', '2026-11-01', '2026-12-01');
  voidInvoice(byName.V1 as Invoice, '2026-11-02');
  make('G2', 'gamma', '200.00', '2026-11-01', '2026-12-01');
  pay('G2', '2026-11-10');
  make('B3', 'beta', '150.00', '2026-11-20', '2026-12-20');
  make('D1', 'delta', '100.00', '2026-11-24', '2026-12-24');
  make('Dr', 'beta', '777.00', '2026-11-25', '2026-12-25', { draft: true });
  return { doc, byName };
}
