/**
 * The fixed dataset of the VAT report and EC sales list tests (the e2e test builds the same through the CLI).
 * A German business (EUR, DE123456789). Every expected figure is worked out by hand below.
 *
 *   I1 INV-2026-0001 globex EUR issued 2026-08-20 (no date of supply)
 *        Consulting 10 × 100.00 at S 19 %: net 1,000.00, VAT 190.00; Books 2 × 50.00 at S 7 %: net 100.00, VAT 7.00
 *        total 1,297.00; paid 500.00 on 2026-09-15 (Q3) and 797.00 on 2026-10-05 (Q4)
 *   I2 INV-2026-0002 paris (FR40303265045, reverse charge) EUR issued 2026-09-30, period 2026-09-01..09-30
 *        Consulting September 2,000.00 AE; paid 2026-10-20
 *   I3 INV-2026-0003 wien (ATU12345678, intra-community) EUR issued 2026-10-02, date of supply 2026-09-28
 *        Printed manuals 300 × 5.00 = 1,500.00 K; paid 2026-10-30
 *   I4 INV-2026-0004 globex EUR issued 2026-10-15, date of supply 2026-10-14
 *        Workshop 800.00 at S 19 %: VAT 152.00, total 952.00; paid 952.00 on 2026-10-25;
 *        CN-2026-0001 on 2026-11-03: 100.00 at S 19 % (VAT 19.00, 119.00); refunded 119.00 on 2026-11-10
 *   I5 INV-2026-0005 acme USD issued 2026-11-02: Support 1,000.00 at S 19 %: VAT 190.00, total 1,190.00 USD;
 *        paid 400.00 USD on 2026-12-01
 *   I6 INV-2026-0006 paris EUR issued 2026-11-10, date of supply 2026-11-05: Translation 500.00 AE;
 *        CN-2026-0002 on 2026-11-20: 100.00 AE; unpaid
 *   V  INV-2026-0007 globex issued 2026-11-15, 50.00 at 19 %, void;   Dr: a draft of 999.00 at 19 %
 *
 * Invoice basis (tax point: date of supply, else issue date; K and credit notes: issue date):
 *   Q3 (07-01..09-30): EUR S 19 1,000.00 / 190.00 (I1);  S 7 100.00 / 7.00 (I1);  AE 2,000.00 (I2, period end
 *      09-30). I3 is not in Q3 though supplied 09-28: goods (K) count at the issue date 10-02.
 *   Q4 (10-01..12-31): EUR S 19 800.00 − 100.00 = 700.00 / 152.00 − 19.00 = 133.00 (I4, CN-0001);
 *      AE 500.00 − 100.00 = 400.00 (I6, CN-0002);  K 1,500.00 (I3);  USD S 19 1,000.00 / 190.00 (I5, foreign).
 *
 * Payment basis (payment-shares.ts):
 *   Q3: I1's 500.00 of 1,297.00 over 1000.00, 190.00, 100.00, 7.00 (cents × 50000 / 129700):
 *       38550.501, 7324.595, 3855.050, 269.853 → floors sum to 49998; the 2 cents left go to the remainders
 *       .853 and .595 → S 19 385.50 / 73.25;  S 7 38.55 / 2.70  (sum 500.00).
 *   Q4: I1's 797.00 counts the rest: S 19 1,000.00 − 385.50 = 614.50 / 190.00 − 73.25 = 116.75;
 *         S 7 100.00 − 38.55 = 61.45 / 7.00 − 2.70 = 4.30;
 *       I4 paid 952.00 on 10-25 (no credit note yet): S 19 800.00 / 152.00; refund of 119.00 on 11-10: the
 *         running total 833.00 over the breakdown less CN-0001 (700.00, 133.00) is 700.00 / 133.00, so the
 *         refund counts −100.00 / −19.00;
 *       → S 19 614.50 + 800.00 − 100.00 = 1,314.50 / 116.75 + 152.00 − 19.00 = 249.75;  S 7 61.45 / 4.30;
 *       AE 2,000.00 (I2 paid 10-20; I6 unpaid);  K 1,500.00 (I3 paid 10-30);
 *       USD: 400.00 of 1,190.00 over 1000.00, 190.00 (× 40000 / 119000): 33613.445, 6386.554 → floors
 *         39999, the cent to .554 → S 19 336.13 / 63.87 (foreign).
 *   October (--month 2026-10): S 19 614.50 + 800.00 = 1,414.50 / 116.75 + 152.00 = 268.75; S 7 61.45 / 4.30;
 *       AE 2,000.00; K 1,500.00.
 *
 * EC sales list (net; services AE by date of supply, goods K by issue date, credit notes at their issue date):
 *   Q3: FR40303265045 services 2,000.00, goods 0.00.
 *   Q4: ATU12345678 services 0.00, goods 1,500.00;  FR40303265045 services 500.00 − 100.00 = 400.00, goods 0.00.
 */
