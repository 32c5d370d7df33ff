/**
 * The `facturx` format of `invoice export` (and `send --attach facturx`): the invoice's own PDF, from the same
 * renderer as `invoice pdf`, made a Factur-X hybrid. One renderer serves a whole batch (templates and fonts
 * load once); the embedded XML is the `cii` export of the same resolved document.
 */
import type { EinvoiceDocument } from '../../domain/einvoice.js';
import type { EinvoiceWriter } from './formats.js';

export function facturxWriter(): EinvoiceWriter {
  let renderer: Promise<import('../pdf/invoice-pdf.js').InvoicePdfRenderer> | undefined;
  return async (document: EinvoiceDocument) => {
    if (!renderer) {
      const { createInvoicePdfRenderer } = await import('../pdf/invoice-pdf.js');
      renderer = createInvoicePdfRenderer({ business: document.business, today: document.today, facturx: true });
    }
    const pdf = await (await renderer).render(document.invoice, document);
    return new Uint8Array(pdf.bytes);
  };
}
