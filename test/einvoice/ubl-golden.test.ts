// Issue 11: the UBL, Peppol and XRechnung exports of the golden cases, byte for byte. Every golden file was
// checked with the official rules (../shared/einvoice/validate: 0 fatal with EN 16931, --peppol, --xrechnung;
// see docs/einvoice.md). After a deliberate change to the writer, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/einvoice/ubl-golden.test.ts
// and validate the changed files again before committing them.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EinvoiceProfile } from '../../src/domain/einvoice.js';
import { einvoiceProblems } from '../../src/domain/einvoice-checks.js';
import { ublXml } from '../../src/render/einvoice/ubl.js';
import { invoiceJson } from '../../src/render/json.js';
import { TODAY, documentOf, goldenCases, smallBusinessCase } from './cases.js';
import { showFigures, ublFigures } from './read-ubl.js';

const FORMATS: [string, EinvoiceProfile][] = [
  ['ubl', 'en16931'],
  ['peppol', 'peppol'],
  ['xrechnung', 'xrechnung'],
];
const { doc, cases } = goldenCases();
const small = smallBusinessCase();
const all = [...cases.map(({ name, invoice }) => ({ name, invoice, document: documentOf(doc, invoice) })), { name: 'small-business', invoice: small.invoice, document: documentOf(small.doc, small.invoice) }];
const goldenPath = (name: string, format: string) => new URL(`./golden/${name}.${format}.xml`, import.meta.url);

describe('UBL golden files', () => {
  for (const { name, invoice, document } of all) {
    for (const [format, profile] of FORMATS) {
      it(`${name} as ${format}: passes the pre-write checks and gives the validated bytes`, () => {
        expect(einvoiceProblems(document, profile)).toEqual([]);
        const xml = ublXml(document, profile);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath(name, format), xml);
        expect(xml).toBe(readFileSync(goldenPath(name, format), 'utf8'));
        // Reproducible: the same document gives the same bytes.
        expect(ublXml(document, profile)).toBe(xml);
      });
    }
    it(`${name}: the XML read back has the totals, VAT breakdown and line nets of show --json`, () => {
      const figures = ublFigures(ublXml(document, 'en16931'));
      const { root, id, customizationId, currencies, billingReference, ...money } = figures;
      expect(money).toEqual(showFigures(invoiceJson(invoice, TODAY)));
      expect(root).toBe(invoice.type === 'credit-note' ? 'CreditNote' : 'Invoice');
      expect(id).toBe(invoice.number);
      expect(customizationId).toBe('urn:cen.eu:en16931:2017');
      expect(currencies).toEqual([invoice.currency]);
      expect(billingReference).toBe(invoice.precedingInvoice?.number);
    });
  }

  it('covers the cases issue 11 lists', () => {
    const names = all.map(({ name }) => name);
    for (const name of ['standard', 'reverse-charge', 'intra-community', 'export', 'small-business', 'allowances-charges', 'base-quantity', 'credit-note', 'many-lines']) expect(names).toContain(name);
    const categories = new Set(all.flatMap(({ invoice }) => invoice.taxes.map((tax) => `${tax.category}:${tax.rate}`)));
    for (const group of ['S:19', 'S:7', 'AE:0', 'K:0', 'G:0', 'O:0']) expect(categories).toContain(group);
  });
});
