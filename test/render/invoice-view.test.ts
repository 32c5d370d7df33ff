import { describe, expect, it } from 'vitest';
import { createBusiness, changeSetting } from '../../src/domain/business.js';
import { applyPayment, voidInvoice } from '../../src/domain/invoice-settlement.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { addCustomer } from '../../src/domain/customers.js';
import { buildInvoiceView } from '../../src/render/pdf/invoice-view.js';
import { loadLabelCatalog } from '../../src/render/pdf/labels.js';
import type { Business, StoreDocument } from '../../src/domain/types.js';
import { emptyDocument } from '../../src/store/schema.js';
import { plainSpaces } from '../support/pdf-text.js';

const labels = loadLabelCatalog();

function setup(currency = 'EUR'): { doc: StoreDocument; business: Business } {
  const doc = emptyDocument();
  const business = createBusiness({ name: 'Ada Consulting', email: 'ada@example.com', address: 'Hafenstraße 12\n20457 Hamburg', taxId: 'DE123456789' });
  changeSetting(business, 'iban', 'DE89 3704 0044 0532 0130 00');
  changeSetting(business, 'bic', 'COBADEFFXXX');
  doc.business = business;
  addCustomer(doc, { id: 'globex', name: 'Globex GmbH', email: 'ap@globex.test', currency }, '2026-01-01');
  return { doc, business };
}

const items = [
  { description: 'Design work', quantity: '10', unitPrice: '150.00', taxRate: '19' },
  { description: 'Travel', quantity: '2.5', unitPrice: '0.125', taxRate: '7' },
];

function view(lang: string, currency = 'EUR') {
  const { doc, business } = setup(currency);
  const invoice = createInvoice(doc, { customer: 'globex', items, issueDate: '2026-11-01' }, { today: '2026-11-01', id: 'inv_1' });
  return { view: buildInvoiceView(invoice, { lang, labels: labels.labelsFor(lang), business, logo: null }), invoice, business };
}

describe('the invoice view', () => {
  it.each([
    ['en', 'Invoice INV-2026-0001', 'November 1, 2026', '€1,500.00', '€0.125', '19%', 'Payable within 30 days', '€1,785.33'],
    ['de', 'Rechnung INV-2026-0001', '1. November 2026', '1.500,00 €', '0,125 €', '19 %', 'Zahlbar innerhalb von 30 Tagen', '1.785,33 €'],
    ['fr', 'Facture INV-2026-0001', '1 novembre 2026', '1 500,00 €', '0,125 €', '19 %', 'Payable sous 30 jours', '1 785,33 €'],
    ['es', 'Factura INV-2026-0001', '1 de noviembre de 2026', '1500,00 €', '0,125 €', '19 %', 'Pagadero en 30 días', '1785,33 €'],
  ])('formats amounts, dates and words for %s', (lang, title, date, net, unitPrice, rate, terms, total) => {
    const { view: v } = view(lang);
    expect(v.title).toBe(title);
    expect(v.issueDate).toBe(date);
    expect(plainSpaces(v.items[0]!.net)).toBe(net);
    expect(plainSpaces(v.items[1]!.unitPrice)).toBe(unitPrice);
    expect(plainSpaces(v.items[0]!.taxRate)).toBe(rate);
    expect(v.paymentTerms).toBe(terms);
    expect(plainSpaces(v.total)).toBe(total);
  });

  it('reads every amount from the computed totals', () => {
    const { view: v, invoice } = view('en');
    expect(invoice).toMatchObject({ subtotal: 150031, tax: 28502, total: 178533 });
    expect(v.subtotal).toBe('€1,500.31');
    expect(v.taxes.map((line) => `${line.label} = ${line.amount}`)).toEqual(['VAT 7% on €0.31 = €0.02', 'VAT 19% on €1,500.00 = €285.00']);
  });

  it('gives EUR invoices with an IBAN an EPC QR code for the balance', () => {
    const { doc, business } = setup();
    const invoice = createInvoice(doc, { customer: 'globex', items }, { today: '2026-11-01', id: 'inv_1' });
    applyPayment(invoice, { amount: '785.33', date: '2026-11-02' }, '2026-11-02');
    const v = buildInvoiceView(invoice, { lang: 'en', labels: labels.labelsFor('en'), business, logo: null });
    expect(v.qr).toBe('BCD\n002\n1\nSCT\nCOBADEFFXXX\nAda Consulting\nDE89370400440532013000\nEUR1000.00\n\n\nINV-2026-0001');
    expect(v.payment).toEqual({ bank: null, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', reference: 'INV-2026-0001' });
    expect(v.paid).toBe('€785.33');
  });

  it('gives no QR code to other currencies, paid invoices or drafts', () => {
    expect(view('en', 'USD').view.qr).toBeNull();
    const { doc, business } = setup();
    const paid = createInvoice(doc, { customer: 'globex', items }, { today: '2026-11-01', id: 'inv_1' });
    applyPayment(paid, { date: '2026-11-02' }, '2026-11-02');
    expect(buildInvoiceView(paid, { lang: 'en', labels: labels.labelsFor('en'), business, logo: null }).qr).toBeNull();
    const draft = createInvoice(doc, { customer: 'globex', items, draft: true }, { today: '2026-11-01', id: 'inv_2' });
    const draftView = buildInvoiceView(draft, { lang: 'de', labels: labels.labelsFor('de'), business, logo: null });
    expect(draftView).toMatchObject({ qr: null, watermark: 'ENTWURF', number: 'Entwurf', title: 'Rechnung (Entwurf)' });
  });

  it('marks void invoices and leaves their payment instructions out', () => {
    const { doc, business } = setup();
    const invoice = createInvoice(doc, { customer: 'globex', items }, { today: '2026-11-01', id: 'inv_1' });
    voidInvoice(invoice, '2026-11-02');
    const v = buildInvoiceView(invoice, { lang: 'fr', labels: labels.labelsFor('fr'), business, logo: null });
    expect(v).toMatchObject({ watermark: 'ANNULÉE', payment: null, qr: null });
  });

  it('numbers pages in the document language', () => {
    expect(view('en').view.pageLabel(1, 3)).toBe('1 / 3');
  });
});
