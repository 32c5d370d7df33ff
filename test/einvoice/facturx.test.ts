/**
 * Factur-X: the invoice's own PDF, made a PDF/A-3b carrying the `cii` export as factur-x.xml. Read back with
 * pdfjs-dist: the attachment is byte for byte the CII export, the XMP declares Factur-X EN 16931 and PDF/A-3B,
 * and the page text still reads. (The embedded XML of each case is the validated golden CII file.)
 */
import { describe, expect, it } from 'vitest';
import { createInvoicePdfRenderer } from '../../src/render/pdf/invoice-pdf.js';
import { einvoiceDocument } from '../../src/domain/einvoice.js';
import { writeCii } from '../../src/render/einvoice/cii.js';
import { readPdf } from '../support/pdf-text.js';
import { ciiCases } from './cii-fixtures.js';

interface Attachment {
  filename: string;
  content: Uint8Array;
  description?: string;
}

async function readHybrid(bytes: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const attachments = ((await document.getAttachments()) ?? {}) as Record<string, Attachment>;
  const { metadata } = await document.getMetadata();
  const xmp = metadata ? (metadata as unknown as { getRaw(): string }).getRaw() : '';
  const creator = metadata?.get('dc:creator');
  await document.destroy();
  return { attachments, xmp, creator };
}

const cases = new Map(ciiCases().map((c) => [c.name, c]));

describe('facturx PDF', () => {
  it.each(['standard', 'credit-note', 'multi-page'])('%s: embeds the cii export as factur-x.xml with the Factur-X XMP', async (name) => {
    const { invoice, business } = cases.get(name)!;
    const renderer = await createInvoicePdfRenderer({ business, today: '2026-03-02', facturx: true });
    const pdf = await renderer.render(invoice);
    const { attachments, xmp } = await readHybrid(pdf.bytes);
    expect(Object.keys(attachments)).toEqual(['factur-x.xml']);
    expect(Buffer.from(attachments['factur-x.xml']!.content).toString('utf8')).toBe(writeCii(einvoiceDocument(invoice, business, undefined, '2026-03-02'), 'cii'));
    for (const field of ['<fx:DocumentType>INVOICE</fx:DocumentType>', '<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>', '<fx:Version>1.0</fx:Version>', '<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>', '<pdfaid:part>3</pdfaid:part>', '<pdfaid:conformance>B</pdfaid:conformance>', '<pdfaSchema:prefix>fx</pdfaSchema:prefix>']) {
      expect(xmp).toContain(field);
    }
    const raw = Buffer.from(pdf.bytes).toString('latin1');
    expect(raw).toMatch(/\/AFRelationship \/Alternative/);
    expect(raw).toMatch(/\/OutputIntents/);
    expect(raw).toMatch(/\/Subtype \/text#2Fxml/);
    expect(raw).toMatch(/^%PDF-1\.7/);
    const text = await readPdf(pdf.bytes);
    expect(text.text).toContain(invoice.number!);
    if (name === 'multi-page') expect(pdf.pages).toBeGreaterThan(1);
    // Reproducible: the same invoice and day give the same bytes.
    expect((await renderer.render(structuredClone(invoice))).bytes.equals(pdf.bytes)).toBe(true);
  });

  it('writes the XMP text escaped, so a seller named "Smith & Sons <GmbH>" keeps the packet readable', async () => {
    const { invoice, business } = cases.get('standard')!;
    const renamed = { ...business, name: 'Smith & Sons <GmbH>' };
    const pdf = await (await createInvoicePdfRenderer({ business: renamed, today: '2026-03-02', facturx: true })).render({ ...invoice, issuer: { ...invoice.issuer!, name: 'Smith & Sons <GmbH>' } });
    const { xmp, creator } = await readHybrid(pdf.bytes);
    expect(xmp).toContain('Smith &amp; Sons &lt;GmbH&gt;');
    expect(creator).toEqual(['Smith & Sons <GmbH>']);
  });

  it('the pdf.facturx setting makes the plain renderer hybrid; without it the PDF has no attachment; a draft stays plain', async () => {
    const { invoice, business } = cases.get('standard')!;
    const plain = await (await createInvoicePdfRenderer({ business, today: '2026-03-02' })).render(invoice);
    expect(Object.keys((await readHybrid(plain.bytes)).attachments)).toEqual([]);
    const setting = { ...business, pdf: { ...business.pdf, facturx: true } };
    const hybrid = await (await createInvoicePdfRenderer({ business: setting, today: '2026-03-02' })).render(invoice);
    expect(Object.keys((await readHybrid(hybrid.bytes)).attachments)).toEqual(['factur-x.xml']);
    const draft = await (await createInvoicePdfRenderer({ business: setting, today: '2026-03-02' })).render({ ...invoice, number: null, status: 'draft' });
    expect(Object.keys((await readHybrid(draft.bytes)).attachments)).toEqual([]);
  });
});
