/**
 * The invoices the CII golden files are made of, built through the core (createInvoice, issueInvoice) so
 * every figure is the one SmallPay computes. Each case is one the issue names: 19 %/7 %, reverse charge,
 * intra-community supply, export, small business, allowances and charges, base quantity, a credit note and a
 * multi-page invoice.
 */
import { createBusiness } from '../../src/domain/business.js';
import { addCustomer } from '../../src/domain/customers.js';
import { issueInvoice } from '../../src/domain/invoice-issue.js';
import { type InvoiceInput, createInvoice } from '../../src/domain/invoices.js';
import type { Business, Customer, Invoice, StoreDocument } from '../../src/domain/types.js';
import { emptyDocument } from '../../src/store/schema.js';

export interface CiiCase {
  name: string;
  invoice: Invoice;
  business: Business;
}

function sellerDocument(smallBusiness = false): StoreDocument {
  const doc = emptyDocument();
  const business = createBusiness({ name: 'Ada Consulting GmbH', email: 'billing@ada.example' });
  business.postalAddress = { lines: ['Hauptstraße 1'], postcode: '10115', city: 'Berlin', country: 'DE' };
  business.registration = 'HRB 12345 B';
  business.taxNumber = '30/123/45678';
  business.endpoint = { scheme: 'EM', id: 'billing@ada.example' };
  business.payment = { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
  business.contact = { name: 'Ada Lovelace', phone: '+49 30 1234567' };
  if (smallBusiness) business.vat = { smallBusiness: true };
  else business.taxId = 'DE123456789';
  doc.business = business;
  return doc;
}

function customer(doc: StoreDocument, id: string, extra: Partial<Customer>): void {
  const added = addCustomer(doc, { id, name: extra.name ?? 'Globex GmbH', email: `ap@${id}.test` }, '2026-01-01');
  Object.assign(added, extra);
}

let sequence = 0;

function issued(doc: StoreDocument, input: InvoiceInput): Invoice {
  sequence += 1;
  const invoice = createInvoice(doc, { issueDate: '2026-03-02', ...input, draft: true }, { today: '2026-03-02', id: `inv_cii_${String(sequence).padStart(3, '0')}` });
  issueInvoice(doc, invoice, '2026-03-02');
  return invoice;
}

const berlin = { lines: ['Kundenweg 7', 'Haus B'], postcode: '80331', city: 'München', country: 'DE' };

export function ciiCases(): CiiCase[] {
  const cases: CiiCase[] = [];
  const add = (name: string, doc: StoreDocument, invoice: Invoice) => cases.push({ name, invoice, business: doc.business as Business });

  let doc = sellerDocument();
  customer(doc, 'globex', { postalAddress: berlin, taxId: 'DE987654321', endpoint: { scheme: 'EM', id: 'ap@globex.test' } });
  add('standard', doc, issued(doc, {
    customer: 'globex',
    buyerReference: '04011000-12345-34',
    purchaseOrder: 'PO-7781',
    contract: 'K-2026-01',
    serviceDate: '2026-02-27',
    note: 'Thank you for your business & trust.',
    items: [
      { description: 'Consulting', quantity: '12.5', unit: 'HUR', unitPrice: '120.00', taxRate: '19' },
      { description: 'Handbook <Edition 3>', quantity: '3', unitPrice: '24.90', taxRate: '7' },
    ],
  }));

  doc = sellerDocument();
  customer(doc, 'wien', { name: 'Wiener Werkstätten GmbH', postalAddress: { lines: ['Ring 1'], postcode: '1010', city: 'Wien', country: 'AT' }, taxId: 'ATU12345678', vatTreatment: 'reverse-charge' });
  add('reverse-charge', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'wien',
    servicePeriod: { start: '2026-02-01', end: '2026-02-28' },
    items: [{ description: 'Software development', quantity: '40', unit: 'HUR', unitPrice: '95.00', taxRate: '0', taxCategory: 'AE', exemptionCode: 'VATEX-EU-AE', exemptionReason: 'Reverse charge' }],
  }));

  doc = sellerDocument();
  customer(doc, 'paris', { name: 'Société Exemple SARL', postalAddress: { lines: ['12 rue de la Paix'], postcode: '75002', city: 'Paris', country: 'FR' }, taxId: 'FR12345678901', vatTreatment: 'intra-community' });
  add('intra-community', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'paris',
    serviceDate: '2026-02-25',
    items: [{ description: 'Laser printer', quantity: '2', unit: 'H87', unitPrice: '499.00', taxRate: '0', taxCategory: 'K', exemptionCode: 'VATEX-EU-IC', exemptionReason: 'Intra-community supply' }],
  }));

  doc = sellerDocument();
  customer(doc, 'zurich', { name: 'Zürich Trading AG', postalAddress: { lines: ['Bahnhofstrasse 10'], postcode: '8001', city: 'Zürich', country: 'CH' }, vatTreatment: 'export' });
  add('export', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'zurich',
    serviceDate: '2026-02-20',
    items: [{ description: 'Measuring device', quantity: '1', unit: 'H87', unitPrice: '2400.00', taxRate: '0', taxCategory: 'G', exemptionCode: 'VATEX-EU-G', exemptionReason: 'Export outside the EU' }],
  }));

  doc = sellerDocument(true);
  customer(doc, 'globex', { postalAddress: berlin });
  add('small-business', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'globex',
    serviceDate: '2026-02-27',
    items: [{ description: 'Website maintenance', quantity: '6', unit: 'HUR', unitPrice: '65.00', taxRate: '0', taxCategory: 'O' }],
  }));

  doc = sellerDocument();
  customer(doc, 'globex', { postalAddress: berlin, taxId: 'DE987654321' });
  add('allowances-charges', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'globex',
    serviceDate: '2026-02-27',
    items: [
      { description: 'Office chairs', quantity: '10', unit: 'H87', unitPrice: '189.00', taxRate: '19', allowances: [{ percent: '10', reason: 'Volume discount', reasonCode: '95' }], charges: [{ amount: '25.00', reason: 'Assembly', reasonCode: 'AAC' }] },
      { description: 'Catalogue', quantity: '2', unitPrice: '15.00', taxRate: '7' },
    ],
    allowances: [{ percent: '2', reason: 'Loyalty discount', reasonCode: '95', taxCategory: 'S', taxRate: '19' }],
    charges: [{ amount: '30.00', reason: 'Freight', reasonCode: 'FC', taxCategory: 'S', taxRate: '19' }],
  }));

  doc = sellerDocument();
  customer(doc, 'globex', { postalAddress: berlin, taxId: 'DE987654321' });
  add('base-quantity', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'globex',
    serviceDate: '2026-02-27',
    items: [
      { description: 'Screws M4, price per 100', quantity: '250', unit: 'H87', unitPrice: '4.80', baseQuantity: '100', taxRate: '19' },
      { description: 'Cable', quantity: '12.5', unit: 'MTR', unitPrice: '1.99', taxRate: '19' },
    ],
  }));

  doc = sellerDocument();
  customer(doc, 'globex', { postalAddress: berlin, taxId: 'DE987654321' });
  const credit = issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'globex',
    serviceDate: '2026-02-27',
    note: 'Credit for the returned handbook.',
    items: [{ description: 'Handbook <Edition 3>, returned', quantity: '1', unitPrice: '24.90', taxRate: '7' }],
  });
  credit.type = 'credit-note';
  credit.number = 'CN-2026-0001';
  credit.precedingInvoice = { invoiceId: 'inv_cii_001', number: 'INV-2026-0001', issueDate: '2026-03-02' };
  add('credit-note', doc, credit);

  doc = sellerDocument();
  customer(doc, 'globex', { postalAddress: berlin, taxId: 'DE987654321' });
  add('multi-page', doc, issued(doc, {
    buyerReference: 'LEITWEG-991-01234-56',
    customer: 'globex',
    servicePeriod: { start: '2026-02-01', end: '2026-02-28' },
    items: Array.from({ length: 60 }, (_, index) => ({
      description: `Support ticket #${1000 + index}`,
      quantity: String(1 + (index % 4)),
      unit: 'HUR',
      unitPrice: index % 3 === 0 ? '85.00' : '92.50',
      taxRate: index % 5 === 0 ? '7' : '19',
    })),
  }));
  return cases;
}
