/**
 * CII and XRechnung-CII: the bytes of every case equal its golden file (each validated with the official
 * EN 16931 and XRechnung rules when it was made: see docs/einvoice.md), and the figures read back from the
 * XML equal the invoice's `show --json` projection. UPDATE_GOLDEN=1 rewrites the golden files; validate them
 * again with ../shared/einvoice/validate before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { einvoiceDocument } from '../../src/domain/einvoice.js';
import type { Business, Invoice } from '../../src/domain/types.js';
import { invoiceJson } from '../../src/render/json.js';
import { type CiiVariant, writeCii as writeDocument } from '../../src/render/einvoice/cii.js';
import { ciiCases } from './cii-fixtures.js';
import { readCii } from './cii-read.js';

const golden = (name: string, variant: CiiVariant) => new URL(`./golden/${name}.${variant}.xml`, import.meta.url);
const cases = ciiCases();
/** As `invoice export` calls it: the invoice resolved with the settings (domain/einvoice.ts). */
const writeCii = (invoice: Invoice, { business, variant }: { business: Business; variant: CiiVariant }) => writeDocument(einvoiceDocument(invoice, business, undefined, '2026-03-02'), variant);

describe.each(['cii', 'xrechnung-cii'] as const)('%s', (variant) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s matches its validated golden file', (name, { invoice, business }) => {
    const xml = writeCii(invoice, { business, variant });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(name, variant), xml);
    expect(xml).toBe(readFileSync(golden(name, variant), 'utf8'));
    expect(writeCii(structuredClone(invoice), { business: structuredClone(business), variant })).toBe(xml);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: totals, VAT breakdown and line nets equal show --json', (_name, { invoice, business }) => {
    const read = readCii(writeCii(invoice, { business, variant }));
    const shown = invoiceJson(invoice, '2026-03-02');
    expect(read.totals).toEqual({
      lineTotal: shown.lineTotal,
      chargeTotal: shown.chargeTotal,
      allowanceTotal: shown.allowanceTotal,
      subtotal: shown.subtotal,
      tax: shown.tax,
      total: shown.total,
      paid: shown.paid,
      // A credit note's BT-115 is its amount; SmallPay's balance of one is 0 (it is credited, not collected).
      due: shown.type === 'credit-note' ? shown.total : shown.balance,
    });
    expect(read.taxCurrency).toBe(shown.currency);
    expect(read.taxes).toEqual(shown.taxes.map((t) => ({ category: t.category, rate: t.rate, base: t.base, tax: t.tax, exemptionReason: t.exemptionReason, exemptionCode: t.exemptionCode })));
    expect(read.lineNets).toEqual(shown.items.map((item) => item.net));
  });
});

describe('cii document', () => {
  const byName = new Map(cases.map((c) => [c.name, c]));

  it('a credit note is type 381 and names the invoice it corrects (BT-25/26)', () => {
    const { invoice, business } = byName.get('credit-note')!;
    const read = readCii(writeCii(invoice, { business, variant: 'cii' }));
    expect(read.typeCode).toBe('381');
    expect(read.precedingInvoice).toEqual({ number: 'INV-2026-0001', issueDate: '20260302' });
  });

  it('an invoice is type 380 and states the EN 16931 or XRechnung guideline', () => {
    const { invoice, business } = byName.get('standard')!;
    expect(readCii(writeCii(invoice, { business, variant: 'cii' }))).toMatchObject({ typeCode: '380', guideline: 'urn:cen.eu:en16931:2017', precedingInvoice: null });
    expect(readCii(writeCii(invoice, { business, variant: 'xrechnung-cii' })).guideline).toBe('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
  });

  it('writes ApplicableHeaderTradeDelivery even without delivery data (the CII schema requires it)', () => {
    const { invoice, business } = byName.get('standard')!;
    const bare = { ...invoice, serviceDate: undefined } as typeof invoice;
    delete bare.serviceDate;
    expect(writeCii(bare, { business, variant: 'cii' })).toContain('<ram:ApplicableHeaderTradeDelivery/>');
  });

  it('XRechnung carries the seller contact: settings contact.*, name and email defaulting to the business', () => {
    const { invoice, business } = byName.get('standard')!;
    const xml = writeCii(invoice, { business, variant: 'xrechnung-cii' });
    expect(xml).toContain('<ram:PersonName>Ada Lovelace</ram:PersonName>');
    expect(xml).toContain('<ram:CompleteNumber>+49 30 1234567</ram:CompleteNumber>');
    expect(xml).toContain('<ram:URIID>billing@ada.example</ram:URIID>');
    expect(writeCii(invoice, { business, variant: 'cii' })).not.toContain('DefinedTradeContact');
  });
});

describe('attachable formats', () => {
  it('are the formats invoice export knows (the core keeps the names, render/einvoice the writers)', async () => {
    const { ATTACHABLE_FORMATS } = await import('../../src/domain/einvoice-attach.js');
    const { EINVOICE_FORMAT_NAMES } = await import('../../src/render/einvoice/formats.js');
    expect([...ATTACHABLE_FORMATS].sort()).toEqual([...EINVOICE_FORMAT_NAMES].sort());
  });
});
