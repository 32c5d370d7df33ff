// Issue 10: what a legally complete invoice shows on its PDF, read back with pdfjs-dist. The invoices are
// built by hand (categories, allowances, credit notes), with figures worked out below, so these tests do not
// depend on how the core computes them.
import { describe, expect, it } from 'vitest';
import { legalNotesOf } from '../../src/domain/presentation.js';
import type { Invoice } from '../../src/domain/types.js';
import { readPdf } from '../support/pdf-text.js';
import { type Book, TEMPLATES, book, invoiceIn, renderPdf } from '../support/pdf-render.js';

const REVERSE_CHARGE_DE = 'Steuerschuldnerschaft des Leistungsempfängers';
const SMALL_BUSINESS_DE = 'Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.';

function issued(books: Book, change: (invoice: Invoice) => void): Invoice {
  const invoice = invoiceIn(books, { customer: 'globex', issueDate: '2026-11-01', items: [{ description: 'placeholder', quantity: '1', unitPrice: '1', taxRate: '19' }] });
  change(invoice);
  if (invoice.presentation) invoice.presentation.legalNotes = legalNotesOf(invoice.taxes);
  return invoice;
}

/**
 * Design 10 h × 150.00 at S 19 % less 10 % = 1,350.00; books 3 × 20.00 at S 7 % plus 5.00 shipping = 65.00.
 * Line total 1,415.00; less a 5 % loyalty discount of the 19 % group (67.50), plus 12.50 packing at 7 %:
 * 1,360.00 without VAT. VAT 19 % of 1,282.50 = 243.675 → 243.68; 7 % of 77.50 = 5.425 → 5.43; total 1,609.11.
 */
function mixed(books: Book): Invoice {
  return issued(books, (invoice) => {
    invoice.items = [
      { description: 'Design', quantity: '10', unit: 'HUR', unitPrice: '150', taxRate: '19', taxCategory: 'S', net: 135000, allowances: [{ amount: 15000, percent: '10', base: 150000 }] },
      { description: 'Books', quantity: '3', unit: 'H87', unitPrice: '20', taxRate: '7', taxCategory: 'S', net: 6500, charges: [{ amount: 500, reason: 'Shipping' }] },
    ];
    invoice.allowances = [{ amount: 6750, percent: '5', base: 135000, reason: 'Loyalty', taxCategory: 'S', taxRate: '19' }];
    invoice.charges = [{ amount: 1250, reason: 'Packing', taxCategory: 'S', taxRate: '7' }];
    invoice.taxes = [
      { category: 'S', rate: '7', base: 7750, tax: 543 },
      { category: 'S', rate: '19', base: 128250, tax: 24368 },
    ];
    Object.assign(invoice, { lineTotal: 141500, allowanceTotal: 6750, chargeTotal: 1250, subtotal: 136000, tax: 24911, total: 160911 });
    invoice.serviceDate = '2026-10-30';
    invoice.purchaseOrder = 'PO-4711';
    invoice.buyerReference = '04011000-12345-67';
    invoice.contract = 'FW-2026-01';
  });
}

/** 12.5 days at 800.00, reverse charge: 10,000.00, no VAT, with the exemption note. */
function reverseCharge(books: Book, note: string): Invoice {
  return issued(books, (invoice) => {
    invoice.items = [{ description: 'Consulting', quantity: '12.5', unit: 'DAY', unitPrice: '800', taxRate: '0', taxCategory: 'AE', net: 1000000 }];
    invoice.taxes = [{ category: 'AE', rate: '0', base: 1000000, tax: 0, exemptionReason: note, exemptionCode: 'VATEX-EU-AE' }];
    Object.assign(invoice, { lineTotal: 1000000, subtotal: 1000000, tax: 0, total: 1000000 });
    invoice.customer = { ...invoice.customer, taxId: 'FR40303265045', contact: 'Marie Curie', postalAddress: { lines: ['8 rue de la Paix'], postcode: '75002', city: 'Paris', country: 'FR' } };
  });
}

/** A small business (§ 19 UStG): 2 months at 400.00, outside the scope of VAT, no VAT column. */
function smallBusiness(books: Book): Invoice {
  return issued(books, (invoice) => {
    invoice.items = [{ description: 'Website care', quantity: '2', unit: 'MON', unitPrice: '400', taxRate: '0', taxCategory: 'O', net: 80000 }];
    invoice.taxes = [{ category: 'O', rate: '0', base: 80000, tax: 0, exemptionReason: SMALL_BUSINESS_DE }];
    Object.assign(invoice, { lineTotal: 80000, subtotal: 80000, tax: 0, total: 80000 });
    invoice.servicePeriod = { start: '2026-09-01', end: '2026-10-31' };
  });
}

/** A credit note of 150.00 + 19 % against INV-2026-0001. */
function creditNote(books: Book): Invoice {
  return issued(books, (invoice) => {
    invoice.type = 'credit-note';
    invoice.number = 'CN-2026-0001';
    invoice.precedingInvoice = { invoiceId: 'inv_000001', number: 'INV-2026-0001', issueDate: '2026-10-15' };
    invoice.items = [{ description: 'Design (returned hours)', quantity: '1', unit: 'HUR', unitPrice: '150', taxRate: '19', taxCategory: 'S', net: 15000 }];
    invoice.taxes = [{ category: 'S', rate: '19', base: 15000, tax: 2850 }];
    Object.assign(invoice, { lineTotal: 15000, subtotal: 15000, tax: 2850, total: 17850 });
  });
}

