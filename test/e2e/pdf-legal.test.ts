// Issue 10 through the built CLI: an invoice entered with --input (VAT categories, units, allowances and
// charges, date of supply, references) and its PDF read back with pdfjs-dist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';
import { readPdf } from '../support/pdf-text.js';

let box: Sandbox;

/**
 * Consulting 10 h × 120.00 less 10 % (120.00) = 1,080.00; manuals 30 at 5.00 a dozen = 12.50; line total
 * 1,092.50; less 5 % of it (54.63), plus 12.50 shipping: 1,050.37, reverse charge, no VAT.
 */
const REVERSE_CHARGE = {
  customer: 'umbrella',
  serviceDate: '2026-10-31',
  purchaseOrder: 'PO-4711',
  buyerReference: 'BR-77',
  contract: 'FW-2026-01',
  items: [
    { description: 'Conseil', quantity: '10', unit: 'h', unitPrice: '120.00', taxRate: '0', taxCategory: 'AE', allowances: [{ percent: '10', reason: 'Fidélité' }] },
    { description: 'Manuels', quantity: '30', unit: 'piece', unitPrice: '5.00', baseQuantity: '12', taxRate: '0', taxCategory: 'AE' },
  ],
  allowances: [{ percent: '5', reason: 'Commande anticipée' }],
  charges: [{ amount: '12.50', reason: 'Port', taxCategory: 'AE', taxRate: '0' }],
};

/** Outside the scope of VAT (as a small business invoices): 2 months at 400.00, a service period. */
const OUT_OF_SCOPE = {
  customer: 'globex',
  servicePeriod: { start: '2026-09-01', end: '2026-10-31' },
  items: [{ description: 'Website care', quantity: '2', unit: 'month', unitPrice: '400', taxCategory: 'O' }],
};

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box); // globex reads German
  await box.ok(['customer', 'add', '--id', 'umbrella', '--name', 'Umbrella SARL', '--email', 'compta@umbrella.test', '--lang', 'fr', '--tax-id', 'FR40303265045']);
  await box.ok(['invoice', 'new', '--input', '-', '--date', '2026-11-01'], { input: JSON.stringify(REVERSE_CHARGE) }); // 0001
  await box.ok(['invoice', 'new', '--input', '-', '--date', '2026-11-02'], { input: JSON.stringify(OUT_OF_SCOPE) }); // 0002
});
afterAll(() => box.cleanup());

async function textOf(number: string, args: string[] = []): Promise<string> {
  const out = join(box.home, `${number}-${args.join('')}.pdf`);
  await box.ok(['invoice', 'pdf', number, '--out', out, ...args]);
  return (await readPdf(readFileSync(out))).text.replace(/\s+/g, ' ');
}

describe('PDFs of invoices with VAT categories, units, discounts and dates', () => {
  it('shows a reverse-charge invoice in French with its units, discounts, date of supply, references and note', async () => {
    const text = await textOf('INV-2026-0001');
    for (const expected of [
      'Conseil', 'Fidélité 10 %: -120,00 €', '10 h', '1 080,00 €',
      'Manuels', '30 pièce(s)', '5,00 € / 12 pièce(s)', '12,50 €',
      'Total des lignes 1 092,50 €', 'Commande anticipée 5 % -54,63 €', 'Port 12,50 €', 'Total HT 1 050,37 €',
      'TVA 0 % sur 1 050,37 € : autoliquidation (AE) 0,00 €', 'Total TTC 1 050,37 €', 'Autoliquidation',
      'Date de livraison 31 octobre 2026', 'Bon de commande PO-4711', 'Référence acheteur BR-77', 'Contrat FW-2026-01',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('shows the same invoice in German and English when asked', async () => {
    const de = await textOf('INV-2026-0001', ['--lang', 'de', '--template', 'modern']);
    for (const expected of ['10 Std.', '30 Stück', 'Fidélité 10 %: -120,00 €', 'Leistungsdatum: 31. Oktober 2026', 'Bestellnummer: PO-4711', 'Reverse Charge (AE)']) expect(de).toContain(expected);
    const en = await textOf('INV-2026-0001', ['--lang', 'en']);
    for (const expected of ['10 h', 'Date of supply', 'reverse charge (AE)', 'Line total', 'Total without VAT']) expect(en).toContain(expected);
  });

  it('prints no VAT column on an invoice outside the scope of VAT, with its note and service period', async () => {
    for (const template of ['classic', 'modern']) {
      const text = await textOf('INV-2026-0002', ['--template', template]);
      for (const expected of ['2 Monat(e)', '800,00 €', 'Leistungszeitraum', '1. September 2026 – 31. Oktober 2026', 'Nicht steuerbar']) expect(text).toContain(expected);
      expect(text).not.toContain('USt.');
    }
  });
});

describe('a small business invoice made with flags', () => {
  it('shows no VAT column, the § 19 UStG note, the seller tax number and registration, units and the discount', async () => {
    const small = sandbox();
    try {
      await seedBusiness(small);
      await small.ok(['config', 'set', 'vat.smallBusiness', 'true']);
      await small.ok(['config', 'set', 'taxNumber', '42/123/45678']);
      await small.ok(['config', 'set', 'registration', 'HRB 12345, Amtsgericht Hamburg']);
      await small.ok(['config', 'set', 'street', 'Hafenstraße 12']);
      await small.ok(['config', 'set', 'postcode', '20457']);
      await small.ok(['config', 'set', 'city', 'Hamburg']);
      await small.ok(['invoice', 'new', '--customer', 'globex', '--date', '2026-11-01', '--service-date', '2026-10-30', '--po', 'PO-9',
        '--item', 'Workshop', '--qty', '2', '--unit', 'day', '--price', '400', '--discount', '10%']);
      const out = join(small.home, 'small.pdf');
      await small.ok(['invoice', 'pdf', 'INV-2026-0001', '--out', out]);
      const text = (await readPdf(readFileSync(out))).text.replace(/\s+/g, ' ');
      for (const expected of [
        'Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.', 'Steuernummer: 42/123/45678', 'Registernummer: HRB 12345, Amtsgericht Hamburg',
        'Hafenstraße 12 20457 Hamburg DE', '2 Tag(e)', 'Rabatt 10 %: -80,00 €', '720,00 €', 'Leistungsdatum 30. Oktober 2026', 'Bestellnummer PO-9',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('USt.');
      const stored = JSON.parse(readFileSync(small.store, 'utf8')).invoices[0];
      expect(stored.presentation.legalNotes).toEqual(['Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.']);
      expect(stored.issuer).toMatchObject({ taxNumber: '42/123/45678', registration: 'HRB 12345, Amtsgericht Hamburg', postalAddress: { lines: ['Hafenstraße 12'], postcode: '20457', city: 'Hamburg', country: 'DE' } });
    } finally {
      small.cleanup();
    }
  });
});
