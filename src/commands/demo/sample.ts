/**
 * The sample business `smallpay demo` builds: dates relative to today, so that it always shows invoices
 * paid, partly paid, open, overdue, void and drafted, in two currencies, with names from several scripts.
 */
import { createBusiness } from '../../domain/business.js';
import { addCustomer } from '../../domain/customers.js';
import { addDays } from '../../domain/dates.js';
import { applyPayment, voidInvoice } from '../../domain/invoice-settlement.js';
import { createInvoice } from '../../domain/invoices.js';
import type { ItemInput } from '../../domain/totals.js';
import type { StoreDocument } from '../../domain/types.js';

interface SampleInvoice {
  customer: string;
  daysAgo: number;
  items: ItemInput[];
  draft?: boolean;
  /** Days after issue, and amount (whole balance when absent). */
  payments?: { after: number; amount?: string; method: string }[];
  voidAfter?: number;
}

const SAMPLES: SampleInvoice[] = [
  { customer: 'globex', daysAgo: 95, items: [{ description: 'Brand workshop', quantity: '2', unitPrice: '850.00', taxRate: '19' }], payments: [{ after: 21, method: 'bank' }] },
  { customer: 'initech', daysAgo: 70, items: [{ description: 'API integration, phase 1', quantity: '32', unitPrice: '95.00' }] },
  {
    customer: 'umbrella',
    daysAgo: 52,
    items: [
      { description: 'Website redesign', quantity: '1', unitPrice: '4200.00', taxRate: '20' },
      { description: 'Stock photography licence', quantity: '12', unitPrice: '14.99', taxRate: '20' },
    ],
    payments: [{ after: 30, amount: '2000.00', method: 'bank' }],
  },
  { customer: 'globex', daysAgo: 40, items: [{ description: 'Typesetting, "Annual report 2026"', quantity: '14.5', unitPrice: '72.00', taxRate: '19' }], voidAfter: 3 },
  {
    customer: 'zoe',
    daysAgo: 24,
    items: [
      { description: 'Illustrations — Ærøskøbing series', quantity: '6', unitPrice: '180.00', taxRate: '21' },
      { description: 'Print-ready files', quantity: '1', unitPrice: '120.00', taxRate: '21' },
    ],
  },
  { customer: 'initech', daysAgo: 12, items: [{ description: 'Support retainer', quantity: '1', unitPrice: '1500.00' }], payments: [{ after: 4, method: 'card' }] },
  {
    customer: 'globex',
    daysAgo: 6,
    items: [
      { description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19' },
      { description: 'Travel (train, Berlin–Hamburg)', quantity: '1', unitPrice: '89.90', taxRate: '7' },
    ],
  },
  { customer: 'umbrella', daysAgo: 1, items: [{ description: 'Content migration', quantity: '3', unitPrice: '640.00', taxRate: '20' }], draft: true },
];

export function buildSampleBusiness(doc: StoreDocument, today: string, newId: () => string): void {
  doc.business = createBusiness({
    name: 'Northwind Studio',
    email: 'hello@northwind.test',
    address: 'Hafenstraße 12\n20457 Hamburg\nGermany',
    taxId: 'DE123456789',
    currency: 'EUR',
    terms: '30',
  });
  addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', address: 'Kaiserallee 1\n76133 Karlsruhe', lang: 'de', taxId: 'DE811569869' }, addDays(today, -120));
  addCustomer(doc, { id: 'initech', name: 'Initech LLC', email: 'billing@initech.test', currency: 'USD', terms: '14', address: '4120 Freidrich Lane\nAustin, TX 78744' }, addDays(today, -100));
  addCustomer(doc, { id: 'umbrella', name: 'Umbrella SARL', email: 'compta@umbrella.test', lang: 'fr', address: '8 rue de la Paix\n75002 Paris' }, addDays(today, -80));
  addCustomer(doc, { id: 'zoe', name: 'Zoë Łódź', email: 'zoe@lodz.test', lang: 'es', terms: '45' }, addDays(today, -30));

  for (const sample of SAMPLES) {
    const issueDate = addDays(today, -sample.daysAgo);
    const invoice = createInvoice(doc, { customer: sample.customer, items: sample.items, issueDate, draft: sample.draft === true }, { today: issueDate, id: newId() });
    for (const payment of sample.payments ?? []) {
      const date = addDays(issueDate, payment.after);
      applyPayment(invoice, { date, method: payment.method, ...(payment.amount !== undefined && { amount: payment.amount }) }, date);
    }
    if (sample.voidAfter !== undefined) voidInvoice(invoice, addDays(issueDate, sample.voidAfter), 'replaced by a corrected invoice');
  }
}