/** The text with every run of white space one space: a narrow column wraps a long value onto two lines. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function textOf(books: Book, invoice: Invoice, lang: string, template: string): Promise<string> {
  return flat((await readPdf((await renderPdf(books, invoice, { lang, template })).bytes)).text);
}

describe('PDFs of issue 10 invoices', () => {
  const books = book();
  // Set directly: the settings for them come with the parties part of issue 10.
  books.business.taxNumber = '42/123/45678';
  books.business.registration = 'HRB 12345, Amtsgericht Hamburg';

  for (const template of TEMPLATES) {
    describe(template, () => {
      it('shows units, line and document allowances and charges, the VAT groups, the date of supply and the references (de)', async () => {
        const text = await textOf(books, mixed(books), 'de', template);
        for (const expected of [
          '10 Std.', '3 Stück', // units in German
          'Rabatt 10 %: -150,00 €', 'Shipping: +5,00 €', // under their lines
          'Summe der Positionen', '1.415,00 €', 'Loyalty 5 % (USt. 19 %)', '-67,50 €', 'Packing (USt. 7 %)', '12,50 €',
          'Gesamtbetrag netto', '1.360,00 €', 'USt. 19 % auf 1.282,50 €', '243,68 €', 'USt. 7 % auf 77,50 €', '5,43 €', '1.609,11 €',
          'Leistungsdatum', '30. Oktober 2026', 'Bestellnummer', 'PO-4711', 'Käuferreferenz', '04011000-12345-67', 'FW-2026-01',
          'Steuernummer', '42/123/45678', 'HRB 12345, Amtsgericht Hamburg',
        ]) {
          expect(text).toContain(expected);
        }
      });

      it('shows the same in English', async () => {
        const text = await textOf(books, mixed(books), 'en', template);
        for (const expected of ['10 h', '3 piece(s)', 'Discount 10%: -€150.00', 'Line total', 'Total without VAT', 'VAT 19% on €1,282.50', 'Date of supply', 'October 30, 2026', 'Purchase order', 'Buyer reference', 'Contract', 'Tax number']) {
          expect(text).toContain(expected);
        }
      });

      it.each([
        ['de', REVERSE_CHARGE_DE, ['12,5 Tag(e)', 'USt. 0 % auf 10.000,00 €: Reverse Charge (AE)', 'z. Hd. Marie Curie', '75002 Paris', 'FR40303265045']],
        ['en', 'Reverse charge', ['12.5 day(s)', 'VAT 0% on €10,000.00: reverse charge (AE)', 'Attn. Marie Curie', '8 rue de la Paix']],
        ['fr', 'Autoliquidation', ['12,5 jour(s)', 'autoliquidation (AE)']],
      ])('shows the category of a reverse-charge invoice and its note (%s)', async (lang, note, expected) => {
        const text = await textOf(books, reverseCharge(books, note), lang, template);
        for (const part of [...expected, note]) expect(text).toContain(part);
        // The line's VAT column gives the category's code instead of a rate.
        expect(text).toMatch(/ AE (€10,000\.00|10\.000,00 €|10 000,00 €)/);
      });

      it('prints no VAT column and no VAT rows on a small-business invoice, but its legal note (de)', async () => {
        const text = await textOf(books, smallBusiness(books), 'de', template);
        expect(text).toContain(SMALL_BUSINESS_DE);
        expect(text).toContain('2 Monat(e)');
        expect(text).toContain('Leistungszeitraum');
        expect(text).toContain('1. September 2026 – 31. Oktober 2026');
        expect(text).toContain('800,00 €');
        expect(text).not.toContain('USt.'); // neither the column header nor a VAT row (the VAT id label is "USt-IdNr.")
        expect(text).not.toContain('Zwischensumme');
      });

      it.each([
        ['de', template === 'classic' ? 'RECHNUNGSKORREKTUR' : 'Rechnungskorrektur', 'Korrigiert die Rechnung INV-2026-0001 vom 15. Oktober 2026', 'Rechnungskorrektur CN-2026-0001'],
        ['en', template === 'classic' ? 'CREDIT NOTE' : 'Credit note', 'Corrects invoice INV-2026-0001 of October 15, 2026', 'Credit note CN-2026-0001'],
        ['fr', template === 'classic' ? 'AVOIR' : 'Avoir', 'Rectifie la facture INV-2026-0001 du 15 octobre 2026', 'Avoir CN-2026-0001'],
        ['es', template === 'classic' ? 'NOTA DE CRÉDITO' : 'Nota de crédito', 'Corrige la factura INV-2026-0001 del 15 de octubre de 2026', 'Nota de crédito CN-2026-0001'],
      ])('titles a credit note in its language and names the invoice it corrects (%s)', async (lang, heading, corrects, title) => {
        const pdf = await readPdf((await renderPdf(books, creditNote(books), { lang, template })).bytes);
        expect(pdf.text).toContain(heading);
        expect(flat(pdf.text)).toContain(corrects);
        expect(pdf.info.Title).toBe(title);
        expect(pdf.text).not.toContain('Gutschrift');
        // The money goes the other way: no payment details, no QR code to pay it.
        expect(pdf.text).not.toContain('IBAN');
      });
    });
  }
});