import { createBusiness } from '../../../src/domain/business.js';
import { issueCreditNote } from '../../../src/domain/credit-notes.js';
import { addCustomer } from '../../../src/domain/customers.js';
import { applyPayment, voidInvoice } from '../../../src/domain/invoice-settlement.js';
import { createInvoice, type InvoiceInput } from '../../../src/domain/invoices.js';
import { applyRefund } from '../../../src/domain/refunds.js';
import type { Invoice, StoreDocument } from '../../../src/domain/types.js';
import { emptyDocument } from '../../../src/store/schema.js';

export const TAX_TODAY = '2027-01-10';

export function taxDataset(): { doc: StoreDocument; byName: Record<string, Invoice> } {
  const doc = emptyDocument();
  doc.business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', taxId: 'DE123456789', country: 'DE' });
  addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', country: 'DE' }, '2026-01-01');
  addCustomer(doc, { id: 'paris', name: 'Paris SARL', email: 'compta@paris.test', country: 'FR', taxId: 'FR40303265045', vatTreatment: 'reverse-charge' }, '2026-01-01');
  addCustomer(doc, { id: 'wien', name: 'Wien GmbH', email: 'office@wien.test', country: 'AT', taxId: 'ATU12345678', vatTreatment: 'intra-community' }, '2026-01-01');
  addCustomer(doc, { id: 'acme', name: 'ACME Corp.', email: 'billing@acme.test', currency: 'USD' }, '2026-01-01');
  const byName: Record<string, Invoice> = {};
  const make = (name: string, input: Omit<InvoiceInput, 'issueDate'> & { issueDate: string }) => {
    byName[name] = createInvoice(doc, input, { today: input.issueDate, id: `inv_${name}` });
  };
  const invoice = (name: string) => byName[name] as Invoice;
  const pay = (name: string, date: string, amount?: string) => applyPayment(invoice(name), { date, ...(amount !== undefined && { amount }) }, date);
  const credit = (name: string, note: string, date: string, price: string, taxRate: string) => {
    byName[note] = issueCreditNote(doc, invoice(name), { items: [{ description: 'credit', unitPrice: price, taxRate }], issueDate: date }, { today: date, id: `inv_${note}` });
  };

  make('I1', {
    customer: 'globex',
    issueDate: '2026-08-20',
    items: [
      { description: 'Consulting', quantity: '10', unitPrice: '100', taxRate: '19' },
      { description: 'Books', quantity: '2', unitPrice: '50', taxRate: '7' },
    ],
  });
  pay('I1', '2026-09-15', '500');
  make('I2', { customer: 'paris', issueDate: '2026-09-30', servicePeriod: { start: '2026-09-01', end: '2026-09-30' }, items: [{ description: 'Consulting September', unitPrice: '2000' }] });
  make('I3', { customer: 'wien', issueDate: '2026-10-02', serviceDate: '2026-09-28', items: [{ description: 'Printed manuals', quantity: '300', unitPrice: '5' }] });
  pay('I1', '2026-10-05');
  make('I4', { customer: 'globex', issueDate: '2026-10-15', serviceDate: '2026-10-14', items: [{ description: 'Workshop', unitPrice: '800', taxRate: '19' }] });
  pay('I2', '2026-10-20');
  pay('I4', '2026-10-25');
  pay('I3', '2026-10-30');
  make('I5', { customer: 'acme', issueDate: '2026-11-02', items: [{ description: 'Support', unitPrice: '1000', taxRate: '19' }] });
  credit('I4', 'CN1', '2026-11-03', '100', '19');
  applyRefund(invoice('I4'), { date: '2026-11-10' }, '2026-11-10');
  make('I6', { customer: 'paris', issueDate: '2026-11-10', serviceDate: '2026-11-05', items: [{ description: 'Translation', unitPrice: '500' }] });
  make('V', { customer: 'globex', issueDate: '2026-11-15', items: [{ description: 'Void', unitPrice: '50', taxRate: '19' }] });
  voidInvoice(invoice('V'), '2026-11-16');
  credit('I6', 'CN2', '2026-11-20', '100', '0');
  pay('I5', '2026-12-01', '400');
  make('Dr', { customer: 'globex', issueDate: '2026-12-05', draft: true, items: [{ description: 'Draft', unitPrice: '999', taxRate: '19' }] });
  return { doc, byName };
}
