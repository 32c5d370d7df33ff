/**
 * The invoices of the e-invoice golden files, made by the real core (createInvoice, issueInvoice) from a
 * business and customers with every party field EN 16931 knows, set on the records directly (the e2e test
 * sets them through the CLI).
 */
import { createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { type EinvoiceDocument, einvoiceDocument } from '../../src/domain/einvoice.js';
import { type InvoiceInput, createInvoice } from '../../src/domain/invoices.js';
import type { Customer, Invoice, StoreDocument } from '../../src/domain/types.js';
import { emptyDocument } from '../../src/store/schema.js';

export const TODAY = '2026-11-20';

export function goldenStore(): StoreDocument {
  const doc = emptyDocument();
  const business = createBusiness({ name: 'Ada Consulting GmbH', email: 'billing@ada-consulting.de', taxId: 'DE123456789' });
  Object.assign(business, {
    postalAddress: { lines: ['Hauptstraße 5', 'Hinterhaus'], postcode: '10115', city: 'Berlin', country: 'DE' },
    taxNumber: '30/123/45678',
    registration: 'HRB 12345 B',
    endpoint: { scheme: '9930', id: 'DE123456789' },
    contact: { name: 'Ada Lovelace', phone: '+49 30 1234567', email: 'ada@ada-consulting.de' },
    payment: { bank: 'Berliner Bank', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  });
  doc.business = business;
  const customers: [Parameters<typeof addCustomer>[1], Partial<Customer>][] = [
    [{ id: 'stadt', name: 'Stadt Musterhausen', email: 'rechnung@musterhausen.de', lang: 'de' }, { postalAddress: { lines: ['Rathausplatz 1'], postcode: '12345', city: 'Musterhausen', country: 'DE' }, endpoint: { scheme: '0204', id: '04011000-12345-67' }, contact: 'Frau Beispiel' }],
    [{ id: 'lyon', name: 'Lyon Textiles SARL', email: 'compta@lyon-textiles.fr', taxId: 'FR40303265045', lang: 'en' }, { postalAddress: { lines: ['12 rue de la Soie'], postcode: '69001', city: 'Lyon', country: 'FR' }, endpoint: { scheme: '9957', id: 'FR40303265045' } }],
    [{ id: 'acme', name: 'ACME Inc.', email: 'ap@acme.example', lang: 'en' }, { postalAddress: { lines: ['1 Main Street'], postcode: '10001', city: 'New York', region: 'NY', country: 'US' }, endpoint: { scheme: '0060', id: '123456789' } }],
    [{ id: 'brussels', name: 'Brussels Data BV', email: 'invoices@bxl-data.be', taxId: 'BE0123456749', lang: 'en' }, { postalAddress: { lines: ['Rue Neuve 10'], postcode: '1000', city: 'Brussels', country: 'BE' }, endpoint: { scheme: '0208', id: '0123456749' } }],
  ];
  for (const [input, extra] of customers) Object.assign(addCustomer(doc, input, '2026-01-01'), extra);
  return doc;
}

let sequence = 0;
const make = (doc: StoreDocument, input: InvoiceInput): Invoice => createInvoice(doc, { issueDate: '2026-11-02', ...input }, { today: TODAY, id: `inv_golden${String(++sequence).padStart(4, '0')}` });

export interface GoldenCase {
  name: string;
  invoice: Invoice;
}

/** Every case of issue 11's list, in one store so that the numbers follow each other. */
export function goldenCases(): { doc: StoreDocument; cases: GoldenCase[] } {
  sequence = 0;
  const doc = goldenStore();
  const standard = make(doc, {
    customer: 'stadt',
    buyerReference: '04011000-12345-67',
    purchaseOrder: 'PO-7781',
    serviceDate: '2026-10-30',
    note: 'Thank you for your order.',
    items: [
      { description: 'Beratung', quantity: '10', unit: 'HUR', unitPrice: '120.00', taxRate: '19' },
      { description: 'Fachbuch', quantity: '2', unit: 'C62', unitPrice: '39.90', taxRate: '7' },
    ],
  });
  const reverseCharge = make(doc, {
    customer: 'brussels',
    buyerReference: 'BXL-2026-11',
    servicePeriod: { start: '2026-10-01', end: '2026-10-31' },
    items: [{ description: 'Data migration services', quantity: '3', unit: 'DAY', unitPrice: '950.00', taxRate: '0', taxCategory: 'AE' }],
  });
  const intraCommunity = make(doc, {
    customer: 'lyon',
    purchaseOrder: 'LT-5521',
    buyerReference: 'LT-REF-2026',
    serviceDate: '2026-10-28',
    items: [{ description: 'Weaving machine spare parts', quantity: '40', unit: 'C62', unitPrice: '18.50', taxRate: '0', taxCategory: 'K' }],
  });
  const exported = make(doc, {
    customer: 'acme',
    currency: 'EUR',
    buyerReference: 'ACME-PO-1',
    serviceDate: '2026-10-15',
    items: [{ description: 'Hardware shipped to New York', quantity: '5', unitPrice: '400.00', taxRate: '0', taxCategory: 'G' }],
  });
  const adjustments = make(doc, {
    customer: 'stadt',
    buyerReference: '04011000-12345-67',
    serviceDate: '2026-10-31',
    items: [
      { description: 'Workshop', quantity: '2', unit: 'DAY', unitPrice: '800.00', taxRate: '19', allowances: [{ percent: '10', reason: 'Framework agreement discount', reasonCode: '95' }] },
      { description: 'Printed handouts', quantity: '50', unitPrice: '3.00', taxRate: '7', charges: [{ amount: '15.00', reason: 'Express printing', reasonCode: 'FC' }] },
    ],
    allowances: [{ amount: '100.00', reason: 'Loyalty discount', reasonCode: '95', taxCategory: 'S', taxRate: '19' }],
    charges: [{ percent: '5', reason: 'Travel costs', reasonCode: 'FC', taxCategory: 'S', taxRate: '19' }],
  });
  const baseQuantity = make(doc, {
    customer: 'stadt',
    buyerReference: '04011000-12345-67',
    serviceDate: '2026-10-20',
    items: [
      { description: 'Copy paper, price per 1000 sheets', quantity: '2500', unit: 'C62', baseQuantity: '1000', unitPrice: '12.00', taxRate: '19' },
      { description: 'Cable, price per 100 m', quantity: '250', unit: 'MTR', baseQuantity: '100', unitPrice: '45.00', taxRate: '19' },
    ],
  });
  const many = make(doc, {
    customer: 'stadt',
    buyerReference: '04011000-12345-67',
    servicePeriod: { start: '2026-10-01', end: '2026-10-31' },
    items: Array.from({ length: 60 }, (_, index) => ({ description: `Support ticket #${1000 + index}`, quantity: String((index % 4) + 1), unit: 'HUR', unitPrice: '85.00', taxRate: index % 5 === 0 ? '7' : '19' })),
  });
  const credit = creditNoteFor(doc, standard);
  const cases: GoldenCase[] = [
    { name: 'standard', invoice: standard },
    { name: 'reverse-charge', invoice: reverseCharge },
    { name: 'intra-community', invoice: intraCommunity },
    { name: 'export', invoice: exported },
    { name: 'allowances-charges', invoice: adjustments },
    { name: 'base-quantity', invoice: baseQuantity },
    { name: 'many-lines', invoice: many },
    { name: 'credit-note', invoice: credit },
  ];
  return { doc, cases };
}

/** A small business (§19 UStG): every line O, no VAT ids, the legal note on the document. */
export function smallBusinessCase(): { doc: StoreDocument; invoice: Invoice } {
  sequence = 100;
  const doc = goldenStore();
  const business = doc.business!;
  delete business.taxId;
  business.vat = { smallBusiness: true };
  const customer = doc.customers.find((candidate) => candidate.id === 'stadt')!;
  const invoice = make(doc, { customer: customer.id, buyerReference: '04011000-12345-67', serviceDate: '2026-10-30', items: [{ description: 'Gartenpflege', quantity: '6', unit: 'HUR', unitPrice: '35.00' }] });
  return { doc, invoice };
}

/**
 * A credit note for the whole of an invoice, made by hand as the model describes one (type credit-note,
 * positive amounts, BG-3 reference): the command that issues them belongs to another item of issue 10.
 */
function creditNoteFor(doc: StoreDocument, invoice: Invoice): Invoice {
  const credit: Invoice = structuredClone(invoice);
  Object.assign(credit, {
    id: 'inv_goldencredit',
    type: 'credit-note',
    number: 'CN-2026-0001',
    issueDate: '2026-11-10',
    dueDate: '2026-11-10',
    terms: 0,
    note: 'Credit for the cancelled order.',
    precedingInvoice: { invoiceId: invoice.id, number: invoice.number!, issueDate: invoice.issueDate },
    paid: 0,
    payments: [],
    history: [{ at: '2026-11-10', event: 'issued' }],
  });
  doc.invoices.push(credit);
  return credit;
}

export function documentOf(doc: StoreDocument, invoice: Invoice): EinvoiceDocument {
  return einvoiceDocument(invoice, doc.business!, doc.customers.find((customer) => customer.id === invoice.customer.id), TODAY);
}
