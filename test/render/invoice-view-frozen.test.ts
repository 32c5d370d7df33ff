// The invoice view of issue 10: what it takes from the frozen presentation, what from the settings, and the
// unit names of the labels (built-in and from a labels folder).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeSetting } from '../../src/domain/business.js';
import { buildInvoiceView } from '../../src/render/pdf/invoice-view.js';
import { loadLabelCatalog } from '../../src/render/pdf/labels.js';
import { book, invoiceIn } from '../support/pdf-render.js';

const catalog = loadLabelCatalog();

describe('the view of an issued invoice', () => {
  it('shows what the invoice froze at issue, not the settings of today', () => {
    const books = book({ 'pdf.footer': 'Old footer', 'pdf.accentColor': '#112233' });
    const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Work', quantity: '1', unitPrice: '100', taxRate: '19' }] });
    expect(invoice.presentation).toEqual({
      template: 'classic',
      lang: 'en',
      footer: 'Old footer',
      payment: { bank: 'Commerzbank', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
      accentColor: '#112233',
      legalNotes: [],
    });
    changeSetting(books.business, 'pdf.footer', 'New footer');
    changeSetting(books.business, 'iban', 'DE02 1203 0000 0000 2020 51');
    changeSetting(books.business, 'pdf.accentColor', '#aa0000');
    const view = buildInvoiceView(invoice, { lang: 'en', labels: catalog.labelsFor('en'), business: books.business, logo: null });
    expect(view).toMatchObject({ footer: 'Old footer', accentColor: '#112233', payment: { iban: 'DE89 3704 0044 0532 0130 00' } });

    // An invoice issued before schema 4 has no presentation: it follows the settings, as it always did.
    delete invoice.presentation;
    const legacy = buildInvoiceView(invoice, { lang: 'en', labels: catalog.labelsFor('en'), business: books.business, logo: null });
    expect(legacy).toMatchObject({ footer: 'New footer', accentColor: '#aa0000', payment: { iban: 'DE02 1203 0000 0000 2020 51' } });
  });

  it('freezes the issuer with its new party fields, apart from later changes of the business', () => {
    const books = book();
    Object.assign(books.business, {
      postalAddress: { lines: ['Hafenstraße 12'], postcode: '20457', city: 'Hamburg', country: 'DE' },
      taxNumber: '42/123/45678',
      registration: 'HRB 12345',
      endpoint: { scheme: '9930', id: 'DE123456789' },
      contact: { name: 'Ada Lovelace', phone: '+49 40 123' },
    });
    const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Work', quantity: '1', unitPrice: '100', taxRate: '19' }] });
    expect(invoice.issuer).toMatchObject({ taxNumber: '42/123/45678', registration: 'HRB 12345', endpoint: { scheme: '9930', id: 'DE123456789' }, contact: { name: 'Ada Lovelace' } });
    books.business.postalAddress!.lines[0] = 'Neuer Wall 1';
    books.business.contact!.name = 'Someone else';
    const view = buildInvoiceView(invoice, { lang: 'de', labels: catalog.labelsFor('de'), business: books.business, logo: null });
    expect(view.issuer).toMatchObject({ lines: ['Hafenstraße 12', '20457 Hamburg', 'DE'], taxNumber: '42/123/45678', registration: 'HRB 12345' });
  });

  it('leaves the VAT column and rows out when no line bears VAT, and prints the notes it froze', () => {
    const books = book();
    const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Work', quantity: '2', unitPrice: '100', taxRate: '0' }] });
    invoice.items[0]!.taxCategory = 'E';
    invoice.taxes = [{ category: 'E', rate: '0', base: 20000, tax: 0, exemptionCode: 'VATEX-EU-132-1I' }];
    invoice.presentation!.legalNotes = ['VATEX-EU-132-1I'];
    const view = buildInvoiceView(invoice, { lang: 'en', labels: catalog.labelsFor('en'), business: books.business, logo: null });
    expect(view).toMatchObject({ vatColumn: false, taxes: [], legalNotes: ['VATEX-EU-132-1I'], lineTotal: null, adjustments: [] });
    expect(view.items[0]?.taxRate).toBe('E');
  });
});

describe('unit names', () => {
  const books = book();
  const invoice = invoiceIn(books, {
    customer: 'globex',
    issueDate: '2026-11-01',
    items: ['HUR', 'DAY', 'C62', 'KWH', 'XYZ'].map((unit) => ({ description: unit, quantity: '1', unitPrice: '1', taxRate: '19' })),
  });
  // By hand: the units of the input are stored by the arithmetic part of issue 10.
  invoice.items.forEach((item) => (item.unit = item.description));
  const units = (labels: ReturnType<typeof catalog.labelsFor>) => buildInvoiceView(invoice, { lang: 'de', labels, business: books.business, logo: null }).items.map((item) => item.unit);

  it('prints each code in the language, nothing for C62 and an unknown code as it is', () => {
    expect(units(catalog.labelsFor('de'))).toEqual(['Std.', 'Tag(e)', '', 'kWh', 'XYZ']);
    expect(units(catalog.labelsFor('fr'))).toEqual(['h', 'jour(s)', '', 'kWh', 'XYZ']);
  });

  it('gives the price per its base quantity when that is not 1 (BT-149)', () => {
    const dozen = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Manuals', quantity: '30', unitPrice: '5', taxRate: '7' }] });
    Object.assign(dozen.items[0]!, { unit: 'H87', baseQuantity: '12', net: 1250 });
    const price = (lang: string) => buildInvoiceView(dozen, { lang, labels: catalog.labelsFor(lang), business: books.business, logo: null }).items[0]?.unitPrice;
    expect(price('en')).toBe('€5.00 / 12 piece(s)');
    expect(price('de')?.replace(/\u00a0/g, ' ')).toBe('5,00 € / 12 Stück');
    dozen.items[0]!.baseQuantity = '1';
    expect(price('en')).toBe('€5.00');
  });

  it('takes names from a labels folder, in addition to the built-in ones', () => {
    const folder = mkdtempSync(join(tmpdir(), 'smallpay-labels-'));
    try {
      writeFileSync(join(folder, 'de.json'), JSON.stringify({ units: { XYZ: 'Stapel', HUR: 'Stunde(n)' } }));
      expect(units(loadLabelCatalog(folder).labelsFor('de'))).toEqual(['Stunde(n)', 'Tag(e)', '', 'kWh', 'Stapel']);
      writeFileSync(join(folder, 'de.json'), JSON.stringify({ units: { XYZ: 3 } }));
      expect(() => loadLabelCatalog(folder)).toThrow(/labels file .*de\.json: the name of unit 'XYZ' must be a string/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
