/**
 * The sample business `smallpay demo` builds: dates relative to today, so that it always shows invoices
 * paid, partly paid, open, overdue, void and drafted, in two currencies, with names from several scripts.
 * VAT as a Hamburg business really charges it: 19 % and 7 % to German customers (and to a private customer
 * abroad, below the EU distance-selling threshold), reverse charge (AE) to the Paris company, which gives
 * its VAT id, and export (G) to the US company; the core gives the lines the category of each customer's treatment.
 */
import { createBusiness } from '../../domain/business.js';
import { addCustomer } from '../../domain/customers.js';
import { addDays } from '../../domain/dates.js';
import { applyPayment, voidInvoice } from '../../domain/invoice-settlement.js';
import { type InvoiceInput, createInvoice } from '../../domain/invoices.js';
import type { ItemInput } from '../../domain/totals.js';
import type { StoreDocument } from '../../domain/types.js';

interface SampleInvoice {
  customer: string;
  daysAgo: number;
  items: ItemInput[];
  draft?: boolean;
  /** The service period, in days before the issue date (start, end). */
  period?: [number, number];
  references?: Pick<InvoiceInput, 'purchaseOrder' | 'buyerReference' | 'contract'>;
  /** Days after issue, and amount (whole balance when absent). */
  payments?: { after: number; amount?: string; method: string }[];
  voidAfter?: number;
}

const SAMPLES: SampleInvoice[] = [
  { customer: 'globex', daysAgo: 95, items: [{ description: 'Brand workshop', quantity: '2', unitPrice: '850.00', taxRate: '19' }], payments: [{ after: 21, method: 'bank' }] },
  {
    customer: 'initech',
    daysAgo: 70,
    items: [{ description: 'API integration, phase 1', quantity: '32', unit: 'HUR', unitPrice: '95.00' }],
    period: [31, 1],
    references: { purchaseOrder: 'PO-2026-118' },
  },
  {
    customer: 'umbrella',
    daysAgo: 52,
    items: [
      { description: 'Website redesign', quantity: '1', unitPrice: '4200.00' },
      { description: 'Stock photography licence', quantity: '12', unitPrice: '14.99' },
    ],
    payments: [{ after: 30, amount: '2000.00', method: 'bank' }],
  },
  { customer: 'globex', daysAgo: 40, items: [{ description: 'Typesetting, "Annual report 2026"', quantity: '14.5', unitPrice: '72.00', taxRate: '19' }], voidAfter: 3 },
  {
    customer: 'zoe',
    daysAgo: 24,
    items: [
      { description: 'Illustrations — Ærøskøbing series', quantity: '6', unitPrice: '180.00', taxRate: '19' },
      { description: 'Print-ready files', quantity: '1', unitPrice: '120.00', taxRate: '19' },
    ],
  },
  { customer: 'initech', daysAgo: 12, items: [{ description: 'Support retainer', quantity: '1', unitPrice: '1500.00' }], payments: [{ after: 4, method: 'card' }] },
  {
    customer: 'globex',
    daysAgo: 6,
    items: [
      { description: 'Design work', quantity: '10', unit: 'HUR', unitPrice: '150.00', taxRate: '19', allowances: [{ percent: '10', reason: 'Framework agreement' }] },
      { description: 'Travel (train, Berlin–Hamburg)', quantity: '1', unitPrice: '89.90', taxRate: '7' },
    ],
    period: [36, 7],
    references: { purchaseOrder: '4500012345', contract: 'Framework agreement 2026' },
  },
  { customer: 'umbrella', daysAgo: 1, items: [{ description: 'Content migration', quantity: '3', unit: 'DAY', unitPrice: '640.00' }], draft: true },
];

export function buildSampleBusiness(doc: StoreDocument, today: string, newId: () => string): void {
  const business = createBusiness({
    name: 'Northwind Studio',
    email: 'hello@northwind.test',
    street: ['Hafenstraße 12'],
    postcode: '20457',
    city: 'Hamburg',
    country: 'DE',
    taxId: 'DE123456789',
    taxNumber: '47/110/12345',
    registration: 'HRB 123456, Amtsgericht Hamburg',
    endpoint: '9930:DE123456789',
    currency: 'EUR',
    terms: '30',
  });
  doc.business = business;
  const address = (street: string, postcode: string, city: string, country: string, region?: string) => ({ street: [street], postcode, city, country, ...(region !== undefined && { region }) });
  addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', ...address('Kaiserallee 1', '76133', 'Karlsruhe', 'DE'), lang: 'de', taxId: 'DE811569869', contact: 'Jana Becker', vatTreatment: 'standard' }, addDays(today, -120));
  addCustomer(
    doc,
    { id: 'initech', name: 'Initech LLC', email: 'billing@initech.test', currency: 'USD', terms: '14', ...address('4120 Freidrich Lane', '78744', 'Austin', 'US', 'TX'), vatTreatment: 'export' },
    addDays(today, -100),
  );
  addCustomer(
    doc,
    {
      id: 'umbrella',
      name: 'Umbrella SARL',
      email: 'compta@umbrella.test',
      lang: 'fr',
      ...address('8 rue de la Paix', '75002', 'Paris', 'FR'),
      taxId: 'FR40303265045',
      contact: 'Claire Dubois',
      endpoint: '0009:30326504500010',
      vatTreatment: 'reverse-charge',
    },
    addDays(today, -80),
  );
  addCustomer(doc, { id: 'zoe', name: 'Zoë Łódź', email: 'zoe@lodz.test', lang: 'es', terms: '45', ...address('ul. Piotrkowska 104', '90-001', 'Łódź', 'PL') }, addDays(today, -30));

  for (const sample of SAMPLES) {
    const issueDate = addDays(today, -sample.daysAgo);
    const input: InvoiceInput = {
      customer: sample.customer,
      items: sample.items,
      issueDate,
      draft: sample.draft === true,
      ...(sample.period && { servicePeriod: { start: addDays(issueDate, -sample.period[0]), end: addDays(issueDate, -sample.period[1]) } }),
      ...sample.references,
    };
    const invoice = createInvoice(doc, input, { today: issueDate, id: newId() });
    for (const payment of sample.payments ?? []) {
      const date = addDays(issueDate, payment.after);
      applyPayment(invoice, { date, method: payment.method, ...(payment.amount !== undefined && { amount: payment.amount }) }, date);
    }
    if (sample.voidAfter !== undefined) voidInvoice(invoice, addDays(issueDate, sample.voidAfter), 'replaced by a corrected invoice');
  }
}
