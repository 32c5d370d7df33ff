/**
 * E-invoices attached to sent invoices (`send --attach`, the setting mail.attach). They are built at send
 * time, like the PDF, from the same writers as `invoice export`, so the attached bytes are the exported
 * ones. `facturx` is not an extra file: it makes the invoice's PDF itself the Factur-X hybrid.
 * The pre-write checks run when the jobs are claimed: an invoice that cannot be a valid e-invoice in a
 * requested format stops the run before anything is claimed or sent.
 */
import { type AttachableFormat, parseAttachFormats } from '../domain/einvoice-attach.js';
import { einvoiceDocument } from '../domain/einvoice.js';
import { einvoiceProblems } from '../domain/einvoice-checks.js';
import { invalid } from '../domain/errors.js';
import { invoiceLabel } from '../domain/invoices.js';
import type { Business, Customer, Invoice, StoreDocument } from '../domain/types.js';
import type { OutgoingMessage } from '../mail/mailer.js';
import { type EinvoiceWriter, einvoiceFormat } from '../render/einvoice/formats.js';

export type MessageAttachment = OutgoingMessage['attachments'][number];

/** --attach when given, else the setting mail.attach, else none. */
export function attachFormatsOf(requested: readonly AttachableFormat[] | undefined, business: Business): AttachableFormat[] {
  if (requested !== undefined) return [...requested];
  return business.mail?.attach ? parseAttachFormats(business.mail.attach, 'mail.attach') : [];
}

const documentOf = (doc: StoreDocument, invoice: Invoice, business: Business, today: string) =>
  einvoiceDocument(invoice, business, doc.customers.find((customer) => customer.id === invoice.customer.id), today);

/** Throws one error listing every rule each invoice breaks in each requested format. */
export function assertAttachable(doc: StoreDocument, invoices: readonly Invoice[], formats: readonly AttachableFormat[], business: Business, today: string): void {
  const problems: string[] = [];
  for (const name of formats) {
    const format = einvoiceFormat(name);
    if (!format) continue;
    for (const invoice of invoices) {
      for (const problem of einvoiceProblems(documentOf(doc, invoice, business, today), format.profile)) {
        problems.push(`${invoiceLabel(invoice)} (${name}): ${problem.rule}: ${problem.message}`);
      }
    }
  }
  if (problems.length > 0) throw invalid(`cannot attach the e-invoices; nothing was sent:\n  ${problems.join('\n  ')}`);
}

/**
 * The XML attachments of one invoice: `<number>.xml` when one format is asked for (the name `invoice export`
 * gives it), `<number>-<format>.xml` when several are.
 */
export async function createAttachmentBuilder(customers: readonly Customer[], formats: readonly AttachableFormat[], business: Business, today: string): Promise<(invoice: Invoice) => Promise<MessageAttachment[]>> {
  const xmlFormats = formats.filter((name) => name !== 'facturx');
  const writers: [string, EinvoiceWriter][] = [];
  for (const name of xmlFormats) writers.push([name, await einvoiceFormat(name)!.loadWriter()]);
  // The customers as they are now fill what an older invoice's snapshot lacks, as in `invoice export`.
  return async (invoice) => {
    const document = einvoiceDocument(invoice, business, customers.find((customer) => customer.id === invoice.customer.id), today);
    const attachments: MessageAttachment[] = [];
    for (const [name, write] of writers) {
      const output = await write(document);
      const filename = `${invoice.number ?? invoice.id}${writers.length > 1 ? `-${name}` : ''}.xml`;
      attachments.push({ filename, content: typeof output === 'string' ? Buffer.from(output, 'utf8') : Buffer.from(output), contentType: 'application/xml' });
    }
    return attachments;
  };
}
