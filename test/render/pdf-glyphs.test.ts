// Every character of every built-in language's PDF is one the font can draw: no missing-glyph box (issue 9, item 15).
import { describe, expect, it } from 'vitest';
import { LANGUAGES, TEMPLATES, book, builtInFont, invoiceIn, readPages, renderPdf } from '../support/pdf-render.js';
import { createTextFitter } from '../../src/render/pdf/text-fit.js';

const roboto = builtInFont();

/**
 * A character drawn with the font's .notdef glyph comes back from pdfjs as U+0000 (pdfkit maps glyph 0 to
 * nothing); any other character must be one the font's cmap has.
 */
function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    if (character === '\n') continue;
    if (character === '\u0000') missing.add('.notdef');
    else if (!roboto.hasGlyphForCodePoint(character.codePointAt(0) as number)) missing.add(`U+${(character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...missing];
}

describe('glyphs of invoice PDFs', () => {
  const books = book();
  // Amounts past a thousand (grouping separators), a discount, several tax rates, a note, a payment.
  const invoice = invoiceIn(books, {
    customer: 'globex',
    issueDate: '2026-11-01',
    note: 'Merci — payable par virement.',
    items: [
      { description: 'Conseil stratégique', quantity: '12.5', unitPrice: '1234.56', taxRate: '19' },
      { description: 'Déplacement', quantity: '1', unitPrice: '89.90', taxRate: '7' },
      { description: 'Remise', quantity: '1', unitPrice: '-100.00', taxRate: '19' },
    ],
  });
  invoice.paid = 1000_00;

  for (const template of TEMPLATES) {
    it.each(LANGUAGES)(`${template}, %s: every character is in the font`, async (lang) => {
      const pdf = await renderPdf(books, invoice, { lang, template });
      const text = (await readPages(pdf.bytes)).map((page) => page.text).join('\n');
      expect(text.length).toBeGreaterThan(300);
      expect(missingGlyphs(text)).toEqual([]);
    });
  }

  // The words issue 10 added: units, VAT categories and notes, allowances and charges, date of supply,
  // references, tax number, registration, contact, and the credit-note title with the invoice it corrects.
  const credit = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Beratung', quantity: '1', unitPrice: '1', taxRate: '0' }] });
  Object.assign(credit, {
    type: 'credit-note',
    number: 'CN-2026-0001',
    precedingInvoice: { invoiceId: invoice.id, number: 'INV-2026-0001', issueDate: '2026-11-01' },
    items: [
      { description: 'Conseil', quantity: '12.5', unit: 'HUR', unitPrice: '100', taxRate: '0', taxCategory: 'AE', net: 112500, allowances: [{ amount: 12500, percent: '10', base: 125000 }] },
      { description: 'Wartung', quantity: '2', unit: 'MON', unitPrice: '50', taxRate: '0', taxCategory: 'AE', net: 11000, charges: [{ amount: 1000 }] },
      { description: 'Fläche', quantity: '3', unit: 'MTK', unitPrice: '10', taxRate: '0', taxCategory: 'AE', net: 3000 },
    ],
    allowances: [{ amount: 1000, taxCategory: 'AE', taxRate: '0' }],
    charges: [{ amount: 500, reason: 'Emballage', taxCategory: 'AE', taxRate: '0' }],
    taxes: [{ category: 'AE', rate: '0', base: 126000, tax: 0, exemptionReason: 'Steuerschuldnerschaft des Leistungsempfängers — autoliquidation' }],
    lineTotal: 126500, allowanceTotal: 1000, chargeTotal: 500, subtotal: 126000, tax: 0, total: 126000,
    serviceDate: '2026-10-31', servicePeriod: { start: '2026-10-01', end: '2026-10-31' },
    purchaseOrder: 'PO-4711', buyerReference: '04011000-12345-67', contract: 'FW-2026-01',
    customer: { ...invoice.customer, contact: 'Zoë Łódź', postalAddress: { lines: ['8 rue de la Paix'], postcode: '75002', city: 'Paris', country: 'FR' } },
  });
  credit.presentation!.legalNotes = ['Steuerschuldnerschaft des Leistungsempfängers — autoliquidation'];
  books.business.taxNumber = '42/123/45678';
  books.business.registration = 'HRB 12345';

  for (const template of TEMPLATES) {
    it.each(LANGUAGES)(`${template}, %s: every character of a credit note with the issue-10 labels is in the font`, async (lang) => {
      const pdf = await renderPdf(books, credit, { lang, template });
      const text = (await readPages(pdf.bytes)).map((page) => page.text).join('\n');
      expect(text).toContain('CN-2026-0001');
      expect(text).toContain('m²');
      expect(missingGlyphs(text)).toEqual([]);
    });
  }

  it('maps the separators the font lacks to ones it has, keeping those it has', () => {
    const fit = createTextFitter((codePoint) => roboto.hasGlyphForCodePoint(codePoint));
    expect(fit('4\u202f000,00\u00a0€')).toBe('4\u00a0000,00\u00a0€');
    expect(fit('a\u2060b\u200dc\u2009d\u2212e')).toBe('abc\u2009d\u2212e'); // Roboto has U+2009 and U+2212
    const ascii = createTextFitter((codePoint) => codePoint < 0x80);
    expect(ascii('\u2212 4\u202f000\u2009€ \u2018q\u2019 \u2026')).toBe("- 4 000 EUR 'q' ...");
    expect(ascii('\u2603')).toBe('\u2603'); // nothing in the table: left as it is
  });

  it('gives words past 24 characters break opportunities, after punctuation and every 12 characters', () => {
    const fit = createTextFitter((codePoint) => roboto.hasGlyphForCodePoint(codePoint));
    expect(fit('0123456789abcdef0123456789abcdef')).toBe('0123456789ab\u200bcdef01234567\u200b89abcdef');
    expect(fit('https://example.com/a/b?c=d')).toBe('https:\u200b/\u200b/\u200bexample.\u200bcom/\u200ba/\u200bb?\u200bc=\u200bd');
    expect(fit('short words stay as they are, even 123456789012345678901234')).toBe('short words stay as they are, even 123456789012345678901234');
  });

  it('gives each PDF of a batch the same text as a PDF made alone (fonts are parsed once per process)', async () => {
    const { createInvoicePdfRenderer } = await import('../../src/render/pdf/invoice-pdf.js');
    const { voidInvoice } = await import('../../src/domain/invoice-settlement.js');
    const draft = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', draft: true, items: [{ description: 'Brouillon', quantity: '1', unitPrice: '1', taxRate: '0' }] });
    const voided = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'Annulée', quantity: '1', unitPrice: '1', taxRate: '0' }] });
    voidInvoice(voided, '2026-11-02');
    const textOf = async (bytes: Uint8Array) => (await readPages(bytes)).map((page) => page.text).join('\n');
    for (const template of TEMPLATES) {
      const batch = await createInvoicePdfRenderer({ business: books.business, today: '2026-11-25', template, lang: 'fr' });
      const inBatch = [];
      for (const one of [invoice, draft, voided]) inBatch.push(await textOf((await batch.render(one)).bytes));
      for (const [index, one] of [invoice, draft, voided].entries()) {
        const alone = await createInvoicePdfRenderer({ business: books.business, today: '2026-11-25', template, lang: 'fr' });
        expect(inBatch[index]).toBe(await textOf((await alone.render(one)).bytes));
      }
      expect(inBatch[2]).toContain('ANNULÉE');
    }
  });
});
